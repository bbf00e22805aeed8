import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseAssignments, handlerConflicts, handlers } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';

const HOUR = 3_600_000;

let t: TestContext;
let window: Staff;
let director: Staff;
let chaoyangDirector: Staff;

/** A handler in 海淀's pool, straight into the table (the registry's API is tested in modules/handlers). */
async function handler(
  name: string,
  overrides: Partial<typeof handlers.$inferInsert> = {},
): Promise<{ id: string; session: Session }> {
  const user = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
  const id = randomUUID();
  await t.deps.db.insert(handlers).values({
    id,
    organisationId: ORG.haidian,
    userId: user.id,
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
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, session };
}

const deathPenaltyCase = (name: string) =>
  recordNotice(window, name, {
    institutionName: '北京市第一中级人民法院',
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    detained: true,
    detentionPlace: '北京市第一看守所',
  });

let senior: { id: string; session: Session };
let junior: { id: string; session: Session };
let suspended: { id: string; session: Session };

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  senior = await handler('周律师', { capacity: 1 });
  junior = await handler('吴律师', {
    practiceStartDate: '2024-01-01',
    criminalPracticeStartDate: '2024-06-01',
  });
  suspended = await handler('郑律师', { status: 'suspended', statusReason: '年度考核不合格' });
});
afterAll(() => t.close());

describe('candidates (LAL art.26)', () => {
  it('explains who may take a death-penalty case and why the others may not', async () => {
    const c = await deathPenaltyCase('甲某');
    const response = await director.session.get(`/api/v1/applications/${c.id}/candidates`);
    expect(response.statusCode, response.body).toBe(200);
    const { best, candidates } = response.json();
    expect(best.handlerId).toBe(senior.id);
    const byId = Object.fromEntries(candidates.map((x: { handlerId: string }) => [x.handlerId, x]));
    expect(byId[junior.id]).toMatchObject({ eligible: false, score: null });
    expect(byId[junior.id].reasons).toContainEqual(
      expect.objectContaining({ code: 'QUALIFICATION_NOT_MET', blocking: true, citation: 'LAL art.26' }),
    );
    expect(byId[suspended.id].reasons).toContainEqual(
      expect.objectContaining({ code: 'HANDLER_SUSPENDED', blocking: true }),
    );
  });

  it('another district cannot see the case or its candidates', async () => {
    const c = await deathPenaltyCase('乙某');
    expect((await chaoyangDirector.session.get(`/api/v1/applications/${c.id}/candidates`)).statusCode).toBe(
      404,
    );
    const assign = await chaoyangDirector.session.post(`/api/v1/applications/${c.id}/assignment`, {});
    expect(assign.statusCode).toBe(404);
  });
});

describe('assigning (指派)', () => {
  it('never gives a life-or-death case to a lawyer with 2 years of practice, by manual choice or a plan', async () => {
    const c = await deathPenaltyCase('丙某');
    const manual = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: junior.id,
      reason: '熟悉案情',
    });
    expect(manual.statusCode).toBe(422);
    expect(manual.json().error).toMatchObject({ code: 'ASSIGNMENT_HANDLER_INELIGIBLE' });
    expect(manual.json().error.details.reasons).toContainEqual(
      expect.objectContaining({ code: 'QUALIFICATION_NOT_MET', citation: 'LAL art.26' }),
    );
    const forced = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: [{ applicationId: c.id, handlerId: junior.id }],
    });
    expect(forced.statusCode).toBe(422);
    const rows = await t.deps.db
      .select()
      .from(caseAssignments)
      .where(eq(caseAssignments.applicationId, c.id));
    expect(rows).toEqual([]);
  });

  it('plans a day’s queue without breaking a rule or a capacity, and confirms it', async () => {
    const a = await deathPenaltyCase('丁某');
    const b = await deathPenaltyCase('戊某');
    const plan = await director.session.post('/api/v1/assignment-plans', { applicationIds: [a.id, b.id] });
    expect(plan.statusCode, plan.body).toBe(200);
    const body = plan.json();
    // Only the senior lawyer qualifies and has room for one case.
    expect(body.assignments).toHaveLength(1);
    expect(body.assignments[0]).toMatchObject({ handlerId: senior.id });
    expect(body.unassigned).toHaveLength(1);
    expect(body.assignments.map((x: { handlerId: string }) => x.handlerId)).not.toContain(junior.id);
    // Both cases to the one lawyer with room for one: refused as a whole, nothing assigned.
    const overfull = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: [a, b].map((c) => ({ applicationId: c.id, handlerId: senior.id })),
    });
    expect(overfull.statusCode).toBe(422);
    expect(overfull.json().error.details.reasons).toContainEqual(
      expect.objectContaining({ code: 'CAPACITY_FULL' }),
    );
    for (const c of [a, b])
      expect(
        await t.deps.db.select().from(caseAssignments).where(eq(caseAssignments.applicationId, c.id)),
      ).toEqual([]);
    const confirmed = await director.session.post('/api/v1/assignment-plans/confirm', {
      assignments: body.assignments.map((x: { caseId: string; handlerId: string }) => ({
        applicationId: x.caseId,
        handlerId: x.handlerId,
      })),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ assigned: 1 });
    // Full now: one more case for the senior lawyer is refused.
    const other = body.unassigned[0].caseId as string;
    const full = await director.session.post(`/api/v1/applications/${other}/assignment`, {
      handlerId: senior.id,
    });
    expect(full.statusCode).toBe(422);
    expect(full.json().error.details.reasons).toContainEqual(
      expect.objectContaining({ code: 'CAPACITY_FULL' }),
    );
    // Free the place again for the next tests.
    const done = body.assignments[0].caseId as string;
    await director.session.post(`/api/v1/applications/${done}/assignment/change`, {
      reason: '测试结束，改派',
    });
  });

  it('one click assigns the best; the letters are issued; the handler declines, then accepts a new one', async () => {
    const c = await deathPenaltyCase('己某');
    const assigned = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    const detail = assigned.json();
    expect(detail.state).toBe('assigned');
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['assignment_letter', 'meeting_letter']),
    );
    expect(detail.clocks.find((x: { period: string }) => x.period === 'assignment')).toMatchObject({
      status: 'stopped',
      onTime: true,
    });
    // The letters print the handler, the licence and the charges; the meeting letter cites the first.
    const letter = detail.documents.find((d: { kind: string }) => d.kind === 'assignment_letter');
    const meeting = detail.documents.find((d: { kind: string }) => d.kind === 'meeting_letter');
    expect(letter.number).toMatch(/^京海法援函〔2026〕第\d{5}号$/);
    const letterPdf = await director.session.get(`/api/v1/applications/${c.id}/documents/${letter.id}/pdf`);
    expect(letterPdf.statusCode, letterPdf.body.slice(0, 200)).toBe(200);
    const letterText = (await readPdf(letterPdf.rawPayload)).text;
    for (const part of ['法律援助公函', '周律师', '故意杀人罪', '北京市第一中级人民法院', '辩护人'])
      expect(letterText).toContain(part);
    const meetingPdf = await director.session.get(`/api/v1/applications/${c.id}/documents/${meeting.id}/pdf`);
    const meetingText = (await readPdf(meetingPdf.rawPayload)).text;
    expect(meetingText).toContain('北京市第一看守所');
    expect(meetingText).toContain(letter.number);

    const notMine = await junior.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: true,
    });
    expect(notMine.statusCode).toBe(404);
    const declined = await senior.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: false,
      reason: '与被告人家属相识，需回避',
    });
    expect(declined.statusCode, declined.body).toBe(204);
    const back = (await director.session.get(`/api/v1/applications/${c.id}`)).json();
    expect(back.state).toBe('to_assign');
    expect(back.currentClock.period).toBe('assignment');

    await director.session.post(`/api/v1/applications/${c.id}/assignment`, {});
    const accepted = await senior.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: true,
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    expect((await director.session.get(`/api/v1/applications/${c.id}`)).json().state).toBe('in_progress');
    const history = await t.deps.db
      .select()
      .from(caseAssignments)
      .where(eq(caseAssignments.applicationId, c.id));
    expect(history.map((h) => h.status).sort()).toEqual(['accepted', 'declined']);
    await director.session.post(`/api/v1/applications/${c.id}/assignment/change`, { reason: '释放名额' });
  });

  it('tells the directors once when the handler has not answered in time', async () => {
    const c = await deathPenaltyCase('壬某');
    const assigned = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    // The centre's answer time is 24 hours by default.
    t.clock.advance(23 * HOUR);
    expect((await sweepClocks(t.deps)).unanswered).toBe(0);
    t.clock.advance(2 * HOUR);
    expect((await sweepClocks(t.deps)).unanswered).toBe(1);
    expect((await sweepClocks(t.deps)).unanswered).toBe(0);
    t.clock.advance(-25 * HOUR);
    const alerts = (await director.session.get('/api/v1/alerts')).json().items;
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'unanswered',
        period: 'assignment',
        application: expect.objectContaining({ id: c.id }),
      }),
    );
    await director.session.post(`/api/v1/applications/${c.id}/assignment/change`, {
      reason: '未按时答复，改派',
    });
  });

  it('a recorded relation with the client is a conflict (回避)', async () => {
    const c = await deathPenaltyCase('庚某');
    await t.deps.db.insert(handlerConflicts).values({
      id: randomUUID(),
      handlerId: senior.id,
      kind: 'relation',
      partyName: '庚某',
      note: '表兄弟',
      recordedAt: t.clock.now(),
    });
    const { candidates } = (await director.session.get(`/api/v1/applications/${c.id}/candidates`)).json();
    const seniorView = candidates.find((x: { handlerId: string }) => x.handlerId === senior.id);
    expect(seniorView.eligible).toBe(false);
    expect(seniorView.reasons).toContainEqual(
      expect.objectContaining({ code: 'CONFLICT_RECORDED_RELATION' }),
    );
    await t.deps.db.delete(handlerConflicts).where(eq(handlerConflicts.handlerId, senior.id));
  });

  it('a manual choice other than the best needs a reason', async () => {
    const other = await handler('王律师', { criminalPracticeStartDate: '2010-01-01', capacity: 3 });
    const c = await deathPenaltyCase('辛某');
    const { best } = (await director.session.get(`/api/v1/applications/${c.id}/candidates`)).json();
    const notBest = best.handlerId === other.id ? senior.id : other.id;
    const noReason = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: notBest,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('ASSIGNMENT_REASON_REQUIRED');
  });
});
