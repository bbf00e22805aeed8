import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDateOf } from '@fayuan/domain';
import { and, eq } from 'drizzle-orm';
import { applicationEvents, applications, auditEvents, caseClosings } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { deliver, signIn, type Staff } from '../applications/application-test-kit.ts';
import {
  auditActions,
  caseInProgress,
  CRIMINAL_REQUIRED,
  handler,
  PDF,
  uploadMaterial,
  uploadRequired,
  type HandlerLogin,
} from './casework-test-kit.ts';

/** Closing materials (结案材料, LAL art.50) as rule rows: uploads by the handler, the check, the review. */
let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let lawyer: HandlerLogin;
let other: HandlerLogin;

const inProgress = (name: string) => caseInProgress({ window, director, lawyer }, name);
const closing = { result: 'opinion_partly_adopted', report: '辩护意见被部分采纳，法院从轻判处。' };

/** What a refused change must leave alone: the state, its version, the timeline and the closings. */
async function footprint(id: string) {
  const [app] = await t.deps.db.select().from(applications).where(eq(applications.id, id));
  const events = await t.deps.db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id));
  const closings = await t.deps.db.select().from(caseClosings).where(eq(caseClosings.applicationId, id));
  return { state: app?.state, version: app?.version, events: events.length, closings: closings.length };
}

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  lawyer = await handler(t, '孙律师');
  other = await handler(t, '钱律师');
});
afterAll(() => t.close());

describe('the closing materials of a case', () => {
  it('lists what a criminal defence hands in, with citations, for the handler and the centre', async () => {
    const id = await inProgress('小周');
    for (const reader of [lawyer.session, reviewer.session]) {
      const list = await reader.get(`/api/v1/cases/${id}/closing-materials`);
      expect(list.statusCode, list.body).toBe(200);
      const body = list.json();
      expect(body).toMatchObject({ caseType: 'criminal', terminated: false, missing: CRIMINAL_REQUIRED });
      expect(body.ruleVersion).toMatch(/^rv-[0-9a-f]{8}$/);
      const required = body.materials.filter((m: { required: boolean }) => m.required);
      expect(required.map((m: { code: string }) => m.code)).toEqual(CRIMINAL_REQUIRED);
      expect(required[2]).toMatchObject({ code: 'legal_document', citation: 'LAL art.50', attachments: [] });
      expect(body.materials.find((m: { code: string }) => m.code === 'file_reading_record')).toMatchObject({
        required: false,
      });
    }
    expect((await other.session.get(`/api/v1/cases/${id}/closing-materials`)).statusCode).toBe(404);
  });

  it('only the assigned handler uploads, only materials the case lists, only while at work', async () => {
    const id = await inProgress('小吴');
    const elsewhere = await uploadMaterial(other.session, id, 'legal_document');
    expect(elsewhere.statusCode).toBe(404);
    // Centre staff attach through the application file, not the handler's route.
    expect((await uploadMaterial(director.session, id, 'legal_document')).statusCode).toBe(404);
    const civilOnly = await uploadMaterial(lawyer.session, id, 'representation_opinion');
    expect(civilOnly.statusCode).toBe(400);
    expect(civilOnly.json().error.code).toBe('CASEWORK_CLOSING_MATERIAL_UNKNOWN');
    const renamed = await lawyer.session.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/attachments?name=x.png&material=legal_document`,
      payload: PDF,
      headers: { 'content-type': 'image/png' },
    });
    expect(renamed.json().error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');

    const upload = await uploadMaterial(lawyer.session, id, 'legal_document', '一审判决书.pdf');
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ materialCode: 'legal_document', fileName: '一审判决书.pdf' });
    const listed = (await lawyer.session.get(`/api/v1/cases/${id}/closing-materials`)).json();
    expect(listed.missing).toEqual(CRIMINAL_REQUIRED.filter((c) => c !== 'legal_document'));
    const legal = listed.materials.find((m: { code: string }) => m.code === 'legal_document');
    expect(legal.attachments.map((a: { id: string }) => a.id)).toEqual([upload.json().id]);
    expect(await auditActions(t, id)).toContain('application.attachment_added');

    // The handler downloads their closing material, not the applicant's own papers.
    const own = await lawyer.session.get(`/api/v1/cases/${id}/attachments/${upload.json().id}`);
    expect(own.statusCode).toBe(200);
    expect(Buffer.compare(own.rawPayload, PDF)).toBe(0);
    const papers = await window.session.request({
      method: 'POST',
      url: `/api/v1/applications/${id}/attachments?name=id.pdf&material=identity_document`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(papers.statusCode, papers.body).toBe(201);
    expect((await lawyer.session.get(`/api/v1/cases/${id}/attachments/${papers.json().id}`)).statusCode).toBe(
      404,
    );
    expect((await other.session.get(`/api/v1/cases/${id}/attachments/${upload.json().id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await reviewer.session.get(`/api/v1/cases/${id}/attachments/${papers.json().id}`)).statusCode,
    ).toBe(200);
  });

  it('refuses a closing with materials missing: 422 listing each with its citation, nothing changed', async () => {
    const id = await inProgress('小郑');
    const before = await footprint(id);
    const refused = await lawyer.session.post(`/api/v1/cases/${id}/closing`, closing);
    expect(refused.statusCode, refused.body).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('CASEWORK_CLOSING_MATERIALS_MISSING');
    expect(error.details.missing.map((m: { code: string }) => m.code)).toEqual(CRIMINAL_REQUIRED);
    expect(error.details.missing[2]).toEqual({
      code: 'legal_document',
      nameZh: '判决书、裁定书、调解书或其他终结案件的法律文书副本（复印件）',
      nameEn: 'Copy of the judgment, ruling, mediation agreement or other legal document ending the matter',
      citation: 'LAL art.50',
    });
    for (const m of error.details.missing) expect(m.citation).toMatch(/^LAL art\.50/);
    expect(await footprint(id)).toEqual(before);
    expect(await auditActions(t, id)).not.toContain('application.submit_closing');

    // Half the set: the answer lists the rest, still nothing changed.
    for (const material of ['legal_document', 'meeting_record'])
      expect((await uploadMaterial(lawyer.session, id, material)).statusCode).toBe(201);
    const half = await lawyer.session.post(`/api/v1/cases/${id}/closing`, closing);
    expect(half.statusCode).toBe(422);
    expect(half.json().error.details.missing.map((m: { code: string }) => m.code)).toEqual([
      'aid_agreement',
      'defence_opinion',
    ]);
    expect((await footprint(id)).state).toBe('in_progress');
  });

  it('with the full set the closing records which file is which material; the centre reviews them and accepts', async () => {
    const id = await inProgress('小冯');
    await uploadRequired(lawyer.session, id);
    const optional = await uploadMaterial(lawyer.session, id, 'file_reading_record', '阅卷笔录.pdf');
    expect(optional.statusCode).toBe(201);
    const ruleVersion = (await lawyer.session.get(`/api/v1/cases/${id}/closing-materials`)).json()
      .ruleVersion;

    const submitted = await lawyer.session.post(`/api/v1/cases/${id}/closing`, closing);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const body = submitted.json();
    expect(body.ruleVersion).toBe(ruleVersion);
    expect(body.attachmentIds).toHaveLength(CRIMINAL_REQUIRED.length + 1);
    for (const material of body.materials as { code: string; attachments: { materialCode: string }[] }[])
      for (const file of material.attachments) expect(file.materialCode).toBe(material.code);
    const reading = body.materials.find((m: { code: string }) => m.code === 'file_reading_record');
    expect(reading.attachments.map((a: { id: string }) => a.id)).toEqual([optional.json().id]);
    const [stored] = await t.deps.db.select().from(caseClosings).where(eq(caseClosings.applicationId, id));
    expect(stored?.ruleVersion).toBe(ruleVersion);
    expect(stored?.materials.find((m) => m.code === 'meeting_record')?.attachmentIds).toHaveLength(1);

    // Under review the handler adds nothing more.
    expect((await uploadMaterial(lawyer.session, id, 'legal_document')).statusCode).toBe(409);
    // The centre sees the pending closing's files by material and downloads them (audited).
    const pending = (await reviewer.session.get(`/api/v1/cases/${id}/closings`)).json()[0];
    const agreement = pending.materials.find((m: { code: string }) => m.code === 'aid_agreement');
    expect(agreement.attachments).toHaveLength(1);
    const download = await reviewer.session.get(
      `/api/v1/applications/${id}/attachments/${agreement.attachments[0].id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(await auditActions(t, id)).toContain('application.attachment_read');

    const accepted = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().state).toBe('closed');
  });

  it('a terminated case is closed on fewer materials: only the agreement is required', async () => {
    const id = await inProgress('小陈');
    const terminated = await director.session.post(`/api/v1/cases/${id}/termination`, {
      ground: 'own_lawyer_hired',
      reasons: '受援人已另行委托律师。',
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    const listed = (await lawyer.session.get(`/api/v1/cases/${id}/closing-materials`)).json();
    expect(listed).toMatchObject({ terminated: true, missing: ['aid_agreement'] });

    // LAL art.49 sets no objection period for a termination: once its decision is delivered the
    // case may be closed; sessions expire meanwhile, so sign in again.
    t.clock.advance(20 * 86_400_000);
    const [checker, clerk] = [
      await signIn(t, ORG.haidian, ['reviewer']),
      await signIn(t, ORG.haidian, ['window_staff']),
    ];
    const delivered = await deliver(clerk, id, 'termination_decision', beijingDateOf(t.clock.now()));
    expect(delivered.statusCode, delivered.body).toBe(200);
    const before = await footprint(id);
    const refused = await checker.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details.missing.map((m: { code: string }) => m.code)).toEqual([
      'aid_agreement',
    ]);
    expect(await footprint(id)).toEqual(before);

    // The agreement handed in at the window counts as much as an upload by the handler.
    const handedIn = await clerk.session.request({
      method: 'POST',
      url: `/api/v1/applications/${id}/attachments?name=${encodeURIComponent('委托辩护协议.pdf')}&material=aid_agreement`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(handedIn.statusCode, handedIn.body).toBe(201);
    const closed = await checker.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    const [event] = await t.deps.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.toState, 'closed')));
    expect(event?.payload).toMatchObject({ ruleVersion: listed.ruleVersion });
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'application.accept_closing')));
    expect(audit).toHaveLength(1);
  });
});
