import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHandler, PASSWORD } from '../../packages/server/test/factories.ts';
import { Session } from '../../packages/server/test/harness.ts';
import { buildLawFirm } from '../../packages/server/src/modules/quality/closed-case-kit.ts';
import { uploadRequired } from '../../packages/server/src/modules/casework/casework-test-kit.ts';
import type { AppDeps } from '../../packages/server/src/platform/context.ts';

/**
 * The people a journey needs before its first step, set up outside the browser: lawyers straight
 * into the registry's tables with the server's factories (the registry has its own journey in
 * handlers.test.ts), and API sessions for the steps a journey does not take in the browser.
 */

/**
 * A Beijing date `years` years and `days` days before today, YYYY-MM-DD. The default month to
 * spare keeps whole years of practice whole on the day the test runs.
 */
export function yearsAgo(years: number, days = 30): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  beijing.setUTCFullYear(beijing.getUTCFullYear() - years);
  beijing.setUTCDate(beijing.getUTCDate() - days);
  return beijing.toISOString().slice(0, 10);
}

export interface LawyerOptions {
  /** Whole years in practice, and in criminal practice unless `criminal` is false. */
  years?: number;
  /** False for a lawyer who has never practised criminal law. */
  criminal?: boolean;
  /** The name of the law firm the lawyer works for, registered with them; none when absent. */
  firm?: string;
}

/**
 * An active social lawyer in 海淀's pool with a login of their own (role handler), 8 years in
 * practice unless told otherwise (buildHandler's row). Returns the login.
 */
export async function buildLawyer(
  deps: AppDeps,
  name: string,
  { years = 8, criminal = true, firm }: LawyerOptions = {},
) {
  const firmId = firm === undefined ? null : await buildLawFirm(deps, firm);
  const lawyer = await buildHandler(deps, name, {
    practiceStartDate: yearsAgo(years),
    criminalPracticeStartDate: criminal ? yearsAgo(years) : null,
    firmId,
  });
  return lawyer.user;
}

/** An API session signed in as `username` with the test password, in Chinese. */
export async function signedInApi(app: FastifyInstance, username: string): Promise<Session> {
  const session = new Session(app, 'zh-CN');
  expect((await session.login(username, PASSWORD)).statusCode).toBe(200);
  return session;
}

/**
 * A notified criminal case in 海淀 (an ordinary first-instance trial unless `notice` says
 * otherwise), recorded and assigned by the director to the lawyer, who accepts it, all through the
 * API: the case is in progress when a journey opens it. Returns the case id and number.
 */
export async function acceptedNotice(
  app: FastifyInstance,
  people: { director: string; lawyer: string },
  defendant: { name: string; phone: string },
  notice: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const api = await signedInApi(app, people.director);
  const person = await api.post('/api/v1/persons', defendant);
  expect(person.statusCode, person.body).toBe(201);
  const recorded = await api.post('/api/v1/criminal-notices', {
    institutionKind: 'court',
    institutionName: '北京市海淀区人民法院',
    stage: 'trial_first_instance',
    ground: 'sensory_disability',
    charges: ['盗窃罪'],
    defendantId: person.json().id,
    detained: false,
    ...notice,
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  const { id, number } = recorded.json() as { id: string; number: string };
  // This lawyer, named: with other eligible lawyers in 海淀 (an earlier test's), the best candidate
  // may be another one, whose assignment this lawyer could not accept.
  const own = await signedInApi(app, people.lawyer);
  const me = await own.get('/api/v1/handlers/me');
  expect(me.statusCode, me.body).toBe(200);
  const assigned = await api.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: me.json().id,
    reason: '本案指定该律师承办',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await own.post(`/api/v1/applications/${id}/assignment/response`, { accept: true });
  expect(accepted.statusCode, accepted.body).toBeLessThan(300);
  return { id, number };
}

/**
 * `acceptedNotice`, then the lawyer hands in the closing with its materials and the reviewer
 * accepts it: the case is `closed`, as the quality journeys (sampling, visits) need it.
 */
export async function closedNotice(
  app: FastifyInstance,
  people: { director: string; lawyer: string; reviewer: string },
  defendant: { name: string; phone: string },
): Promise<{ id: string; number: string }> {
  const accepted = await acceptedNotice(app, people, defendant);
  const own = await signedInApi(app, people.lawyer);
  await uploadRequired(own, accepted.id);
  const closing = await own.post(`/api/v1/cases/${accepted.id}/closing`, {
    result: 'opinion_partly_adopted',
    report: '辩护意见被部分采纳。',
  });
  expect(closing.statusCode, closing.body).toBe(201);
  const reviewer = await signedInApi(app, people.reviewer);
  const reviewed = await reviewer.post(`/api/v1/cases/${accepted.id}/closing/review`, { accept: true });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return accepted;
}
