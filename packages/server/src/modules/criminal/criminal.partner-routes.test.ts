import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { createTestPartner, type TestPartner } from '../../../test/partner-client.ts';

/*
 * The criminal route plugin through the real partner door: every request below is signed with a
 * partner's key (packages/server/test/partner-client.ts) and checked like a partner's would be.
 */
let t: TestContext;
const byName = new Map<string, TestPartner>();

beforeAll(async () => {
  t = await startTestApp();
  const operations = ['criminal_notices' as const, 'forwarded_applications' as const];
  byName.set(
    'court',
    await createTestPartner(t, {
      kind: 'court',
      name: '北京市海淀区人民法院',
      organisationId: ORG.haidian,
      operations,
    }),
  );
  byName.set(
    'other',
    await createTestPartner(t, {
      kind: 'court',
      name: '北京市朝阳区人民法院',
      organisationId: ORG.chaoyang,
      operations,
    }),
  );
});
afterAll(() => t.close());

const as = (partner: string, method: 'GET' | 'POST', url: string, body?: unknown, key?: string) =>
  byName
    .get(partner)!
    .signed(method, `/api/partner/v1${url}`, body, key ? { headers: { 'idempotency-key': key } } : {});

const notice = {
  institutionCaseNumber: '（2026）京0108刑初555号',
  stage: 'death_penalty_review',
  ground: 'death_penalty_review',
  charges: ['故意杀人罪'],
  defendant: { name: '韩某', detained: true, detentionPlace: '北京市第一看守所' },
};

describe('the criminal partner routes', () => {
  it('take a notice (201, replayed under the same key) and answer its status; 404 to another partner', async () => {
    const created = await as('court', 'POST', '/criminal-notices', notice, 'k-555');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'received', assignmentDueDate: '2026-11-05' });
    const replay = await as('court', 'POST', '/criminal-notices', notice, 'k-555');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(created.json());
    const duplicate = await as('court', 'POST', '/criminal-notices', notice, 'k-556');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: 'CRIMINAL_NOTICE_DUPLICATE',
      details: { id: created.json().id },
    });
    const status = await as('court', 'GET', `/criminal-notices/${created.json().id}`);
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      institutionCaseNumber: notice.institutionCaseNumber,
      handler: null,
    });
    expect((await as('other', 'GET', `/criminal-notices/${created.json().id}`)).statusCode).toBe(404);
  });

  it('answers a malformed notice 400 with the field path', async () => {
    const bad = await as('court', 'POST', '/criminal-notices', { ...notice, charges: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('charges');
    const badId = await as('court', 'POST', '/criminal-notices', {
      ...notice,
      institutionCaseNumber: 'x-1',
      defendant: { name: '韩某', idNumber: '110108199001011230', detained: true },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      details: { field: 'defendant.idNumber' },
    });
  });

  it('take a forwarded application and answer its state', async () => {
    const sent = await as('court', 'POST', '/forwarded-applications', {
      applicant: { name: '杨某' },
      detained: true,
      requestedAt: new Date(t.clock.now().getTime() - 30 * 3_600_000).toISOString(),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'received', forwardedLate: true });
    const read = await as('court', 'GET', `/forwarded-applications/${sent.json().id}`);
    expect(read.json()).toMatchObject({ status: 'received', forwardedLate: true, decision: null });
  });
});
