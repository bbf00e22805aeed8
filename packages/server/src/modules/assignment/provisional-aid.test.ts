import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseAssignments, type handlers } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG, PASSWORD } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { registerApplicant, signIn, takeIn, type Staff } from '../applications/application-test-kit.ts';

/** Time between steps, inside the sessions' idle limit. */
const STEP = 10 * 60_000;

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;

interface Lawyer {
  id: string;
  name: string;
  session: Session;
}

/** A handler in 海淀's pool, signed in. */
async function handler(name: string, overrides: Partial<typeof handlers.$inferInsert> = {}): Promise<Lawyer> {
  const { id, user } = await buildHandler(t.deps, name, overrides);
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, name, session };
}

/**
 * A death-penalty review defendant's own application (LAL art.25(1)(5)), forwarded by the
 * detention centre (LAL art.39): LAL art.26 applies and the client is in custody.
 */
async function deathPenaltyReview(name: string): Promise<{ id: string }> {
  const defendantId = await registerApplicant(window, name);
  return takeIn(window, {
    applicantId: defendantId,
    channel: 'forwarded',
    forwardedBy: '北京市第一看守所',
    forwardedReceivedAt: t.clock.now().toISOString(),
    matter: 'criminal_defense',
    caseType: 'criminal',
    stage: 'death_penalty_review',
    courtOrAuthority: '最高人民法院',
    facts: '被告人一审、二审均被判处死刑，案件已报请最高人民法院复核。',
    requestedHelp: '死刑复核阶段辩护。',
    hardshipBasis: 'integrity_pledge',
    household: { members: 3, monthlyIncomeFen: 3 * 150_000 },
    materialsProvided: ['identity_document', 'integrity_pledge'],
  });
}

const grant = (id: string, handlerId: string, extra: Record<string, unknown> = {}) =>
  director.session.post(`/api/v1/applications/${id}/provisional-aid`, {
    ground: 'other_statutory',
    handlerId,
    formalitiesDueDate: '2026-11-20',
    ...extra,
  });

async function pdfText(id: string, documentId: string) {
  const response = await director.session.get(`/api/v1/applications/${id}/documents/${documentId}/pdf`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return (await readPdf(response.rawPayload)).text;
}

const documentOf = (detail: { documents: { kind: string }[] }, kind: string) =>
  detail.documents.filter((d) => d.kind === kind) as { id: string; kind: string; number: string }[];

const mine = async (lawyer: Lawyer, applicationId: string) => {
  const response = await lawyer.session.get('/api/v1/my-assignments');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.find((x: { applicationId: string }) => x.applicationId === applicationId);
};

const activity = (lawyer: Lawyer, id: string, summary: string) =>
  lawyer.session.post(`/api/v1/cases/${id}/activities`, {
    kind: 'meeting',
    occurredAt: t.clock.now().toISOString(),
    place: '北京市第一看守所',
    summary,
  });

let senior: Lawyer;
let veteran: Lawyer;
let junior: Lawyer;
let suspended: Lawyer;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  senior = await handler('周律师');
  veteran = await handler('王律师', {
    practiceStartDate: '2008-01-01',
    criminalPracticeStartDate: '2010-01-01',
  });
  junior = await handler('吴律师', {
    practiceStartDate: '2024-01-01',
    criminalPracticeStartDate: '2024-06-01',
  });
  suspended = await handler('郑律师', { status: 'suspended', statusReason: '年度考核不合格' });
});
afterAll(() => t.close());

describe('aid in advance names a registered handler (先行提供, LAL art.44)', () => {
  it('checks the handler by the same hard rules as any assignment, and writes nothing when refused', async () => {
    const c = await deathPenaltyReview('甲某');
    const twoYears = await grant(c.id, junior.id, { reason: '熟悉案情' });
    expect(twoYears.statusCode).toBe(422);
    expect(twoYears.json().error.code).toBe('ASSIGNMENT_HANDLER_INELIGIBLE');
    expect(twoYears.json().error.details.reasons).toContainEqual(
      expect.objectContaining({ code: 'QUALIFICATION_NOT_MET', blocking: true, citation: 'LAL art.26' }),
    );
    const notActive = await grant(c.id, suspended.id, { reason: '当日值班' });
    expect(notActive.statusCode).toBe(422);
    expect(notActive.json().error.details.reasons).toContainEqual(
      expect.objectContaining({ code: 'HANDLER_SUSPENDED', blocking: true, citation: expect.any(String) }),
    );
    // A staff account is not a handler of the registry.
    const account = await grant(c.id, reviewer.id);
    expect(account.statusCode).toBe(404);
    expect(account.json().error.details).toMatchObject({ field: 'handlerId' });

    expect((await director.session.get(`/api/v1/applications/${c.id}`)).json().state).toBe('received');
    expect(
      await t.deps.db.select().from(caseAssignments).where(eq(caseAssignments.applicationId, c.id)),
    ).toEqual([]);
  });

  it('puts the handler to work at once: letters, 我的案件 and activities; the formalities then continue the case', async () => {
    const c = await deathPenaltyReview('乙某');
    const { best, candidates } = (
      await director.session.get(`/api/v1/applications/${c.id}/candidates`)
    ).json();
    expect([senior.id, veteran.id]).toContain(best.handlerId);
    const lawyer = best.handlerId === senior.id ? senior : veteran;
    const other = lawyer === senior ? veteran : senior;
    expect(candidates.find((x: { handlerId: string }) => x.handlerId === other.id).eligible).toBe(true);
    // Another than the best, as for any choice by hand, needs a reason ([OPN] fair rotation).
    const noReason = await grant(c.id, other.id);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('ASSIGNMENT_REASON_REQUIRED');

    const given = await grant(c.id, lawyer.id, { note: '复核期限紧迫' });
    expect(given.statusCode, given.body).toBe(200);
    const detail = given.json();
    expect(detail).toMatchObject({
      state: 'provisional_aid',
      provisional: { handlerId: lawyer.id, formalitiesDueDate: '2026-11-20', completedAt: null },
      currentClock: { period: 'supplement' },
    });
    // The handler works at once, so their 5 days to sign the agreement run from now (MOJ
    // procedure rules 2023 art.27), beside the formalities date the header shows.
    expect(detail.clocks).toContainEqual(
      expect.objectContaining({ period: 'agreement_signing', status: 'running' }),
    );
    const [row] = await t.deps.db
      .select()
      .from(caseAssignments)
      .where(eq(caseAssignments.applicationId, c.id));
    expect(row).toMatchObject({ handlerId: lawyer.id, mode: 'provisional', status: 'accepted' });

    // The letters are numbered and printed like an ordinary assignment's, on LAL art.44.
    const [letter] = documentOf(detail, 'assignment_letter');
    const [meeting] = documentOf(detail, 'meeting_letter');
    expect(letter!.number).toMatch(/^京海法援函〔2026〕第\d{5}号$/);
    const letterText = await pdfText(c.id, letter!.id);
    for (const part of [
      '法律援助公函',
      lawyer.name,
      '最高人民法院',
      '死刑复核阶段',
      '辩护人',
      '《中华人民共和国法律援助法》第四十四条',
    ])
      expect(letterText).toContain(part);
    const meetingText = await pdfText(c.id, meeting!.id);
    expect(meetingText).toContain('北京市第一看守所');
    expect(meetingText).toContain(lawyer.name);
    expect(meetingText).toContain(letter!.number);

    // The handler finds the case in 我的案件, already theirs, and records the work.
    expect(await mine(lawyer, c.id)).toMatchObject({ state: 'provisional_aid', status: 'accepted' });
    expect(await mine(other, c.id)).toBeUndefined();
    const met = await activity(lawyer, c.id, '会见被告人，了解复核意见');
    expect(met.statusCode, met.body).toBe(201);
    expect((await activity(other, c.id, '无关')).statusCode).toBe(404);
    // The handler at work may report a ground for termination (LAL art.48) already; the centre decides.
    const reported = await lawyer.session.post(`/api/v1/cases/${c.id}/termination-report`, {
      ground: 'own_lawyer_hired',
      facts: '被告人家属表示已另行委托律师，待核实。',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({ status: 'pending' });
    // Nothing to accept: the lifecycle has no acceptance step for aid given in advance.
    const answer = await lawyer.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: true,
    });
    expect(answer.statusCode).toBe(409);

    // Formalities completed: the grant decision, and the same handler carries on in progress.
    t.clock.advance(STEP);
    const done = await reviewer.session.post(`/api/v1/applications/${c.id}/formalities-completed`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('in_progress');
    expect(documentOf(done.json(), 'grant_decision')).toHaveLength(1);
    expect(await mine(lawyer, c.id)).toMatchObject({ state: 'in_progress', status: 'accepted' });
    expect((await activity(lawyer, c.id, '提交书面辩护意见')).statusCode).toBe(201);
    const timeline = await lawyer.session.get(`/api/v1/cases/${c.id}/activities`);
    expect(timeline.json()).toHaveLength(2);
  });
});

describe('the change-of-handler notice (更换法律援助人员通知书)', () => {
  it('is issued with the new handler and names the former one, the reason and the new one', async () => {
    const c = await deathPenaltyReview('丙某');
    const { best } = (await director.session.get(`/api/v1/applications/${c.id}/candidates`)).json();
    const before = best.handlerId === senior.id ? senior : veteran;
    const after = before === senior ? veteran : senior;
    expect((await grant(c.id, before.id)).statusCode).toBe(200);
    expect(
      (await reviewer.session.post(`/api/v1/applications/${c.id}/formalities-completed`)).statusCode,
    ).toBe(200);

    t.clock.advance(STEP);
    const reason = '受援人以原承办律师未依法告知案件办理情况为由申请更换，经核实属实';
    const changed = await director.session.post(`/api/v1/applications/${c.id}/assignment/change`, { reason });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().state).toBe('to_assign');
    // The new handler is not known yet: nothing is numbered at the change.
    expect(documentOf(changed.json(), 'handler_change_notice')).toEqual([]);
    expect(await mine(before, c.id)).toBeUndefined();

    t.clock.advance(STEP);
    const assigned = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: after.id,
      reason: '受援人要求更换',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const [notice] = documentOf(assigned.json(), 'handler_change_notice');
    expect(notice!.number).toMatch(/〔2026〕第\d{5}号$/);
    const text = await pdfText(c.id, notice!.id);
    for (const part of [
      '更换法律援助人员通知书',
      notice!.number,
      '丙某',
      before.name,
      after.name,
      reason,
      '《中华人民共和国法律援助法》第五十五条',
      '抄送：最高人民法院',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('MOJ');

    // The new handler declines and the case is assigned again: that change was announced already.
    const declined = await after.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: false,
      reason: '与被害人家属相识，需回避',
    });
    expect(declined.statusCode, declined.body).toBe(204);
    t.clock.advance(STEP);
    const again = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: before.id,
      reason: '原承办律师已整改',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(documentOf(again.json(), 'handler_change_notice')).toHaveLength(1);
    expect(documentOf(again.json(), 'assignment_letter')).toHaveLength(3);
  });
});
