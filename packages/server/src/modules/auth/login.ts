import { eq, sql } from 'drizzle-orm';
import { isRole, isServiceRole, type OrganisationId, type UserId } from '@fayuan/domain';
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

type Outcome =
  | { kind: 'signed-in'; userId: UserId; token: string; csrfToken: string; expiresAt: Date }
  | { kind: 'refused'; burn: boolean }
  | { kind: 'disabled' };

/**
 * Checks the password and opens a session. Five wrong passwords in a row lock the account for
 * 15 minutes; the counter and the audit row of a failure are kept (that is the point of them).
 *
 * The user's row is locked (`FOR UPDATE`) before the password is verified and until the attempt
 * is counted, so parallel attempts on one account are checked one after another: the sixth finds
 * the account locked and its password is never verified. An unknown user, a wrong password and a
 * locked account get the same answer after the same work (one argon2 verification), so the
 * answer does not tell which accounts exist or are locked.
 */
export async function login(deps: AppDeps, input: LoginInput, origin: RequestOrigin) {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
      .for('update');
    if (!user) return { kind: 'refused', burn: true };
    if (user.lockedUntil && user.lockedUntil > now) return { kind: 'refused', burn: true };
    // A service account (a partner's, issue 13; the portal's, issue 14) never signs in: refused
    // like a wrong password, even if someone gave it a password.
    if (user.roles.some(isServiceRole)) return { kind: 'refused', burn: true };

    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await tx
        .update(users)
        .set(
          lock
            ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
            : { failedLogins: failures },
        )
        .where(eq(users.id, user.id));
      await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
        action: lock ? 'auth.lockout' : 'auth.login_failed',
        entityType: 'users',
        entityId: user.id,
        organisationId: user.organisationId,
      });
      return { kind: 'refused', burn: false };
    }
    if (user.status !== 'active') return { kind: 'disabled' };

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
    return { kind: 'signed-in', userId: user.id as UserId, ...session };
  });

  if (outcome.kind === 'signed-in') return outcome;
  if (outcome.kind === 'disabled') throw new AppError('AUTH_ACCOUNT_DISABLED');
  // Spent after the row lock is released, so a refused attempt never holds up the next one.
  if (outcome.burn) await burnVerifyTime(input.password);
  throw new AppError('AUTH_INVALID_CREDENTIALS');
}
