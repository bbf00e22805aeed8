import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { checkPassword } from '@fayuan/domain';
import type { Queryable } from './db/client.ts';
import type { Db } from './db/client.ts';
import { users } from './db/schema/index.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { passwordStrength, strengthFeedback } from './platform/auth/password-strength.ts';
import { recordAudit } from './platform/audit/audit-log.ts';
import type { FieldCipher } from './platform/crypto/field-cipher.ts';

export const CITY_CENTRE_ID = '00000000-0000-4000-8000-000000110000';
export const ADMIN_USERNAME = 'admin';

/**
 * On first start, creates the system administrator at the city centre. Its password is
 * FAYUAN_ADMIN_PASSWORD, or a random one returned to be printed once (and changed at first login).
 */
export async function ensureAdmin(
  db: Db,
  cipher: FieldCipher,
  given: string | undefined,
  now: Date,
  passwordMinScore = 3,
): Promise<{ created: false } | { created: true; generatedPassword: string | null }> {
  if (given) {
    const problems = checkPassword(given, ADMIN_USERNAME);
    if (problems.length > 0)
      throw new Error(
        `FAYUAN_ADMIN_PASSWORD is too weak (${problems.join(', ')}): at least 10 characters with letters and digits`,
      );
    const strength = passwordStrength(given, [ADMIN_USERNAME]);
    if (strength.score < passwordMinScore)
      throw new Error(
        `FAYUAN_ADMIN_PASSWORD is too easy to guess (score ${strength.score} of 4, ${passwordMinScore} required): ${strengthFeedback(strength, 'en-US')}`,
      );
  }
  const exists = async (q: Queryable) =>
    (
      await q
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = ${ADMIN_USERNAME}`)
    ).length > 0;
  if (await exists(db)) return { created: false };
  const password = given ?? `${randomBytes(12).toString('base64url')}9a`;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both create it.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7413003)`);
    if (await exists(tx)) return { created: false as const };
    const id = randomUUID();
    await tx.insert(users).values({
      id,
      username: ADMIN_USERNAME,
      displayName: '系统管理员',
      organisationId: CITY_CENTRE_ID,
      roles: ['system_admin'],
      passwordHash,
      mustChangePassword: given === undefined,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      { cipher, at: now },
      { actor: null, ip: null, requestId: 'bootstrap' },
      {
        action: 'user.create',
        entityType: 'users',
        entityId: id,
        changes: { username: { after: ADMIN_USERNAME }, roles: { after: ['system_admin'] } },
      },
    );
    return { created: true as const, generatedPassword: given === undefined ? password : null };
  });
}
