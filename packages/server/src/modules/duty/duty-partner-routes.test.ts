import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import { signIn } from '../applications/application-test-kit.ts';
import { createTestPartner, type TestPartner } from '../../../test/partner-client.ts';
import { buildStation } from './duty-test-kit.ts';

/** The duty-lawyer requests through the real partner door: every request is signed with a partner's key. */
let t: TestContext;
let caller: TestPartner;
let court: TestPartner;
let other: TestPartner;
let station: { id: string; code: string };

const post = (body: unknown, key?: string) =>
  caller.signed(
    'POST',
    '/api/partner/v1/duty-lawyer-requests',
    body,
    key ? { headers: { 'idempotency-key': key } } : {},
  );

const request = (overrides: Record<string, unknown> = {}) => ({
  stationOrganisationCode: station.code,
  suspect: { name: '冯某' },
  institutionCaseNumber: '京海法刑初〔2026〕5号',
  reason: 'plea_signing',
  place: '第一审判庭',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  station = await buildStation(t, ORG.haidian, { name: '海淀法院驻院值班律师工作站' });
  await buildHandler(t.deps, '冯律师', { organisationId: ORG.haidian });
  const director = await signIn(t, ORG.haidian, ['director']);
  const confirmed = await director.session.post('/api/v1/duty/rosters', {
    stationId: station.id,
    weekStart: '2026-11-02',
  });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  const operations = ['duty_lawyer_requests' as const];
  court = await createTestPartner(t, {
    kind: 'court',
    name: '北京市海淀区人民法院',
    organisationId: ORG.haidian,
    operations,
  });
  other = await createTestPartner(t, {
    kind: 'procuratorate',
    name: '北京市海淀区人民检察院',
    organisationId: ORG.haidian,
    operations,
  });
});
afterAll(() => t.close());

describe('POST /api/partner/v1/duty-lawyer-requests', () => {
  it('answers 201 with the station and the lawyer on duty, and replays the same answer for the same key', async () => {
    caller = court;
    const first = await post(request(), 'court-req-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'received',
      station: { id: station.id, code: station.code },
      dutyLawyer: { name: '冯律师' },
    });
    const again = await post(request(), 'court-req-0001');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const status = await caller.signed('GET', `/api/partner/v1/duty-lawyer-requests/${first.json().id}`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: 'received', dutyLawyer: { name: '冯律师' } });
    caller = other;
    const elsewhere = await caller.signed('GET', `/api/partner/v1/duty-lawyer-requests/${first.json().id}`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('refuses a malformed request with the field, and an unknown station with its code', async () => {
    caller = court;
    const malformed = await post(request({ reason: 'lunch' }));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await post(request({ stationOrganisationCode: 'NO-SUCH' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('DUTY_REQUEST_STATION_UNKNOWN');
  });
});
