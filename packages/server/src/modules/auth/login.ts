import { eq, sql } from 'drizzle-orm';
import { isRole, type OrganisationId, type UserId } from '@fayuan/domain';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { burnVerifyTime, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks the password and opens a session. Five wrong passwords in a row lock the account for
 * 15 minutes; the counter and the audit row of a failure are kept (that is the point of them).
 */
export async function login(deps: AppDeps, input: LoginInput, origin: RequestOrigin) {
  const now = deps.clock.now();
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
  if (!user) {
    await burnVerifyTime(input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('AUTH_ACCOUNT_LOCKED');
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    await deps.db.transaction(async (tx) => {
      const [counted] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      const lock = (counted?.failedLogins ?? 0) >= MAX_FAILED_LOGINS;
      if (lock)
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) })
          .where(eq(users.id, user.id));
      await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
        action: lock ? 'auth.lockout' : 'auth.login_failed',
        entityType: 'users',
        entityId: user.id,
        organisationId: user.organisationId,
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');

  return deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(
      tx,
      user.id as UserId,
      now,
      { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours },
      { ip: input.ip, userAgent: input.userAgent },
    );
    await recordAudit(
      tx,
      { cipher: deps.cipher, at: now },
      {
        ...origin,
        actor: {
          userId: user.id as UserId,
          username: user.username,
          roles: user.roles.filter(isRole),
          organisationId: user.organisationId as OrganisationId,
        },
      },
      { action: 'auth.login', entityType: 'users', entityId: user.id },
    );
    return { userId: user.id as UserId, ...session };
  });
}
