import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHandler, PASSWORD } from '../../packages/server/test/factories.ts';
import { Session } from '../../packages/server/test/harness.ts';
import { buildLawFirm } from '../../packages/server/src/modules/quality/closed-case-kit.ts';
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
