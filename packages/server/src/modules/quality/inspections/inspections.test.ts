import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { beijingDateOf, drawSample, type SamplingCase } from '@fayuan/domain';
import {
  auditEvents,
  fileInspections,
  rectificationRequests,
  sampledCases,
  samplingPlans,
  staffAlerts,
} from '../../../db/schema/index.ts';
import { sweepClocks } from '../../applications/clock-watcher.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../../applications/application-test-kit.ts';
import {
  buildLawFirm,
  buildPoolHandler,
  closedCase,
  submitClosing,
  type PoolHandler,
} from '../closed-case-kit.ts';

let t: TestContext;
let staff: { window: Staff; director: Staff; reviewer: Staff };
let chaoyangDirector: Staff;
let supervisor: Staff;
let lawyerA: PoolHandler;
let lawyerB: PoolHandler;
/** A closed case whose handler recorded the agreement and a meeting (the rest left undone). */
let worked: string;
const closed: string[] = [];

/** A case `lawyer` works on (agreement signed, client met) and closes; the reviewer accepts it. */
async function workedCase(lawyer: PoolHandler, defendant: string): Promise<string> {
  const { id } = await recordNotice(staff.window, defendant);
  const assigned = await staff.director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: lawyer.id,
    reason: '熟悉此类案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  expect(
    (await lawyer.session.post(`/api/v1/applications/${id}/assignment/response`, { accept: true }))
      .statusCode,
  ).toBe(204);
  const at = t.clock.now().toISOString();
  for (const kind of ['agreement_signed', 'meeting']) {
    const done = await lawyer.session.post(`/api/v1/cases/${id}/activities`, {
      kind,
      occurredAt: at,
      summary: kind === 'meeting' ? '在看守所会见被告人。' : '与受援人签订委托协议。',
    });
    expect(done.statusCode, done.body).toBe(201);
  }
  await submitClosing(lawyer, id);
  const reviewed = await staff.reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  staff = {
    window: await signIn(t, ORG.haidian, ['window_staff']),
    director: await signIn(t, ORG.haidian, ['director']),
    reviewer: await signIn(t, ORG.haidian, ['reviewer']),
  };
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
  const firm = await buildLawFirm(t.deps, '北京抽查律师事务所');
  lawyerA = await buildPoolHandler(t, ORG.haidian, '吴律师', firm);
  lawyerB = await buildPoolHandler(t, ORG.haidian, '郑律师', null);
  worked = await workedCase(lawyerA, '卫某');
  closed.push(worked);
  for (const name of ['蒋某', '沈某']) closed.push(await closedCase(staff, lawyerA, name));
  for (const name of ['韩某', '杨某']) closed.push(await closedCase(staff, lawyerB, name));
});
afterAll(() => t.close());

const today = () => beijingDateOf(t.clock.now());
const newPlan = async (who: Staff, extra: Record<string, unknown> = {}) => {
  const created = await who.session.post('/api/v1/quality/sampling-plans', {
    name: '本月抽查',
    closedFrom: today(),
    closedTo: today(),
    perMille: 500,
    minimumPerStratum: 1,
    stratifyBy: 'handler',
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
};
interface PlanDetail {
  seed: string;
  samplingMethod: string;
  population: number;
  populationIds: string[];
  cases: { applicationId: string; position: number }[];
}
interface Item {
  code: string;
  status: string;
  citation: string;
  ruleId: string;
  evidence?: string;
  missing?: string[];
}
interface Inspection {
  id: string;
  version: number;
  status: string;
  items: Item[];
  score: { recordScore: number | null; totalScore: number | null; awaitingJudgement: number };
  ruleIds: string[];
  rectifications: { id: string; status: string; overdue: boolean; version: number }[];
}

describe('random sampling (抽查)', () => {
  it('draws reproducibly from the recorded seed, freezes the list and refuses a second draw', async () => {
    const id = await newPlan(staff.director);
    const drawn = await staff.director.session.post(`/api/v1/quality/sampling-plans/${id}/draw`, {});
    expect(drawn.statusCode, drawn.body).toBe(200);
    const plan = drawn.json<PlanDetail>();
    expect(plan.seed).toMatch(/^[0-9a-f]{24}$/);
    expect(plan.population).toBe(closed.length);
    expect([...plan.populationIds].sort()).toEqual([...closed].sort());
    // 3 cases of A and 2 of B, half of each: ceil(1.5) + ceil(1) = 3.
    expect(plan.cases).toHaveLength(3);

    // Anyone holding the recorded population, plan and seed redraws the same list.
    const [row] = await t.deps.db.select().from(samplingPlans).where(eq(samplingPlans.id, id));
    const redraw = drawSample(
      row?.population as SamplingCase[],
      { perMille: 500, minimumPerStratum: 1, stratifyBy: 'handler' },
      plan.seed,
    );
    expect(plan.cases.map((c) => c.applicationId)).toEqual(redraw.drawn);

    const again = await staff.director.session.post(`/api/v1/quality/sampling-plans/${id}/draw`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SAMPLING_ALREADY_DRAWN');
    expect(await t.deps.db.select().from(sampledCases).where(eq(sampledCases.planId, id))).toHaveLength(3);
    // The drawn list is frozen in the database itself.
    await expect(t.deps.db.execute(sql`DELETE FROM sampled_cases WHERE plan_id = ${id}`)).rejects.toThrow();
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['sampling_plan.create', 'sampling_plan.draw']);
  });

  it('two plans over the same period with the same given seed draw the same cases', async () => {
    const lists: string[][] = [];
    for (const stratifyBy of ['firm', 'firm']) {
      const id = await newPlan(staff.director, { stratifyBy, perMille: 300, name: '按律所抽查' });
      const drawn = await staff.director.session.post(`/api/v1/quality/sampling-plans/${id}/draw`, {
        seed: 'haidian-2026-11',
      });
      expect(drawn.statusCode, drawn.body).toBe(200);
      expect(drawn.json<PlanDetail>().seed).toBe('haidian-2026-11');
      lists.push(drawn.json<PlanDetail>().cases.map((c) => c.applicationId));
    }
    expect(lists[0]?.length).toBeGreaterThan(0);
    expect(lists[1]).toEqual(lists[0]);
  });

  it('a district neither sees nor draws another district’s plan; the bureau sees it; a reviewer cannot plan', async () => {
    const id = await newPlan(staff.director, { name: '海淀专项抽查' });
    expect((await chaoyangDirector.session.get(`/api/v1/quality/sampling-plans/${id}`)).statusCode).toBe(404);
    const drawn = await chaoyangDirector.session.post(`/api/v1/quality/sampling-plans/${id}/draw`, {});
    expect(drawn.statusCode).toBe(404);
    expect(drawn.json().error.code).toBe('SAMPLING_PLAN_NOT_FOUND');
    const theirs = (await chaoyangDirector.session.get('/api/v1/quality/sampling-plans')).json<{
      items: { id: string }[];
    }>();
    expect(theirs.items.map((p) => p.id)).not.toContain(id);
    const bureau = (await supervisor.session.get('/api/v1/quality/sampling-plans')).json<{
      items: { id: string }[];
    }>();
    expect(bureau.items.map((p) => p.id)).toContain(id);
    expect(
      (await staff.reviewer.session.post('/api/v1/quality/sampling-plans', { name: 'x' })).statusCode,
    ).toBe(403);
    // A plan for a centre outside the director's scope is refused and nothing is written.
    const before = await t.deps.db.select().from(samplingPlans);
    const outside = await staff.director.session.post('/api/v1/quality/sampling-plans', {
      organisationId: ORG.chaoyang,
      name: '越权',
      closedFrom: today(),
      closedTo: today(),
      perMille: 100,
      minimumPerStratum: 1,
      stratifyBy: 'handler',
    });
    expect(outside.statusCode).toBe(404);
    expect(await t.deps.db.select().from(samplingPlans)).toHaveLength(before.length);
  });
});

describe('file inspection (卷宗检查) and rectification (整改)', () => {
  let inspectionId: string;

  it('the sampled cases wait in the reviewer’s queue; the checklist shows what the record evidences and what it lacks', async () => {
    const queue = (await staff.reviewer.session.get('/api/v1/quality/inspections')).json<{
      items: { applicationId: string; status: string }[];
    }>();
    expect(queue.items.some((i) => i.status === 'awaiting')).toBe(true);
    expect(
      (await chaoyangDirector.session.get('/api/v1/quality/inspections')).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);

    const started = await staff.reviewer.session.post('/api/v1/quality/inspections', {
      applicationId: worked,
    });
    expect(started.statusCode, started.body).toBe(201);
    inspectionId = started.json<{ id: string }>().id;
    const twice = await staff.reviewer.session.post('/api/v1/quality/inspections', { applicationId: worked });
    expect(twice.json().error.code).toBe('INSPECTION_ALREADY_OPEN');

    const read = await staff.reviewer.session.get(`/api/v1/quality/inspections/${inspectionId}`);
    expect(read.statusCode, read.body).toBe(200);
    const d = read.json<Inspection>();
    const byCode = new Map(d.items.map((i) => [i.code, i]));
    expect(byCode.get('sign_agreement')?.status).toBe('evidenced');
    expect(byCode.get('criminal.meet_client')).toMatchObject({ status: 'evidenced' });
    expect(byCode.get('criminal.meet_client')?.evidence).toContain('meeting');
    expect(byCode.get('criminal.read_file')?.status).toBe('missing');
    expect(byCode.get('criminal.attend_hearing')?.status).toBe('missing');
    expect(byCode.get('criminal.defence_opinion')?.status).toBe('evidenced');
    expect(byCode.get('criminal.work_quality')?.status).toBe('awaiting_judgement');
    for (const item of d.items) expect(item.citation.length, item.code).toBeGreaterThan(0);
    expect(d.score.totalScore).toBeNull();
    const reads = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, inspectionId));
    expect(reads.map((a) => a.action)).toEqual(
      expect.arrayContaining(['file_inspection.start', 'file_inspections.read']),
    );

    // Another district cannot open it.
    expect(
      (await chaoyangDirector.session.get(`/api/v1/quality/inspections/${inspectionId}`)).statusCode,
    ).toBe(404);
  });

  it('refuses a judgement the checklist cannot take and an incomplete judging, changing nothing; then completes with scores', async () => {
    const d0 = (
      await staff.reviewer.session.get(`/api/v1/quality/inspections/${inspectionId}`)
    ).json<Inspection>();
    const bad = await staff.reviewer.session.post(`/api/v1/quality/inspections/${inspectionId}/complete`, {
      version: d0.version,
      judgements: { 'criminal.meet_client': { met: true } },
      findings: '会见记录齐全。',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('INSPECTION_JUDGEMENT_INVALID');
    const early = await staff.reviewer.session.post(`/api/v1/quality/inspections/${inspectionId}/complete`, {
      version: d0.version,
      judgements: {},
      findings: '未评判。',
    });
    expect(early.json().error.code).toBe('INSPECTION_AWAITING_JUDGEMENT');
    const [still] = await t.deps.db
      .select()
      .from(fileInspections)
      .where(eq(fileInspections.id, inspectionId));
    expect(still).toMatchObject({ status: 'open', version: d0.version, findings: null });

    const done = await staff.reviewer.session.post(`/api/v1/quality/inspections/${inspectionId}/complete`, {
      version: d0.version,
      judgements: {
        keep_informed: { met: true },
        'criminal.work_quality': { met: false, note: '辩护意见未结合证据展开。' },
        'criminal.attend_hearing': { notApplicable: true, note: '案件未开庭审理。' },
      },
      findings: '未见阅卷记录；辩护质量一般。',
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json<Inspection>();
    expect(d.status).toBe('completed');
    expect(d.score.recordScore).not.toBeNull();
    expect(d.score.totalScore).not.toBeNull();
    expect(d.ruleIds).toContain('cn.service_standard.sign_agreement.v1');
    expect(d.items.find((i) => i.code === 'criminal.attend_hearing')?.status).toBe('not_applicable');
    const [row] = await t.deps.db.select().from(fileInspections).where(eq(fileInspections.id, inspectionId));
    expect(row?.totalScore).toBe(d.score.totalScore);
    const again = await staff.reviewer.session.post(`/api/v1/quality/inspections/${inspectionId}/complete`, {
      judgements: {},
      findings: 'x',
    });
    expect(again.json().error.code).toBe('INSPECTION_COMPLETED');
  });

  it('rectification: requested with a deadline, answered by the handler on their own case only, sent back, closed', async () => {
    const past = await staff.reviewer.session.post(
      `/api/v1/quality/inspections/${inspectionId}/rectifications`,
      {
        items: ['补充阅卷笔录'],
        dueOn: '2020-01-01',
      },
    );
    expect(past.json().error.code).toBe('RECTIFICATION_DEADLINE_INVALID');
    const dueOn = beijingDateOf(new Date(t.clock.now().getTime() + 10 * 86_400_000));
    const requested = await staff.reviewer.session.post(
      `/api/v1/quality/inspections/${inspectionId}/rectifications`,
      { items: ['补充阅卷笔录', '补充辩护意见的证据分析'], dueOn },
    );
    expect(requested.statusCode, requested.body).toBe(201);
    const request = requested.json<Inspection>().rectifications[0];
    expect(request).toMatchObject({ status: 'open', overdue: false });
    const id = request?.id ?? '';

    // The other handler neither sees nor answers it.
    const theirs = (await lawyerB.session.get('/api/v1/my-rectifications')).json<{
      items: { id: string }[];
    }>();
    expect(theirs.items.map((r) => r.id)).not.toContain(id);
    const intruder = await lawyerB.session.post(`/api/v1/my-rectifications/${id}/reply`, {
      text: '已补充。',
    });
    expect(intruder.statusCode).toBe(404);
    expect(intruder.json().error.code).toBe('RECTIFICATION_NOT_FOUND');

    const mine = (await lawyerA.session.get('/api/v1/my-rectifications')).json<{
      items: { id: string; status: string; items: string[] }[];
    }>();
    expect(mine.items.find((r) => r.id === id)).toMatchObject({
      status: 'open',
      items: ['补充阅卷笔录', '补充辩护意见的证据分析'],
    });
    const replied = await lawyerA.session.post(`/api/v1/my-rectifications/${id}/reply`, {
      text: '已补充阅卷笔录。',
    });
    expect(replied.statusCode, replied.body).toBe(200);

    const noNote = await staff.reviewer.session.post(`/api/v1/quality/rectifications/${id}/settle`, {
      accept: false,
    });
    expect(noNote.statusCode).toBe(400);
    const back = await staff.reviewer.session.post(`/api/v1/quality/rectifications/${id}/settle`, {
      accept: false,
      note: '证据分析仍未补充。',
    });
    expect(back.statusCode, back.body).toBe(204);
    expect(
      (await lawyerA.session.post(`/api/v1/my-rectifications/${id}/reply`, { text: '已全部补充。' }))
        .statusCode,
    ).toBe(200);
    const closedIt = await staff.reviewer.session.post(`/api/v1/quality/rectifications/${id}/settle`, {
      accept: true,
    });
    expect(closedIt.statusCode, closedIt.body).toBe(204);
    const [row] = await t.deps.db
      .select()
      .from(rectificationRequests)
      .where(eq(rectificationRequests.id, id));
    expect(row).toMatchObject({
      status: 'closed',
      replyText: '已全部补充。',
      returnNote: '证据分析仍未补充。',
    });
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'rectification.request',
        'rectification.reply',
        'rectification.return',
        'rectification.close',
      ]),
    );
  });

  it('every case shows its live checklist: its handler and the centre see it, another district does not', async () => {
    interface Live {
      assigned: boolean;
      items: (Item & { weight: number; byJudgement: boolean })[];
      score: { recordScore: number | null; awaitingJudgement: number };
      inspection: { id: string; status: string } | null;
    }
    const asHandler = await lawyerA.session.get(`/api/v1/cases/${worked}/service-standard`);
    expect(asHandler.statusCode, asHandler.body).toBe(200);
    const live = asHandler.json<Live>();
    const byCode = new Map(live.items.map((i) => [i.code, i]));
    expect(live.assigned).toBe(true);
    expect(byCode.get('sign_agreement')?.status).toBe('evidenced');
    expect(byCode.get('criminal.read_file')).toMatchObject({ status: 'missing', byJudgement: false });
    expect(byCode.get('criminal.work_quality')?.byJudgement).toBe(true);
    // The inspection of this case (above) judged its judgement items: the live list shows its word.
    expect(live.inspection).toMatchObject({ status: 'completed' });
    expect(live.score.awaitingJudgement).toBe(0);
    expect(live.score.recordScore).toBeGreaterThan(0);
    expect(live.score.recordScore).toBeLessThan(100);

    const asCentre = await staff.reviewer.session.get(`/api/v1/cases/${worked}/service-standard`);
    expect(asCentre.json<Live>().items).toEqual(live.items);
    expect((await chaoyangDirector.session.get(`/api/v1/cases/${worked}/service-standard`)).statusCode).toBe(
      404,
    );
    expect((await lawyerB.session.get(`/api/v1/cases/${worked}/service-standard`)).statusCode).toBe(404);

    // The items are rule rows: a Beijing version of one, from a date before the assignment, is
    // what the case is checked against from then on (its id recorded, its weight used).
    const admin = await signIn(t, ORG.bureau, ['rule_admin']);
    const readFile = byCode.get('criminal.read_file');
    const stored = await admin.session.get('/api/v1/rules/service_standard?jurisdiction=110000');
    const row = stored
      .json<{ id: string; data: Record<string, unknown> }[]>()
      .find((r) => r.id === readFile?.ruleId);
    expect(row).toBeDefined();
    const bad = await admin.session.post('/api/v1/rules/service_standard', {
      jurisdiction: '110000',
      effectiveFrom: '2025-01-01',
      citation: 'SF/T 0032-2023 8.5',
      data: { ...row?.data, withinDays: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const added = await admin.session.post('/api/v1/rules/service_standard', {
      jurisdiction: '110000',
      effectiveFrom: '2025-01-01',
      citation: 'SF/T 0032-2023 8.5',
      data: { ...row?.data, weight: 40 },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await lawyerA.session.get(`/api/v1/cases/${worked}/service-standard`)).json<Live>();
    const changed = after.items.find((i) => i.code === 'criminal.read_file');
    expect(changed).toMatchObject({ weight: 40, ruleId: added.json<{ id: string }>().id, status: 'missing' });
    expect(after.score.recordScore).toBeLessThan(live.score.recordScore ?? 0);
  });

  // Last: it moves the clock two days on.
  it('an unanswered request past its deadline shows as overdue and rings the bell once', async () => {
    const other = closed.find((c) => c !== worked) ?? '';
    const started = await staff.director.session.post('/api/v1/quality/inspections', {
      applicationId: other,
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json<{ id: string }>().id;
    const dueOn = today();
    const requested = await staff.director.session.post(`/api/v1/quality/inspections/${id}/rectifications`, {
      items: ['补充会见笔录'],
      dueOn,
    });
    expect(requested.json<Inspection>().rectifications[0]?.overdue).toBe(false);
    // Two days on (last: the clock stays there), the sessions have lapsed: the director signs in again.
    t.clock.advance(2 * 86_400_000);
    const director = await signIn(t, ORG.haidian, ['director']);
    const later = (await director.session.get(`/api/v1/quality/inspections/${id}`)).json<Inspection>();
    expect(later.rectifications[0]).toMatchObject({ status: 'open', overdue: true });

    // The clock watcher rings the inspector who asked and the handler who owes the reply, once.
    const requestId = later.rectifications[0]?.id ?? '';
    expect((await sweepClocks(t.deps)).rectificationOverdue).toBe(2);
    expect((await sweepClocks(t.deps)).rectificationOverdue).toBe(0);
    const rung = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.rectificationId, requestId));
    expect(rung.map((a) => a.kind)).toEqual(['rectification_overdue', 'rectification_overdue']);
    expect(rung.every((a) => a.applicationId === other)).toBe(true);
    expect(new Set(rung.map((a) => a.userId)).size).toBe(2);
  });
});
