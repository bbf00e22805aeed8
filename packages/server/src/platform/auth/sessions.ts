import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import {
  isRole,
  permissionsOf,
  type OrganisationId,
  type Role,
  type UserId,
  type Locale,
} from '@fayuan/domain';
import type { Db, Queryable } from '../../db/client.ts';
import { organisations, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { scopeFor } from '../scope/data-scope.ts';

export const SESSION_COOKIE = 'fayuan_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session's cookie token, CSRF token and absolute expiry (staff and portal sessions alike). */
export function newSessionTokens(now: Date, policy: SessionPolicy) {
  return {
    token: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
  };
}

export async function createSession(
  db: Queryable,
  userId: UserId,
  now: Date,
  policy: SessionPolicy,
  origin: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const { token, csrfToken, expiresAt } = newSessionTokens(now, policy);
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    csrfToken,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The session lookup runs on every signed-in request, so it is one prepared statement: the SQL is
 * built once per pool and PostgreSQL plans it once per connection.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

function prepareSessionQuery(db: Db) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      locale: users.locale,
      organisationId: organisations.id,
      organisationPath: organisations.path,
      organisationCode: organisations.code,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('fayuan_session_lookup');
}

function sessionQuery(db: Db) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    prepared.set(db, query);
  }
  return query;
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'active'; actor: Actor };

/**
 * Resolves a cookie token to the signed-in actor. A session ends at its absolute expiry, after
 * `idleMinutes` without use, or when the user is disabled.
 */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionLookup> {
  const hashed = tokenHash(token);
  const [row] = await sessionQuery(db).execute({ tokenHash: hashed });
  if (!row) return { kind: 'none' };
  const idleDeadline = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (row.status !== 'active' || now >= row.expiresAt || now.getTime() >= idleDeadline) {
    await db.delete(sessions).where(eq(sessions.tokenHash, hashed));
    return { kind: 'expired' };
  }
  // Touch at most once a minute: keeps idle expiry honest without a write on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hashed));
  const roles = row.roles.filter(isRole) as Role[];
  return {
    kind: 'active',
    actor: {
      userId: row.userId as UserId,
      username: row.username,
      displayName: row.displayName,
      roles,
      permissions: permissionsOf(roles),
      organisationId: row.organisationId as OrganisationId,
      organisationPath: row.organisationPath,
      organisation: {
        id: row.organisationId,
        code: row.organisationCode,
        name: row.organisationName,
        kind: row.organisationKind,
        path: row.organisationPath,
      },
      scope: scopeFor(roles, row.organisationPath),
      mustChangePassword: row.mustChangePassword,
      sessionTokenHash: hashed,
      csrfToken: row.csrfToken,
      locale: row.locale as Locale,
    },
  };
}

export async function endSession(db: Queryable, hashed: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashed));
}

/** Ends every session of a user, or every one but the session in use. */
export async function endUserSessions(db: Queryable, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      except ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, except)) : eq(sessions.userId, userId),
    );
}

/** Removes sessions past their absolute or idle expiry; returns how many. */
export async function purgeExpiredSessions(db: Queryable, now: Date, policy: SessionPolicy): Promise<number> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
