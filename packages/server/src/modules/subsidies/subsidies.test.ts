import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications, auditEvents, caseAssignments, subsidyPayments } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildLawFirm, buildPoolHandler, closedCase, type PoolHandler } from '../quality/closed-case-kit.ts';
import { sha256Of } from '../casework/archive.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let finance: Staff;
let chaoyangFinance: Staff;
let firmLawyer: PoolHandler;
let centreLawyer: PoolHandler;
let firmId: string;

const payment = { amountFen: 300_000, paidOn: '2026-11-02', paymentReference: '京财支〔2026〕1101号' };

/** A closed case evaluated by the reviewer: `evaluated`, waiting for the subsidy. */
async function evaluatedCase(handler: PoolHandler, defendant: string): Promise<string> {
  const id = await closedCase({ window, director, reviewer }, handler, defendant);
  const evaluated = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
    methods: ['file_inspection'],
    grade: 'excellent',
    score: 93,
    findings: '卷宗规范，辩护意见被采纳。',
  });
  expect(evaluated.statusCode, evaluated.body).toBe(201);
  return id;
}

async function stateOf(id: string) {
  const [row] = await t.deps.db
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, id));
  return row?.state;
}

const paymentRows = (id: string) =>
  t.deps.db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id));

const auditRows = (id: string, action: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  finance = await signIn(t, ORG.haidian, ['finance']);
  chaoyangFinance = await signIn(t, ORG.chaoyang, ['finance']);
  firmId = await buildLawFirm(t.deps, '北京海淀某律师事务所');
  firmLawyer = await buildPoolHandler(t, ORG.haidian, '冯律师', firmId);
  centreLawyer = await buildPoolHandler(t, ORG.haidian, '陈律师', null);
});
afterAll(() => t.close());

describe('subsidy payment (办案补贴, LAL art.52; BJR art.32)', () => {
  it('finance records the subsidy paid to the handler’s law firm: the case is subsidy_paid, timeline and audit row', async () => {
    const id = await evaluatedCase(firmLawyer, '褚某');
    expect((await finance.session.get(`/api/v1/applications/${id}/subsidy-payments`)).json()).toEqual([]);
    const response = await finance.session.post(`/api/v1/applications/${id}/subsidy-payment`, payment);
    expect(response.statusCode, response.body).toBe(201);
    const paid = response.json();
    expect(paid).toMatchObject({
      applicationId: id,
      handler: { id: firmLawyer.id, name: '冯律师' },
      payee: { kind: 'law_firm', id: firmId, name: '北京海淀某律师事务所' },
      amountFen: 300_000,
      paidOn: '2026-11-02',
      paymentReference: '京财支〔2026〕1101号',
      recordedBy: { id: finance.id },
      batchId: null,
      // The base rate row of the case's calculation (national, its figure still unset).
      rateRuleId: 'cn.subsidy.case_criminal_trial_first_instance.v1',
    });
    const detail = (await director.session.get(`/api/v1/applications/${id}`)).json();
    expect(detail.state).toBe('subsidy_paid');
    expect(detail.allowedEvents).toContain('archive');
    const event = detail.events.find((e: { event: string }) => e.event === 'record_subsidy_paid');
    expect(event).toMatchObject({ citation: 'LAL art.52; BJR art.32' });
    const [audit] = await auditRows(id, 'application.record_subsidy_paid');
    expect(audit?.changes).toMatchObject({
      state: { before: 'evaluated', after: 'subsidy_paid' },
      amountFen: { after: 300_000 },
      payeeKind: { after: 'law_firm' },
    });
    expect((await window.session.get(`/api/v1/applications/${id}/subsidy-payments`)).json()).toEqual([paid]);
  });

  it('pays a handler without a firm directly', async () => {
    const id = await evaluatedCase(centreLawyer, '卫某');
    const response = await finance.session.post(`/api/v1/applications/${id}/subsidy-payment`, payment);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().payee).toEqual({ kind: 'handler', id: centreLawyer.id, name: '陈律师' });
  });

  it('refuses a case not yet evaluated (409), other roles (403), another district (404), and bad amounts or dates', async () => {
    const closed = await closedCase({ window, director, reviewer }, firmLawyer, '蒋某');
    const early = await finance.session.post(`/api/v1/applications/${closed}/subsidy-payment`, payment);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('APPLICATION_STATE_CONFLICT');
    expect(await paymentRows(closed)).toEqual([]);

    const id = await evaluatedCase(firmLawyer, '沈某');
    const url = `/api/v1/applications/${id}/subsidy-payment`;
    for (const staff of [director, reviewer, window])
      expect((await staff.session.post(url, payment)).statusCode).toBe(403);
    expect((await firmLawyer.session.post(url, payment)).statusCode).toBe(403);
    expect((await chaoyangFinance.session.post(url, payment)).statusCode).toBe(404);
    expect(
      (await chaoyangFinance.session.get(`/api/v1/applications/${id}/subsidy-payments`)).statusCode,
    ).toBe(404);

    for (const amountFen of [0, -100, 12.5]) {
      const bad = await finance.session.post(url, { ...payment, amountFen });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
    const future = await finance.session.post(url, { ...payment, paidOn: '2026-11-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('SUBSIDY_PAID_ON_IN_FUTURE');
    const noReference = await finance.session.post(url, { ...payment, paymentReference: '  ' });
    expect(noReference.statusCode).toBe(400);
    expect(await stateOf(id)).toBe('evaluated');
    expect(await paymentRows(id)).toEqual([]);
    expect(await auditRows(id, 'application.record_subsidy_paid')).toEqual([]);

    // Nobody to pay (aid given in advance has no accepted assignment, LAL art.44): refused whole.
    await t.deps.db
      .update(caseAssignments)
      .set({ status: 'replaced' })
      .where(eq(caseAssignments.applicationId, id));
    const nobody = await finance.session.post(url, payment);
    expect(nobody.statusCode).toBe(409);
    expect(nobody.json().error.code).toBe('SUBSIDY_NO_HANDLER');
    expect(await stateOf(id)).toBe('evaluated');
    expect(await paymentRows(id)).toEqual([]);
  });

  it('a retry with the same Idempotency-Key answers the first payment and pays nothing more', async () => {
    const id = await evaluatedCase(firmLawyer, '韩某');
    const url = `/api/v1/applications/${id}/subsidy-payment`;
    const key = { 'idempotency-key': `subsidy-${id}` };
    const first = await finance.session.post(url, payment, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await finance.session.post(url, payment, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    // Without the key a second payment is a second lifecycle step, which the state refuses.
    expect((await finance.session.post(url, payment)).statusCode).toBe(409);
    expect(await paymentRows(id)).toHaveLength(1);
  });
});

describe('archive after the subsidy (归档)', () => {
  it('the archived file holds the evaluation and the payment, and its hash checks', async () => {
    const id = await evaluatedCase(firmLawyer, '杨某');
    expect((await director.session.post(`/api/v1/cases/${id}/archive`)).statusCode).toBe(409);
    const paid = await finance.session.post(`/api/v1/applications/${id}/subsidy-payment`, payment);
    expect(paid.statusCode, paid.body).toBe(201);
    // Finance pays; filing the case is the centre's.
    expect((await finance.session.post(`/api/v1/cases/${id}/archive`)).statusCode).toBe(403);

    const archived = await director.session.post(`/api/v1/cases/${id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    const file = archived.json();
    expect(file.intact).toBe(true);
    expect(sha256Of(file.snapshot)).toBe(file.sha256);
    expect(file.snapshot.application.state).toBe('archived');
    expect(file.snapshot.evaluation).toMatchObject({
      grade: { code: 'excellent', ruleId: 'bj.quality_grade.excellent.v1' },
      score: 93,
      methods: [{ code: 'file_inspection' }],
    });
    expect(file.snapshot.subsidyPayments).toEqual([paid.json()]);
    const events = file.snapshot.application.events.map((e: { event: string }) => e.event);
    expect(events).toEqual(expect.arrayContaining(['record_evaluation', 'record_subsidy_paid', 'archive']));
    expect(await auditRows(id, 'case.archive')).toHaveLength(1);
    expect(await stateOf(id)).toBe('archived');
  });
});
