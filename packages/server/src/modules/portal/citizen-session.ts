import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { citizens, citizenSessions } from '../../db/schema/index.ts';
import { newSessionTokens, tokenHash, type SessionPolicy } from '../../platform/auth/sessions.ts';

/** The portal's own cookie: never the staff `fayuan_session` (issue 14). */
export const CITIZEN_COOKIE = 'fayuan_citizen';

/** The signed-in citizen behind a request to `/api/public/v1`. */
export interface CitizenPrincipal {
  citizenId: string;
  /** The phone's lookup hash (the same keyed hash as on person records). */
  phoneHash: Buffer;
  csrfToken: string;
  sessionTokenHash: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `'none'`: open to anyone on the citizens' door; default: a signed-in citizen. */
    citizen?: 'none' | 'required';
  }
  interface FastifyRequest {
    /** Set by the citizens' door for a signed-in citizen; null elsewhere. */
    citizen: CitizenPrincipal | null;
  }
}

/** The citizen of a route that requires one; the door's guard has already checked the session. */
export function citizenOf(request: { citizen: CitizenPrincipal | null }): CitizenPrincipal {
  if (!request.citizen) throw new Error('citizenOf() on a request without a signed-in citizen');
  return request.citizen;
}

export async function createCitizenSession(
  db: Queryable,
  citizenId: string,
  now: Date,
  policy: SessionPolicy,
  origin: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const { token, csrfToken, expiresAt } = newSessionTokens(now, policy);
  await db.insert(citizenSessions).values({
    tokenHash: tokenHash(token),
    citizenId,
    csrfToken,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export type CitizenLookup =
  { kind: 'none' } | { kind: 'expired' } | { kind: 'active'; citizen: CitizenPrincipal };

/** A portal session ends at its absolute expiry or after `idleMinutes` without use. */
export async function findCitizenSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<CitizenLookup> {
  const hashed = tokenHash(token);
  const [row] = await db
    .select({
      citizenId: citizenSessions.citizenId,
      csrfToken: citizenSessions.csrfToken,
      lastSeenAt: citizenSessions.lastSeenAt,
      expiresAt: citizenSessions.expiresAt,
      phoneHash: citizens.phoneHash,
    })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(eq(citizenSessions.tokenHash, hashed));
  if (!row || !row.phoneHash) return { kind: 'none' };
  if (now >= row.expiresAt || now.getTime() >= row.lastSeenAt.getTime() + policy.idleMinutes * 60_000) {
    await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, hashed));
    return { kind: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.update(citizenSessions).set({ lastSeenAt: now }).where(eq(citizenSessions.tokenHash, hashed));
  return {
    kind: 'active',
    citizen: {
      citizenId: row.citizenId,
      phoneHash: row.phoneHash,
      csrfToken: row.csrfToken,
      sessionTokenHash: hashed,
    },
  };
}

export async function endCitizenSession(db: Queryable, hashed: string): Promise<void> {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, hashed));
}
