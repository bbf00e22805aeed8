import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { caseAssignments, handlers } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';

/** A batch plan in words, and a pairing the director swaps before confirming (re-checked by the hard rules). */

let t: TestContext;
let window: Staff;
let director: Staff;
let chen: string;
let lin: string;
let suspended: string;

async function handler(name: string, overrides: Partial<typeof handlers.$inferInsert> = {}) {
  const id = randomUUID();
  await t.deps.db.insert(handlers).values({
    id,
    organisationId: ORG.haidian,
    name,
    namePinyin: name,
    nameInitials: name,
    kind: 'social_lawyer',
    licenceNumber: `1110${Math.floor(Math.random() * 1e12)}`,
    practiceStartDate: '2015-01-01',
    criminalPracticeStartDate: '2016-01-01',
    districtsServed: [ORG.haidian],
    capacity: 5,
    status: 'active',
    statusSince: '2020-01-01',
    ...overrides,
  });
  return id;
}

const current = async (applicationId: string) =>
  (
    await t.deps.db
      .select({ handlerId: caseAssignments.handlerId })
      .from(caseAssignments)
      .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'pending')))
  ).map((r) => r.handlerId);

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chen = await handler('陈律师');
  lin = await handler('林律师', { districtsServed: [ORG.chaoyang] });
  suspended = await handler('郑律师', { status: 'suspended', statusReason: '年度考核不合格' });
});
afterAll(() => t.close());

describe('the words of a recommendation', () => {
  it('each eligible candidate carries what speaks for them; an ineligible one none', async () => {
    const c = await recordNotice(window, '赵某');
    const { candidates } = (await director.session.get(`/api/v1/applications/${c.id}/candidates`)).json();
    const byId = new Map(
      candidates.map((x: { handlerId: string; highlights: { code: string }[] }) => [
        x.handlerId,
        x.highlights.map((h) => h.code),
      ]),
    );
    expect(byId.get(chen)).toContain('SAME_DISTRICT');
    expect(byId.get(chen)).toContain('LIGHTEST_LOAD');
    expect(byId.get(lin)).not.toContain('SAME_DISTRICT');
    expect(byId.get(suspended)).toEqual([]);
  });
});

describe('a batch plan with a swapped pairing', () => {
  it('names each applicant and why, takes the swapped lawyer, and refuses an ineligible or repeated pairing', async () => {
    const a = await recordNotice(window, '钱某');
    const b = await recordNotice(window, '孙某');
    const planned = await director.session.post('/api/v1/assignment-plans', { applicationIds: [a.id, b.id] });
    expect(planned.statusCode, planned.body).toBe(200);
    const plan = planned.json();
    expect(plan.assignments).toHaveLength(2);
    const forA = plan.assignments.find((x: { caseId: string }) => x.caseId === a.id);
    expect(forA).toMatchObject({ applicantName: '钱某', applicationNumber: a.number });
    // The pairing's words are the ones the case's candidates list gives its handler.
    const { candidates } = (await director.session.get(`/api/v1/applications/${a.id}/candidates`)).json();
    const pairedWith = candidates.find((x: { handlerId: string }) => x.handlerId === forA.handlerId);
    expect(forA.highlights.length).toBeGreaterThan(0);
    expect(forA.highlights).toEqual(pairedWith.highlights);

    const pairings = plan.assignments.map((x: { caseId: string; handlerId: string }) => ({
      applicationId: x.caseId,
      handlerId: x.handlerId,
    }));
    const swap = (to: string) =>
      pairings.map((p: { applicationId: string; handlerId: string }) =>
        p.applicationId === a.id ? { ...p, handlerId: to } : p,
      );

    const refused = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: swap(suspended),
    });
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('ASSIGNMENT_PLAN_PAIRING_INELIGIBLE');
    expect(error.message).toContain(a.number);
    expect(error.details).toMatchObject({ applicationId: a.id, applicationNumber: a.number });
    expect(error.details.reasons).toContainEqual(expect.objectContaining({ code: 'HANDLER_SUSPENDED' }));
    expect(await current(a.id)).toEqual([]);
    expect(await current(b.id)).toEqual([]);

    const repeated = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: [...pairings, pairings[0]],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.code).toBe('ASSIGNMENT_PLAN_CASE_REPEATED');

    const other = forA.handlerId === chen ? lin : chen;
    const confirmed = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: swap(other),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ assigned: 2 });
    expect(await current(a.id)).toEqual([other]);
  });
});

describe('after assignment the case names its handler', () => {
  it('in the detail, in each assignment event and in the worklist', async () => {
    const c = await recordNotice(window, '周某');
    const assigned = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: lin,
      reason: '熟悉该法院的审判程序',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const detail = assigned.json();
    expect(detail.handler).toEqual({ id: lin, name: '林律师' });
    const assign = detail.events.find((e: { event: string }) => e.event === 'assign');
    expect(assign.handler).toEqual({ id: lin, name: '林律师' });
    expect(detail.events.find((e: { event: string }) => e.event !== 'assign').handler).toBeNull();
    const list = await director.session.get(
      `/api/v1/applications?state=${detail.state}&q=${encodeURIComponent(c.number)}`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ id: c.id, handler: { id: lin, name: '林律师' } }),
    );
  });
});
