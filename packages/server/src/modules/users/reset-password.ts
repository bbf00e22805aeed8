import { eq } from 'drizzle-orm';
import { checkPassword } from '@fayuan/domain';
import { users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertPasswordNotGuessable } from '../../platform/auth/password-strength.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { findUser } from './users.repository.ts';

/** Sets a temporary password, unlocks the account and ends its sessions; it must be changed at next login. */
export async function resetPassword(
  deps: AppDeps,
  actor: Actor,
  id: string,
  newPassword: string,
  origin: RequestOrigin,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await findUser(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const problems = checkPassword(newPassword, current.user.username);
    if (problems.length > 0) throw new AppError('PASSWORD_POLICY', { problems });
    assertPasswordNotGuessable(
      newPassword,
      [current.user.username, current.user.displayName],
      deps.config.passwordMinScore,
    );
    const passwordHash = await hashPassword(newPassword);
    const now = deps.clock.now();
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(eq(users.id, id));
    await endUserSessions(tx, id);
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'user.reset_password',
      entityType: 'users',
      entityId: id,
    });
  });
}
