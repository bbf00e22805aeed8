import { uploadRequired } from '../casework/casework-test-kit.ts';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { handlers, lawFirms } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { Session, type TestContext } from '../../../test/harness.ts';
import { buildUser, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, type Staff } from '../applications/application-test-kit.ts';

/**
 * Test helpers for the steps after the closing (evaluation, subsidy, archive): a handler in a
 * centre's pool and a case brought to `closed` through the API. Not a test file itself.
 */
export interface PoolHandler {
  id: string;
  name: string;
  session: Session;
}

/** A law firm on the city registry, straight into the table (its API is tested in modules/handlers). */
export async function buildLawFirm(deps: AppDeps, name: string): Promise<string> {
  const id = randomUUID();
  await deps.db.insert(lawFirms).values({
    id,
    name,
    licenceNumber: `3111${Math.floor(Math.random() * 1e12)}`,
    regionCode: '110108',
  });
  return id;
}

/** An active lawyer in the centre's pool with a login; `firmId` null for a centre lawyer. */
export async function buildPoolHandler(
  t: TestContext,
  organisationId: string,
  name: string,
  firmId: string | null,
): Promise<PoolHandler> {
  const user = await buildUser(t.deps, { organisationId, roles: ['handler'] });
  const id = randomUUID();
  await t.deps.db.insert(handlers).values({
    id,
    organisationId,
    userId: user.id,
    name,
    namePinyin: name,
    nameInitials: name,
    kind: firmId ? 'social_lawyer' : 'centre_lawyer',
    firmId,
    licenceNumber: `1110${Math.floor(Math.random() * 1e12)}`,
    practiceStartDate: '2012-01-01',
    criminalPracticeStartDate: '2013-01-01',
    districtsServed: [organisationId],
    capacity: 20,
    status: 'active',
    statusSince: '2020-01-01',
  });
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, name, session };
}

/**
 * The handler's closing (LAL art.50). The one place the tests submit one, so that what a closing
 * must carry (copies of the legal documents as attachments, say) is added here once.
 */
export async function submitClosing(handler: PoolHandler, id: string) {
  // The closing materials a criminal defence needs (rule list `closing_material`, LAL art.50).
  await uploadRequired(handler.session, id);
  const response = await handler.session.post(`/api/v1/cases/${id}/closing`, {
    result: 'opinion_partly_adopted',
    report: '辩护意见被部分采纳，法院从轻判处。',
  });
  expect(response.statusCode, response.body).toBe(201);
}

/**
 * A notified defence (LAL art.25(2)) taken in by `window`, assigned by `director` to `handler`,
 * who accepts and submits the closing, which `reviewer` accepts: the case is `closed`.
 */
export async function closedCase(
  staff: { window: Staff; director: Staff; reviewer: Staff },
  handler: PoolHandler,
  defendant: string,
): Promise<string> {
  const { id } = await recordNotice(staff.window, defendant);
  const assigned = await staff.director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: handler.id,
    reason: '熟悉此类案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await handler.session.post(`/api/v1/applications/${id}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
  await submitClosing(handler, id);
  const reviewed = await staff.reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  expect(reviewed.json().state).toBe('closed');
  return id;
}
