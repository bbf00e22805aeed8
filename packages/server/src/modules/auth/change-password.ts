import { eq } from 'drizzle-orm';
import { checkPassword } from '@fayuan/domain';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { assertPasswordNotGuessable } from '../../platform/auth/password-strength.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';

/** A user changes their own password; every other session of theirs ends. */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('PASSWORD_CURRENT_WRONG');
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  const problems = checkPassword(input.newPassword, user.username);
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', { problems });
  assertPasswordNotGuessable(
    input.newPassword,
    [user.username, user.displayName],
    deps.config.passwordMinScore,
  );
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id, actor.sessionTokenHash);
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'auth.password_change',
      entityType: 'users',
      entityId: user.id,
    });
  });
}
