import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.ts';
import { Session, type TestContext } from '../../../test/harness.ts';
import { buildHandler, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, type Staff } from '../applications/application-test-kit.ts';

/** Test helpers shared by the casework test files (not a test file itself). */
export interface HandlerLogin {
  id: string;
  userId: string;
  username: string;
  session: Session;
}

/** A handler in 海淀's pool with a login, signed in (the registry's API is tested in modules/handlers). */
export async function handler(t: TestContext, name: string): Promise<HandlerLogin> {
  const { id, user } = await buildHandler(t.deps, name, {
    practiceStartDate: '2012-01-01',
    criminalPracticeStartDate: '2013-01-01',
    capacity: 20,
  });
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, userId: user.id, username: user.username, session };
}

/**
 * A notified defence in ordinary procedure (LAL art.25(2)) recorded by `window`, assigned by
 * `director` to `lawyer`, who accepts: the case is `in_progress`.
 */
export async function caseInProgress(
  people: { window: Staff; director: Staff; lawyer: HandlerLogin },
  name: string,
): Promise<string> {
  const { id } = await recordNotice(people.window, name);
  const assigned = await people.director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: people.lawyer.id,
    reason: '熟悉未成年人案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await people.lawyer.session.post(`/api/v1/applications/${id}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
  return id;
}

export async function auditActions(t: TestContext, id: string): Promise<string[]> {
  const rows = await t.deps.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, id));
  return rows.map((r) => r.action);
}

/** The smallest file the attachment check takes as a PDF (file-type finds %PDF; it ends with %%EOF). */
export const PDF = Buffer.from('%PDF-1.4\n% closing material for a test\n%%EOF\n');

/** Uploads a closing material to the case as `session` (the handler's own-case route). */
export function uploadMaterial(session: Session, id: string, material: string, name = `${material}.pdf`) {
  return session.request({
    method: 'POST',
    url: `/api/v1/cases/${id}/attachments?name=${encodeURIComponent(name)}&material=${material}`,
    payload: PDF,
    headers: { 'content-type': 'application/pdf' },
  });
}

/** What a criminal defence must hand in at closing (the shipped closing_material rows, LAL art.50). */
export const CRIMINAL_REQUIRED = ['aid_agreement', 'defence_opinion', 'legal_document', 'meeting_record'];

/** Uploads every required material of a criminal defence, each answered 201. */
export async function uploadRequired(session: Session, id: string): Promise<void> {
  for (const material of CRIMINAL_REQUIRED) {
    const upload = await uploadMaterial(session, id, material);
    expect(upload.statusCode, upload.body).toBe(201);
  }
}
