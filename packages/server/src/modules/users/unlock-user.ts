import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findUser, presentUser } from './users.repository.ts';

/**
 * Lifts a login lockout before it runs out (the user called the centre) and starts the failure
 * count again. The login itself answers a locked account like a wrong password, so this page is
 * where the lock shows.
 */
export async function unlockUser(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const current = await findUser(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const now = deps.clock.now();
    const lockedUntil = current.user.lockedUntil;
    if (!lockedUntil || lockedUntil <= now) throw new AppError('USER_NOT_LOCKED');
    const [updated] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'user.unlock',
      entityType: 'users',
      entityId: id,
      organisationId: current.user.organisationId,
      changes: { lockedUntil: { before: lockedUntil.toISOString(), after: null } },
    });
    return presentUser({ user: updated!, organisationName: current.organisationName }, deps.cipher);
  });
}
