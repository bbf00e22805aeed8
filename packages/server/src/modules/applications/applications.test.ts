import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let chaoyangReviewer: Staff;
let streetStaff: Staff;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangReviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
  streetStaff = await signIn(t, ORG.haidianStreet, ['workstation_staff']);
});
afterAll(() => t.close());

const HOUR = 3_600_000;

async function messagesFor(applicationId: string) {
  return t.deps.db
    .select({ template: outboxMessages.template, params: outboxMessages.params })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.entityType, 'applications'), eq(outboxMessages.entityId, applicationId)));
}

describe('taking in an application (受理)', () => {
  it('stores the assessment with its rule version, numbers it, starts the 7-day review clock and issues a receipt', async () => {
    const applicantId = await registerApplicant(window);
    const detail = await takeIn(window, wageClaim(applicantId));
    expect(detail).toMatchObject({
      state: 'received',
      channel: 'window',
      owner: { id: ORG.haidian },
      eligible: true,
      assessment: { eligible: true, hardship: { status: 'met' } },
    });
    expect(detail.number).toMatch(/〔2026〕第\d{5}号$/);
    expect(detail.ruleVersion).toMatch(/.+/);
    expect(detail.assessment.reasons.map((r: { citation: string }) => r.citation)).toContain('LAL art.31(5)');
    // 2026-11-02 (Mon) + 7 days = 11-09 (Mon), ending at 24:00 Beijing time.
    const review = detail.clocks.find((c: { period: string }) => c.period === 'review_decision');
    expect(review).toMatchObject({ status: 'running', dueAt: '2026-11-09T15:59:59.999Z' });
    expect(review.citation).toContain('LAL art.43');
    expect(detail.currentClock.period).toBe('review_decision');
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt']);
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({
      event: 'receive_application',
      fromState: null,
      toState: 'received',
    });
    expect(detail.allowedEvents).toEqual(expect.arrayContaining(['request_supplement', 'withdraw']));
    expect(await messagesFor(detail.id)).toEqual([
      { template: 'application_received', params: { number: detail.number } },
    ]);
  });

  it('lists every missing material for the hardship basis and agent', async () => {
    const applicantId = await registerApplicant(window);
    const detail = await takeIn(
      window,
      wageClaim(applicantId, { materialsProvided: ['identity_document'], actingByAgent: true }),
    );
    const byCode = Object.fromEntries(
      detail.materials.map((m: { code: string; status: string }) => [m.code, m.status]),
    );
    expect(byCode).toEqual({
      agent_authority: 'missing',
      case_materials: 'missing',
      identity_document: 'provided',
      integrity_pledge: 'missing',
    });
  });

  it('refuses an unknown matter, an unknown material, a forwarded one without its origin, a missing household', async () => {
    const applicantId = await registerApplicant(window);
    const cases: [Record<string, unknown>, string][] = [
      [{ matter: 'astrology' }, 'APPLICATION_MATTER_UNKNOWN'],
      [{ materialsProvided: ['passport_photo'] }, 'APPLICATION_MATERIAL_UNKNOWN'],
      [{ channel: 'forwarded' }, 'APPLICATION_FORWARDING_REQUIRED'],
      [{ household: undefined }, 'APPLICATION_HOUSEHOLD_REQUIRED'],
      // A criminal stage is a code the qualification rules read (LAL art.26), not words.
      [{ matter: 'criminal_defense', caseType: 'criminal', stage: '死刑复核' }, 'VALIDATION_FAILED'],
    ];
    for (const [override, code] of cases) {
      const response = await window.session.post('/api/v1/applications', wageClaim(applicantId, override));
      expect(response.statusCode, code).toBeGreaterThanOrEqual(400);
      expect(response.json().error.code).toBe(code);
    }
    const list = await reviewer.session.get(`/api/v1/applications?applicantId=${applicantId}`);
    expect(list.json().total).toBe(0);
  });

  it('flags a forwarded application that custody held for more than 24 hours (LAL art.39)', async () => {
    const applicantId = await registerApplicant(window);
    const detail = await takeIn(
      window,
      wageClaim(applicantId, {
        channel: 'forwarded',
        forwardedBy: '海淀区看守所',
        forwardedReceivedAt: new Date(t.clock.now().getTime() - 30 * HOUR).toISOString(),
      }),
    );
    expect(detail.forwardedLate).toBe(true);
    expect(detail.flags).toEqual([
      expect.objectContaining({ code: 'forwarded_late', citation: 'LAL art.39' }),
    ]);
  });

  it('flags a repeat application on the same matter and one after a withdrawal (BJR art.22–23)', async () => {
    const applicantId = await registerApplicant(window);
    const first = await takeIn(window, wageClaim(applicantId));
    const second = await takeIn(window, wageClaim(applicantId));
    expect(second.flags).toEqual([
      expect.objectContaining({
        code: 'repeat_application',
        citation: 'BJR art.22',
        applicationId: first.id,
      }),
    ]);
    const withdrawn = await window.session.post(`/api/v1/applications/${first.id}/withdrawal`, {
      reason: '已与公司和解',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    const third = await takeIn(window, wageClaim(applicantId));
    expect(third.flags.map((f: { code: string }) => f.code).sort()).toEqual([
      'previously_withdrawn',
      'repeat_application',
    ]);
  });

  it('sends a workstation intake to its district centre with the preliminary review note', async () => {
    const applicantId = await registerApplicant(streetStaff);
    const detail = await takeIn(
      streetStaff,
      wageClaim(applicantId, { channel: 'workstation', preliminaryReviewNote: '材料初审齐全' }),
    );
    expect(detail.owner.id).toBe(ORG.haidian);
    expect(detail.intakeOrg.id).toBe(ORG.haidianStreet);
    expect(detail.preliminaryReview).toMatchObject({ note: '材料初审齐全' });
    // Both the centre (by owner) and the workstation (by intake) find it in their worklists.
    for (const staff of [window, streetStaff]) {
      const list = await staff.session.get(`/api/v1/applications?applicantId=${applicantId}`);
      expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([detail.id]);
    }
  });

  it('does not create twice on a retried Idempotency-Key', async () => {
    const applicantId = await registerApplicant(window);
    const headers = { 'idempotency-key': 'intake-retry-1' };
    const a = await window.session.post('/api/v1/applications', wageClaim(applicantId), headers);
    const b = await window.session.post('/api/v1/applications', wageClaim(applicantId), headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const list = await reviewer.session.get(`/api/v1/applications?applicantId=${applicantId}`);
    expect(list.json().total).toBe(1);
  });
});

describe('completeness, supplement and review', () => {
  it('one notice lists all missing items; the review clock pauses and resumes later by the time paused', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, { materialsProvided: ['identity_document'] }),
    );
    const request = await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {
      extraItems: ['劳动合同或工资条'],
      dueDate: '2026-11-16',
    });
    expect(request.statusCode, request.body).toBe(200);
    const asked = request.json();
    expect(asked.state).toBe('supplement_requested');
    expect(asked.clocks.find((c: { period: string }) => c.period === 'review_decision').status).toBe(
      'paused',
    );
    expect(asked.currentClock).toMatchObject({ period: 'supplement', dueAt: '2026-11-16T15:59:59.999Z' });
    const notice = asked.documents.find((d: { kind: string }) => d.kind === 'supplement_notice');
    expect(notice.number).toMatch(/第\d{5}号$/);
    const messages = await messagesFor(created.id);
    const supplement = messages.find((m) => m.template === 'supplement_requested');
    expect(supplement?.params).toEqual({
      number: created.number,
      dueDate: '2026-11-16',
      items: expect.stringContaining('劳动合同或工资条'),
    });
    expect(String((supplement?.params as { items: string }).items)).toContain(
      '与所申请法律援助事项有关的材料',
    );

    // Three days later, part of it arrives: still waiting; then the rest: the review period resumes.
    t.clock.advance(72 * HOUR);
    const later = await signIn(t, ORG.haidian, ['window_staff']);
    const partial = await later.session.post(`/api/v1/applications/${created.id}/materials`, {
      provided: ['integrity_pledge'],
    });
    expect(partial.json().state).toBe('supplement_requested');
    const rest = await later.session.post(`/api/v1/applications/${created.id}/materials`, {
      provided: ['case_materials', '劳动合同或工资条'],
    });
    expect(rest.statusCode, rest.body).toBe(200);
    const resumed = rest.json();
    // Complete again, it waits for a reviewer to start the review (who is then recorded).
    expect(resumed.state).toBe('received');
    expect(resumed.reviewer).toBeNull();
    const review = resumed.clocks.find((c: { period: string }) => c.period === 'review_decision');
    expect(review.status).toBe('running');
    // Paused 11-02 → 11-05: three days not counted, so 11-09 becomes 11-12.
    expect(review.dueAt).toBe('2026-11-12T15:59:59.999Z');
    t.clock.advance(-72 * HOUR);
  });

  it('refuses a supplement notice when nothing is missing', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, {
        materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
      }),
    );
    const response = await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('APPLICATION_NOTHING_MISSING');
  });

  it('grants with reasons from the assessment and issues a numbered decision; the assignment clock starts', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, {
        materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
      }),
    );
    const review = await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json()).toMatchObject({ state: 'under_review', reviewer: { id: reviewer.id } });
    const reasons = created.assessment.reasons.map((r: { code: string; citation: string }) => ({
      code: r.code,
      citation: r.citation,
    }));
    const granted = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'grant',
      reasons,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const detail = granted.json();
    expect(detail).toMatchObject({ state: 'granted', decision: 'grant', decidedBy: { id: reviewer.id } });
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'grant_decision']);
    const reviewClock = detail.clocks.find((c: { period: string }) => c.period === 'review_decision');
    expect(reviewClock).toMatchObject({ status: 'stopped', onTime: true });
    expect(detail.currentClock.period).toBe('assignment');
    expect((await messagesFor(created.id)).map((m) => m.template)).toContain('aid_granted');
  });

  it('rejects a reason the rules do not know or with the wrong citation', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
    const wrong = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'refuse',
      reasons: [{ code: 'out_of_scope', citation: 'LAL art.99' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'APPLICATION_REASON_UNKNOWN',
      details: { expectedCitation: 'LAL art.31' },
    });
  });

  it('keeps the lifecycle: no decision before review, and a window clerk may not decide', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const early = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'refuse',
      reasons: [{ code: 'out_of_scope', citation: 'LAL art.31' }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('APPLICATION_STATE_CONFLICT');
    const clerk = await window.session.post(`/api/v1/applications/${created.id}/review`);
    expect(clerk.statusCode).toBe(403);
  });
});

describe('data scope', () => {
  it('hides another district’s applications as if they did not exist', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const read = await chaoyangReviewer.session.get(`/api/v1/applications/${created.id}`);
    expect(read.statusCode).toBe(404);
    const act = await chaoyangReviewer.session.post(`/api/v1/applications/${created.id}/review`);
    expect(act.statusCode).toBe(404);
    const list = await chaoyangReviewer.session.get('/api/v1/applications?pageSize=100');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
  });

  it('audits every read of an application', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    await director.session.get(`/api/v1/applications/${created.id}`);
    const rows = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'applications.read')));
    expect(rows).toHaveLength(1);
  });
});
