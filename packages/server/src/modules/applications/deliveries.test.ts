import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, caseClocks } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { deliver, registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';
import { sweepClocks } from './clock-watcher.ts';

/**
 * Delivery (送达) and the objection periods (issue 11 §1): a refusal's period runs from receipt
 * (BJR art.24), a termination has none (LAL art.49), and the bureau's 5 days run from the day it
 * received the objection (LAL art.49(2)). The test clock starts on Monday 2026-11-02, 09:00 Beijing.
 */
let t: TestContext;
let window: Staff;
let reviewer: Staff;

const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
});
afterAll(() => t.close());

/** A refused application, decided now. */
async function refused() {
  const applicantId = await registerApplicant(window, '赵敏');
  const created = await takeIn(
    window,
    wageClaim(applicantId, {
      materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
    }),
  );
  expect((await reviewer.session.post(`/api/v1/applications/${created.id}/review`)).statusCode).toBe(200);
  const decided = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
    decision: 'refuse',
    reasons: [{ code: 'no_hardship', citation: 'LAL art.34' }],
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

/** Moves the clock and signs the staff in again (sessions expire meanwhile). */
async function advance(ms: number) {
  t.clock.advance(ms);
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
}

describe('the objection period of a refusal runs from its delivery (BJR art.24)', () => {
  it('decided on day D, delivered by post on D+5, an objection on D+18 is in time', async () => {
    const start = t.clock.now().getTime();
    try {
      const app = await refused();
      // Not delivered: no due date, "未送达" on the case and in the worklist.
      expect(app).toMatchObject({
        state: 'refused',
        awaitingDelivery: true,
        objectionWindow: { status: 'not_delivered', dueAt: null },
        currentClock: null,
      });
      const list = await reviewer.session.get('/api/v1/applications?state=refused');
      expect(list.json().items.find((i: { id: string }) => i.id === app.id)).toMatchObject({
        awaitingDelivery: true,
      });
      const waiting = async () =>
        (await reviewer.session.get('/api/v1/applications?awaitingDelivery=true&pageSize=100'))
          .json()
          .items.map((i: { id: string }) => i.id);
      expect(await waiting()).toContain(app.id);

      await advance(5 * DAY);
      // The clock watcher has nothing to close while the decision is not delivered.
      expect((await sweepClocks(t.deps)).lapsed).toBe(0);
      const delivered = await deliver(window, app.id, 'refusal_decision', '2026-11-07', 'post');
      expect(delivered.statusCode, delivered.body).toBe(200);
      const detail = delivered.json();
      // 15 days from the day after 11-07 end on Sunday 11-22, so on Monday 11-23 (民法典 art.201, 203).
      expect(detail).toMatchObject({
        awaitingDelivery: false,
        objectionWindow: {
          status: 'running',
          dueAt: '2026-11-23T15:59:59.999Z',
          citation: 'BJR art.24; 民法典 art.201–203',
        },
        currentClock: { period: 'objection_filing' },
      });
      expect(detail.deliveries).toEqual([
        expect.objectContaining({
          documentKind: 'refusal_decision',
          method: 'post',
          deliveredOn: '2026-11-07',
          deliveredBy: '邮政EMS投递员李强',
          recordedBy: expect.objectContaining({ id: window.id }),
        }),
      ]);
      expect(detail.events.at(-1)).toMatchObject({ event: 'record_delivery', toState: 'refused' });
      expect(await waiting()).not.toContain(app.id);

      await advance(13 * DAY); // D+18: past the 15 days from the decision, within those from delivery
      expect((await sweepClocks(t.deps)).lapsed).toBe(0);
      const objection = await window.session.post(`/api/v1/applications/${app.id}/objections`, {
        grounds: '申请人收到决定书后提出异议。',
      });
      expect(objection.statusCode, objection.body).toBe(200);
      expect(objection.json().state).toBe('objection_to_refusal');

      const audits = await t.deps.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'application.delivery_recorded')),
        );
      expect(audits).toHaveLength(1);
    } finally {
      await advance(start - t.clock.now().getTime());
    }
  });

  it('an objection after the period from delivery is refused, and the watcher closes the period', async () => {
    const start = t.clock.now().getTime();
    try {
      const app = await refused();
      expect((await deliver(window, app.id, 'refusal_decision', '2026-11-02', 'in_person')).statusCode).toBe(
        200,
      );
      await advance(17 * DAY);
      expect((await sweepClocks(t.deps)).lapsed).toBeGreaterThanOrEqual(1);
      const late = await window.session.post(`/api/v1/applications/${app.id}/objections`, {
        grounds: '逾期',
      });
      expect(late.statusCode).toBe(422);
      expect(late.json().error).toMatchObject({
        code: 'APPLICATION_GUARD_FAILED',
        details: { reason: 'OBJECTION_PERIOD_CLOSED' },
      });
      const detail = (await window.session.get(`/api/v1/applications/${app.id}`)).json();
      expect(detail.objectionWindow).toMatchObject({ status: 'closed' });
    } finally {
      await advance(start - t.clock.now().getTime());
    }
  });

  it('checks the delivery: date, proof, document, and one delivery per document', async () => {
    const app = await refused();
    const document = app.documents.find((d: { kind: string }) => d.kind === 'refusal_decision');
    const post = (body: Record<string, unknown>) =>
      window.session.post(`/api/v1/applications/${app.id}/deliveries`, {
        documentId: document.id,
        method: 'sms',
        deliveredOn: '2026-11-02',
        deliveredBy: '窗口工作人员',
        ...body,
      });
    const code = async (body: Record<string, unknown>) => (await post(body)).json().error?.code;
    expect(await code({ deliveredOn: '2026-11-03' })).toBe('DELIVERY_DATE_IN_FUTURE');
    expect(await code({ deliveredOn: '2026-11-01' })).toBe('DELIVERY_BEFORE_DOCUMENT');
    expect(await code({})).toBe('DELIVERY_PROOF_REQUIRED');
    expect(await code({ method: 'post', smsReportRef: 'SMS-1' })).toBe('DELIVERY_PROOF_REQUIRED');
    expect(await code({ proofAttachmentId: crypto.randomUUID() })).toBe('DELIVERY_PROOF_UNKNOWN');
    expect(await code({ documentId: crypto.randomUUID(), smsReportRef: 'SMS-1' })).toBe(
      'DELIVERY_DOCUMENT_UNKNOWN',
    );
    const bad = await post({ method: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    // An SMS is proved by the platform's delivery report.
    const bySms = await post({ smsReportRef: 'SMS-20261102-0001' });
    expect(bySms.statusCode, bySms.body).toBe(200);
    expect(bySms.json().deliveries[0]).toMatchObject({ method: 'sms', smsReportRef: 'SMS-20261102-0001' });
    const [clock] = await t.deps.db
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.applicationId, app.id), eq(caseClocks.period, 'objection_filing')));
    expect(clock).toMatchObject({ status: 'running', ruleId: 'bj.period.objection_filing.v1' });
    expect(await code({ smsReportRef: 'SMS-20261102-0002' })).toBe('DELIVERY_ALREADY_RECORDED');
    // Another centre's staff do not reach the case.
    const other = await signIn(t, ORG.haidian, ['window_staff']);
    const foreign = await other.session.post(`/api/v1/applications/${app.id}/deliveries`, {
      documentId: document.id,
      method: 'sms',
      deliveredOn: '2026-11-02',
      deliveredBy: '—',
      smsReportRef: 'x',
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('the objection review runs from receipt of the objection (LAL art.49(2))', () => {
  it('an objection received 3 days before it was entered: the 5 days count from its receipt', async () => {
    const start = t.clock.now().getTime();
    try {
      const app = await refused();
      expect((await deliver(window, app.id, 'refusal_decision', '2026-11-02', 'in_person')).statusCode).toBe(
        200,
      );
      await advance(5 * DAY); // now 2026-11-07 09:00; received 2026-11-04 09:00
      const filedAt = new Date(t.clock.now().getTime() - 3 * DAY);
      const filed = await window.session.post(`/api/v1/applications/${app.id}/objections`, {
        grounds: '三日前邮寄至司法局的异议。',
        filedAt: filedAt.toISOString(),
      });
      expect(filed.statusCode, filed.body).toBe(200);
      const [review] = await t.deps.db
        .select()
        .from(caseClocks)
        .where(and(eq(caseClocks.applicationId, app.id), eq(caseClocks.period, 'objection_review')));
      expect(review?.startedAt.toISOString()).toBe(filedAt.toISOString());
      // 5 days from 11-04: 11-09 (a Monday), 24:00 Beijing.
      expect(review?.dueAt.toISOString()).toBe('2026-11-09T15:59:59.999Z');
      const future = await window.session.post(`/api/v1/applications/${app.id}/objections`, {
        grounds: '—',
        filedAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
      });
      expect(future.json().error.code).toBe('OBJECTION_FILED_IN_FUTURE');
    } finally {
      await advance(start - t.clock.now().getTime());
    }
  });
});
