import { lt } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.ts';
import type { AppDeps } from './context.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { purgeRateLimitWindows } from './rate-limit/rate-limit-windows.ts';
import { purgePartnerNonces } from '../modules/partners/verify-partner-request.ts';

/** How long a stored Idempotency-Key response is replayed; clients retry within minutes, not days. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * Housekeeping that keeps the tables small: expired sessions, old idempotency records and ended
 * rate-limit windows and partner nonces past their 600 s replay window.
 * Safe to run from several processes at once (plain deletes). The job queue takes it over later.
 */
export async function runMaintenance(
  deps: AppDeps,
): Promise<{ sessions: number; idempotencyKeys: number; rateLimitWindows: number; partnerNonces: number }> {
  const now = deps.clock.now();
  const sessions = await purgeExpiredSessions(deps.db, now, {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  });
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
  const keys = await deps.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  const rateLimitWindows = await purgeRateLimitWindows(deps.db, now);
  const partnerNonces = await purgePartnerNonces(deps.db, now);
  return { sessions, idempotencyKeys: keys.length, rateLimitWindows, partnerNonces };
}
