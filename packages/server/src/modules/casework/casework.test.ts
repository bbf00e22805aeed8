import { randomUUID } from 'node:crypto';
import { beijingDateOf } from '@fayuan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, caseArchives, caseClosings, terminationReports } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { deliver, signIn, type Staff } from '../applications/application-test-kit.ts';
import { sha256Of } from './archive.ts';
import {
  auditActions as auditOf,
  caseInProgress,
  handler,
  uploadRequired,
  type HandlerLogin,
} from './casework-test-kit.ts';
import { readPdf } from '../../../test/pdf-text.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let chaoyangDirector: Staff;
let handlerA: HandlerLogin;
let handlerB: HandlerLogin;

const inProgress = (name: string) => caseInProgress({ window, director, lawyer: handlerA }, name);
const auditActions = (id: string) => auditOf(t, id);

const hearing = (at = '2026-11-01T09:30:00+08:00') => ({
  kind: 'hearing',
  occurredAt: at,
  place: '海淀区人民法院第三法庭',
  summary: '出庭辩护，发表罪轻辩护意见。',
});

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  handlerA = await handler(t, '周律师');
  handlerB = await handler(t, '吴律师');
});
afterAll(() => t.close());

describe('activities (承办记录)', () => {
  it('only the assigned handler records; the centre in scope reads; other handlers and districts find nothing', async () => {
    const id = await inProgress('小明');
    const created = await handlerA.session.post(`/api/v1/cases/${id}/activities`, hearing());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'hearing', handlerId: handlerA.id });

    expect((await handlerB.session.post(`/api/v1/cases/${id}/activities`, hearing())).statusCode).toBe(404);
    expect((await handlerB.session.get(`/api/v1/cases/${id}/activities`)).statusCode).toBe(404);
    expect((await chaoyangDirector.session.get(`/api/v1/cases/${id}/activities`)).statusCode).toBe(404);
    // Centre staff read, but do not write, the handler's timeline.
    expect((await director.session.post(`/api/v1/cases/${id}/activities`, hearing())).statusCode).toBe(404);

    for (const reader of [handlerA.session, director.session, window.session]) {
      const list = await reader.get(`/api/v1/cases/${id}/activities`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().map((a: { id: string }) => a.id)).toEqual([created.json().id]);
    }
    expect(await auditActions(id)).toContain('case_activity.create');
  });

  it('refuses a record dated in the future and an unknown kind', async () => {
    const id = await inProgress('小红');
    const future = await handlerA.session.post(
      `/api/v1/cases/${id}/activities`,
      hearing('2027-01-01T09:00:00+08:00'),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('CASEWORK_ACTIVITY_IN_FUTURE');
    const unknown = await handlerA.session.post(`/api/v1/cases/${id}/activities`, {
      ...hearing(),
      kind: 'lunch',
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('major or difficult cases (重大疑难)', () => {
  it('the director flags the case; the centre then records a collective discussion', async () => {
    const id = await inProgress('小刚');
    // Never marked: the API answers so, to the handler and the centre alike.
    const unmarked = { major: false, reason: null, setBy: null, setAt: null };
    expect((await handlerA.session.get(`/api/v1/cases/${id}/major`)).json()).toEqual(unmarked);
    expect((await reviewer.session.get(`/api/v1/cases/${id}/major`)).json()).toEqual(unmarked);
    const discussion = {
      heldAt: '2026-11-01T15:00:00+08:00',
      participants: ['张主任', '李审查员', '周律师'],
      conclusions: '同意作无罪辩护，申请调取监控录像。',
    };
    const early = await reviewer.session.post(`/api/v1/cases/${id}/discussions`, discussion);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASEWORK_NOT_MAJOR');

    expect(
      (await reviewer.session.post(`/api/v1/cases/${id}/major`, { major: true, reason: '社会关注' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await chaoyangDirector.session.post(`/api/v1/cases/${id}/major`, { major: true, reason: '社会关注' }))
        .statusCode,
    ).toBe(404);
    const flagged = await director.session.post(`/api/v1/cases/${id}/major`, {
      major: true,
      reason: '案情复杂，社会关注度高',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toMatchObject({ major: true, setBy: { id: director.id } });

    // The mark is read back on load (not only as the answer to setting it), with who and when.
    for (const reader of [handlerA.session, window.session, director.session]) {
      const read = await reader.get(`/api/v1/cases/${id}/major`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toEqual(flagged.json());
      expect(read.json()).toMatchObject({ reason: '案情复杂，社会关注度高', setAt: expect.any(String) });
      expect(read.json().setBy.displayName).not.toBe('');
    }
    expect((await handlerB.session.get(`/api/v1/cases/${id}/major`)).statusCode).toBe(404);
    expect((await chaoyangDirector.session.get(`/api/v1/cases/${id}/major`)).statusCode).toBe(404);

    const recorded = await reviewer.session.post(`/api/v1/cases/${id}/discussions`, discussion);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ participants: discussion.participants });
    // The director's supervision reaches the handler: the discussions read-only, never written.
    const seen = await handlerA.session.get(`/api/v1/cases/${id}/discussions`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().map((d: { id: string }) => d.id)).toEqual([recorded.json().id]);
    expect((await handlerA.session.post(`/api/v1/cases/${id}/discussions`, discussion)).statusCode).toBe(403);
    expect((await handlerB.session.get(`/api/v1/cases/${id}/discussions`)).statusCode).toBe(404);
    const list = await director.session.get(`/api/v1/cases/${id}/discussions`);
    expect(list.json()).toHaveLength(1);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['case.major_flag', 'case_discussion.create']),
    );
  });
});

describe('termination (LAL art.48)', () => {
  it('the handler reports a ground; the director terminates with a numbered decision; an objection may follow', async () => {
    const id = await inProgress('小强');
    const bad = await handlerA.session.post(`/api/v1/cases/${id}/termination-report`, {
      ground: 'bored',
      facts: '—',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await handlerB.session.post(`/api/v1/cases/${id}/termination-report`, {
          ground: 'own_lawyer_hired',
          facts: '家属另行委托律师。',
        })
      ).statusCode,
    ).toBe(404);
    const report = await handlerA.session.post(`/api/v1/cases/${id}/termination-report`, {
      ground: 'own_lawyer_hired',
      facts: '被告人家属已另行委托北京某律师事务所律师辩护。',
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({ status: 'pending', citation: 'LAL art.48(6)' });

    const invalid = await director.session.post(`/api/v1/cases/${id}/termination`, {
      ground: 'no_such_ground',
      reasons: '—',
    });
    expect(invalid.statusCode).toBe(400);
    // Only aid given in advance can end for formalities not completed (LAL art.44(2)).
    const notApplicable = await director.session.post(`/api/v1/cases/${id}/termination`, {
      ground: 'formalities_not_completed',
      reasons: '未补办手续',
    });
    expect(notApplicable.statusCode).toBe(422);
    expect(notApplicable.json().error.code).toBe('APPLICATION_GUARD_FAILED');
    expect(
      (
        await handlerA.session.post(`/api/v1/cases/${id}/termination`, {
          ground: 'own_lawyer_hired',
          reasons: '—',
        })
      ).statusCode,
    ).toBe(403);

    const terminated = await director.session.post(`/api/v1/cases/${id}/termination`, {
      ground: 'own_lawyer_hired',
      reasons: '受援人已另行委托律师，依法终止法律援助。',
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    const detail = terminated.json();
    expect(detail.state).toBe('terminated');
    const decision = detail.documents.find((d: { kind: string }) => d.kind === 'termination_decision');
    expect(decision.number).toMatch(/法援终〔2026〕第\d{5}号$/);
    // The decision prints the ground with its citation, the stated facts and the right to object.
    const pdf = await director.session.get(`/api/v1/applications/${id}/documents/${decision.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const { text } = await readPdf(pdf.rawPayload);
    for (const part of [
      '终止法律援助决定书',
      '《中华人民共和国法律援助法》第四十八条',
      '受援人已另行委托律师',
      '司法局',
    ])
      expect(text).toContain(part);
    // LAL art.49 sets no period for objecting to a termination (BJR art.24 covers refusals).
    expect(text).not.toContain('15日');
    expect(detail).toMatchObject({
      currentClock: null,
      awaitingDelivery: true,
      objectionWindow: { status: 'no_period', dueAt: null },
    });
    const [stored] = await t.deps.db
      .select()
      .from(terminationReports)
      .where(eq(terminationReports.applicationId, id));
    expect(stored).toMatchObject({ status: 'decided' });
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['termination_report.create', 'application.terminate']),
    );

    // The activities stop with the termination.
    expect((await handlerA.session.post(`/api/v1/cases/${id}/activities`, hearing())).statusCode).toBe(409);
    // Delivered, and two months on: an objection to a termination has no filing deadline.
    const today = beijingDateOf(t.clock.now());
    expect((await deliver(window, id, 'termination_decision', today, 'in_person')).statusCode).toBe(200);
    t.clock.advance(60 * 86_400_000);
    const clerk = await signIn(t, ORG.haidian, ['window_staff']);
    const objection = await clerk.session
      .post(`/api/v1/applications/${id}/objections`, { grounds: '受援人称并未委托其他律师。' })
      .finally(() => t.clock.advance(-60 * 86_400_000));
    expect(objection.statusCode, objection.body).toBe(200);
    expect(objection.json()).toMatchObject({ state: 'objection_to_termination' });
  });
});

describe('closing (结案, LAL art.50; BJR art.32)', () => {
  it('only the assigned handler submits; a returned closing goes back to work; an accepted one closes the case', async () => {
    const id = await inProgress('小李');
    const closing = {
      result: 'opinion_partly_adopted',
      report: '辩护意见被部分采纳，法院从轻判处有期徒刑六个月，缓刑一年。',
    };
    expect((await handlerB.session.post(`/api/v1/cases/${id}/closing`, closing)).statusCode).toBe(404);
    const badResult = await handlerA.session.post(`/api/v1/cases/${id}/closing`, {
      ...closing,
      result: 'victory',
    });
    expect(badResult.statusCode).toBe(400);
    const notOnFile = await handlerA.session.post(`/api/v1/cases/${id}/closing`, {
      ...closing,
      attachmentIds: [randomUUID()],
    });
    expect(notOnFile.statusCode).toBe(400);
    expect(notOnFile.json().error.code).toBe('CASEWORK_ATTACHMENT_INVALID');

    await uploadRequired(handlerA.session, id);
    const submitted = await handlerA.session.post(`/api/v1/cases/${id}/closing`, closing);
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ result: 'opinion_partly_adopted', outcome: null });
    expect((await director.session.get(`/api/v1/applications/${id}`)).json().state).toBe('closing_submitted');

    const noReason = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: false });
    expect(noReason.statusCode).toBe(422);
    expect(
      (await chaoyangDirector.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true }))
        .statusCode,
    ).toBe(404);
    const returned = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, {
      accept: false,
      reason: '缺少判决书复印件',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().state).toBe('in_progress');
    const again = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASEWORK_NO_PENDING_CLOSING');

    expect((await handlerA.session.post(`/api/v1/cases/${id}/closing`, closing)).statusCode).toBe(201);
    const accepted = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().state).toBe('closed');

    const rows = await t.deps.db.select().from(caseClosings).where(eq(caseClosings.applicationId, id));
    expect(rows.map((r) => r.outcome).sort()).toEqual(['accepted', 'returned']);
    expect(rows.find((r) => r.outcome === 'returned')?.returnReason).toBe('缺少判决书复印件');
    const history = await handlerA.session.get(`/api/v1/cases/${id}/closings`);
    expect(history.json()).toHaveLength(2);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining([
        'application.submit_closing',
        'application.return_closing',
        'application.accept_closing',
      ]),
    );
    // Evaluation and the subsidy come before the file is archived.
    const early = await director.session.post(`/api/v1/cases/${id}/archive`);
    expect(early.statusCode).toBe(409);
  });
});

describe('archive (归档)', () => {
  it('files a terminated case once no objection can reopen it, as an immutable snapshot', async () => {
    const id = await inProgress('小王');
    await handlerA.session.post(`/api/v1/cases/${id}/activities`, hearing());
    const terminated = await director.session.post(`/api/v1/cases/${id}/termination`, {
      ground: 'recipient_request',
      reasons: '受援人书面申请终止。',
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    // Not filed away before the decision, which states the right to object, reached the recipient.
    const open = await director.session.post(`/api/v1/cases/${id}/archive`);
    expect(open.statusCode).toBe(422);

    // Delivered later (LAL art.49 sets no objection period); sessions expire meanwhile, so sign in again.
    t.clock.advance(20 * 86_400_000);
    expect(
      (
        await deliver(
          await signIn(t, ORG.haidian, ['window_staff']),
          id,
          'termination_decision',
          beijingDateOf(t.clock.now()),
        )
      ).statusCode,
    ).toBe(200);
    const [chief, otherChief, clerk, checker] = [
      await signIn(t, ORG.haidian, ['director']),
      await signIn(t, ORG.chaoyang, ['director']),
      await signIn(t, ORG.haidian, ['window_staff']),
      await signIn(t, ORG.haidian, ['reviewer']),
    ];
    expect((await otherChief.session.post(`/api/v1/cases/${id}/archive`)).statusCode).toBe(404);
    expect((await checker.session.post(`/api/v1/cases/${id}/archive`)).statusCode).toBe(403);
    // The retention period is the centre's setting (default 30 years), not a figure in the code.
    const settings = `/api/v1/centre-settings/${ORG.haidian}`;
    expect((await clerk.session.get(settings)).json().archiveRetentionYears).toBe(30);
    const set = await chief.session.request({
      method: 'PUT',
      url: settings,
      payload: { decisionRequiresApproval: false, supplementDays: 15, archiveRetentionYears: 25 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const archived = await chief.session.post(`/api/v1/cases/${id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    const file = archived.json();
    expect(file.intact).toBe(true);
    expect(file.snapshot.application.state).toBe('archived');
    expect(file.snapshot.activities).toHaveLength(1);
    expect(file.snapshot.application.documents.map((d: { kind: string }) => d.kind)).toContain(
      'termination_decision',
    );
    expect(new Date(file.retentionUntil).getUTCFullYear() - new Date(file.archivedAt).getUTCFullYear()).toBe(
      25,
    );
    expect(sha256Of(file.snapshot)).toBe(file.sha256);

    const refusal = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
    // The app role has no UPDATE or DELETE on the archive (ADR 0008); behind that, the trigger
    // refuses even the owner and a superuser.
    for (const [db, refused] of [
      [t.deps.db, /permission denied for table case_archives/],
      [t.superuser().db, /case_archives is immutable/],
    ] as const) {
      const update = await db
        .execute(sql`UPDATE case_archives SET sha256 = 'x' WHERE application_id = ${id}`)
        .catch(refusal);
      expect(update).toMatch(refused);
      const remove = await db.delete(caseArchives).where(eq(caseArchives.applicationId, id)).catch(refusal);
      expect(remove).toMatch(refused);
    }
    const [kept] = await t.deps.db.select().from(caseArchives).where(eq(caseArchives.applicationId, id));
    expect(kept?.sha256).toBe(file.sha256);

    expect((await chief.session.post(`/api/v1/cases/${id}/archive`)).statusCode).toBe(409);
    expect(file.archivedBy).toMatchObject({ id: chief.id });
    const read = await clerk.session.get(`/api/v1/cases/${id}/archive`);
    expect(read.json()).toMatchObject({ sha256: file.sha256, intact: true, archivedBy: { id: chief.id } });
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'case.archive')));
    expect(audit).toHaveLength(1);
    // Each read of the archived file is audited, naming the reader.
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'case_archive.read')));
    expect(reads.map((r) => r.actorId)).toEqual([clerk.id]);
    expect((await otherChief.session.get(`/api/v1/cases/${id}/archive`)).statusCode).toBe(404);
    const notAudited = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'case_archive.read')));
    expect(notAudited).toHaveLength(1);
  });
});
