import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applicationEvents, applications, auditEvents, caseEvaluations } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildLawFirm, buildPoolHandler, closedCase, type PoolHandler } from './closed-case-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let supervisor: Staff;
let finance: Staff;
let chaoyangDirector: Staff;
let lawyer: PoolHandler;

const evaluation = {
  methods: ['file_inspection', 'hearing_observation'],
  grade: 'good',
  score: 86,
  findings: '案卷材料齐全，庭审发言充分，辩护意见有针对性。',
};

const closed = (defendant: string) => closedCase({ window, director, reviewer }, lawyer, defendant);

async function stateOf(id: string) {
  const [row] = await t.deps.db
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, id));
  return row?.state;
}

async function evaluationRows(id: string) {
  return t.deps.db.select().from(caseEvaluations).where(eq(caseEvaluations.applicationId, id));
}

async function auditRows(id: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
  finance = await signIn(t, ORG.haidian, ['finance']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  lawyer = await buildPoolHandler(t, ORG.haidian, '孙律师', await buildLawFirm(t.deps, '北京某某律师事务所'));
});
afterAll(() => t.close());

describe('quality evaluation (质量评估, LAL art.57, art.59)', () => {
  it('lists the methods and the graded bands in force, with their sources', async () => {
    const response = await finance.session.get('/api/v1/quality/reference');
    expect(response.statusCode, response.body).toBe(200);
    const reference = response.json();
    expect(reference.methods.map((m: { code: string }) => m.code)).toEqual([
      'file_inspection',
      'hearing_observation',
      'judicial_opinion',
      'public_lawyer_follow',
      'recipient_visit',
    ]);
    expect(reference.methods.find((m: { code: string }) => m.code === 'recipient_visit')).toMatchObject({
      nameZh: '回访受援人',
      citation: 'LAL art.59',
      recordsSatisfaction: true,
    });
    // Best grade first, each with its band.
    expect(
      reference.grades.map((g: { nameZh: string; minScore: number; maxScore: number }) => [
        g.nameZh,
        g.minScore,
        g.maxScore,
      ]),
    ).toEqual([
      ['优秀', 90, 100],
      ['良好', 80, 89],
      ['合格', 60, 79],
      ['不合格', 0, 59],
    ]);
    expect(reference.satisfactionLevels).toEqual(['satisfied', 'basically_satisfied', 'dissatisfied']);
  });

  it('a reviewer evaluates a closed case: it is evaluated, with the rule versions used, on the timeline and in the audit log', async () => {
    const id = await closed('赵某');
    expect((await reviewer.session.get(`/api/v1/applications/${id}/evaluation`)).json()).toBeNull();

    const response = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
    expect(response.statusCode, response.body).toBe(201);
    const recorded = response.json();
    expect(recorded).toMatchObject({
      applicationId: id,
      methods: [
        { code: 'file_inspection', nameZh: '案卷检查', citation: 'LAL art.59' },
        { code: 'hearing_observation', nameZh: '庭审旁听', citation: 'LAL art.59' },
      ],
      grade: { code: 'good', nameZh: '良好', minScore: 80, maxScore: 89, ruleId: 'bj.quality_grade.good.v1' },
      score: 86,
      satisfaction: null,
      findings: evaluation.findings,
      evaluatedBy: { id: reviewer.id },
    });
    expect(recorded.methods.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'cn.evaluation_method.file_inspection.v1',
      'cn.evaluation_method.hearing_observation.v1',
    ]);

    const detail = (await finance.session.get(`/api/v1/applications/${id}`)).json();
    expect(detail.state).toBe('evaluated');
    // Finance may now record the subsidy; nobody may evaluate twice.
    expect(detail.allowedEvents).toContain('record_subsidy_paid');
    const [event] = await t.deps.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.event, 'record_evaluation')));
    expect(event).toMatchObject({
      fromState: 'closed',
      toState: 'evaluated',
      citation: 'LAL art.57; LAL art.59',
    });
    const [audit] = await auditRows(id, 'application.record_evaluation');
    expect(audit?.changes).toMatchObject({
      state: { before: 'closed', after: 'evaluated' },
      grade: { after: 'good' },
      score: { after: 86 },
    });
    // Whoever reads the file in scope reads the evaluation.
    const read = await window.session.get(`/api/v1/applications/${id}/evaluation`);
    expect(read.json()).toEqual(recorded);

    const again = await director.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPLICATION_STATE_CONFLICT');
    expect(await evaluationRows(id)).toHaveLength(1);
  });

  it('refuses a case that is not closed yet (409)', async () => {
    const { id } = await recordNotice(window, '钱某', { charges: ['诈骗罪'] });
    const early = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('APPLICATION_STATE_CONFLICT');
    expect(await evaluationRows(id)).toEqual([]);
  });

  it('refuses a score outside the grade’s band (422) and changes nothing', async () => {
    const id = await closed('孙某');
    const response = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...evaluation,
      grade: 'excellent',
      score: 86,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'QUALITY_SCORE_OUTSIDE_GRADE',
      details: { grade: 'excellent', minScore: 90, maxScore: 100, citation: 'LAL art.57; OPN (六)' },
    });
    expect(await stateOf(id)).toBe('closed');
    expect(await evaluationRows(id)).toEqual([]);
    expect(await auditRows(id, 'application.record_evaluation')).toEqual([]);
    const events = await t.deps.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.event, 'record_evaluation')));
    expect(events).toEqual([]);
  });

  it('asks for the recipient’s satisfaction when a visit was made, and only then', async () => {
    const id = await closed('李某');
    const visit = { ...evaluation, methods: ['file_inspection', 'recipient_visit'] };
    const missing = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, visit);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'QUALITY_SATISFACTION_REQUIRED',
      details: { method: 'recipient_visit', citation: 'LAL art.59' },
    });
    const stray = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...evaluation,
      satisfaction: 'satisfied',
    });
    expect(stray.json().error.code).toBe('QUALITY_SATISFACTION_WITHOUT_VISIT');
    const unknown = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...evaluation,
      methods: ['mystery_shopper'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'QUALITY_METHOD_UNKNOWN',
      details: { method: 'mystery_shopper' },
    });
    const badScore = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...evaluation,
      score: 101,
    });
    expect(badScore.json().error.code).toBe('VALIDATION_FAILED');
    expect(await stateOf(id)).toBe('closed');

    const made = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...visit,
      satisfaction: 'basically_satisfied',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ satisfaction: 'basically_satisfied' });
  });

  it('only evaluators in scope: other roles 403, another district 404; the bureau city-wide', async () => {
    const id = await closed('周某');
    for (const outsider of [window, finance]) {
      const response = await outsider.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
      expect(response.statusCode).toBe(403);
    }
    const handlerTry = await lawyer.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
    expect(handlerTry.statusCode).toBe(403);
    const elsewhere = await chaoyangDirector.session.post(
      `/api/v1/applications/${id}/evaluation`,
      evaluation,
    );
    expect(elsewhere.statusCode).toBe(404);
    expect((await chaoyangDirector.session.get(`/api/v1/applications/${id}/evaluation`)).statusCode).toBe(
      404,
    );
    expect(await stateOf(id)).toBe('closed');

    // The justice bureau evaluates too (LAL art.57), across districts.
    const bureau = await supervisor.session.post(`/api/v1/applications/${id}/evaluation`, {
      ...evaluation,
      methods: ['judicial_opinion'],
      grade: 'pass',
      score: 72,
    });
    expect(bureau.statusCode, bureau.body).toBe(201);
    expect(bureau.json()).toMatchObject({ grade: { code: 'pass' }, evaluatedBy: { id: supervisor.id } });
  });

  it('a retry with the same Idempotency-Key answers the first evaluation and records nothing more', async () => {
    const id = await closed('吴某');
    const key = { 'idempotency-key': `evaluation-${id}` };
    const url = `/api/v1/applications/${id}/evaluation`;
    const first = await reviewer.session.post(url, evaluation, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await reviewer.session.post(url, evaluation, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const other = await reviewer.session.post(url, { ...evaluation, score: 88 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await evaluationRows(id)).toHaveLength(1);
    expect(await auditRows(id, 'application.record_evaluation')).toHaveLength(1);
  });

  it('judges by the grade bands in force on the day and keeps the version it used', async () => {
    const before = await closed('郑某');
    expect(
      (await reviewer.session.post(`/api/v1/applications/${before}/evaluation`, { ...evaluation, score: 82 }))
        .statusCode,
    ).toBe(201);

    // The bureau narrows 良好 to 85–89 from 1 November 2026 (a new version of the rule row).
    const ruleAdmin = await signIn(t, ORG.city, ['rule_admin']);
    const version = await ruleAdmin.session.post('/api/v1/rules/list_item', {
      jurisdiction: '110000',
      effectiveFrom: '2026-11-01',
      citation: 'LAL art.57; OPN (六)',
      note: 'test: stricter band',
      data: {
        list: 'quality_grade',
        code: 'good',
        nameZh: '良好',
        nameEn: 'Good',
        params: { minScore: 85, maxScore: 89 },
      },
    });
    expect(version.statusCode, version.body).toBe(201);

    const after = await closed('王某');
    const refused = await reviewer.session.post(`/api/v1/applications/${after}/evaluation`, {
      ...evaluation,
      score: 82,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({ minScore: 85, maxScore: 89 });
    const made = await reviewer.session.post(`/api/v1/applications/${after}/evaluation`, evaluation);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().grade).toMatchObject({ minScore: 85, ruleId: version.json().id });
    // The earlier evaluation still shows the band it was judged by.
    const earlier = (await reviewer.session.get(`/api/v1/applications/${before}/evaluation`)).json();
    expect(earlier.grade).toMatchObject({ ruleId: 'bj.quality_grade.good.v1', minScore: 80 });
  });

  it('counts into the handler’s work record (承办业绩): open and closed cases, evaluations and grades', async () => {
    const own = await buildPoolHandler(
      t,
      ORG.haidian,
      '秦律师',
      await buildLawFirm(t.deps, '北京秦氏律师事务所'),
    );
    const id = await closedCase({ window, director, reviewer }, own, '秦某');
    const evaluated = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, evaluation);
    expect(evaluated.statusCode, evaluated.body).toBe(201);
    // One more case assigned and not yet answered: it occupies the lawyer.
    const notice = await recordNotice(window, '秦某某');
    const assigned = await director.session.post(`/api/v1/applications/${notice.id}/assignment`, {
      handlerId: own.id,
      reason: '熟悉该类案件',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const detail = await director.session.get(`/api/v1/handlers/${own.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      openCases: 1,
      track: {
        openCases: 1,
        closedCases: 1,
        declined: 0,
        evaluations: 1,
        averageScore: evaluation.score,
        // Named by the grade's rule row, so no page shows the code while a list loads.
        grades: [{ code: evaluation.grade, nameZh: '良好', nameEn: 'Good', count: 1 }],
      },
    });
    expect(detail.json().track.lastAssignedAt).not.toBeNull();
    // The list shows the same load against capacity.
    const list = await director.session.get(`/api/v1/handlers?q=${encodeURIComponent('秦律师')}`);
    expect(list.json().items.find((h: { id: string }) => h.id === own.id)?.openCases).toBe(1);
  });
});
