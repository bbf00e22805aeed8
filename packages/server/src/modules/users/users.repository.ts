import { and, arrayContains, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { handlers, organisations, users } from '../../db/schema/index.ts';
import { maskPhone, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy, type PageRequest } from '../../platform/http/pagination.ts';
import type { UserView } from './users.schemas.ts';
import type { Role } from '@fayuan/domain';

type UserRow = typeof users.$inferSelect;
export interface UserWithOrganisation {
  user: UserRow;
  organisationName: string;
  /** The handler record this login belongs to (a lawyer's account), if any. */
  handlerId?: string | null;
  handlerName?: string | null;
}

export function presentUser(
  { user, organisationName, handlerId, handlerName }: UserWithOrganisation,
  cipher: FieldCipher,
): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisationName,
    roles: user.roles as Role[],
    status: user.status,
    phoneMasked: user.phoneSealed ? maskPhone(cipher.open(user.phoneSealed)) : null,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    handler: handlerId && handlerName ? { id: handlerId, name: handlerName } : null,
  };
}

const withOrganisation = {
  user: users,
  organisationName: organisations.name,
  handlerId: handlers.id,
  handlerName: handlers.name,
};

export async function findUser(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<UserWithOrganisation | undefined> {
  const query = db
    .select(withOrganisation)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(handlers, eq(handlers.userId, users.id))
    .where(and(eq(users.id, id), ownerInScope(scope, users.organisationId)));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  return row;
}

export interface UserFilter extends PageRequest {
  q?: string | undefined;
  organisationId?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
  /** true: accounts linked to a handler record; false: accounts linked to none. */
  linked?: boolean | undefined;
}

export async function listUsers(db: Queryable, scope: DataScope, filter: UserFilter) {
  const conditions: SQL[] = [ownerInScope(scope, users.organisationId)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like)) as SQL);
  }
  if (filter.organisationId) conditions.push(eq(users.organisationId, filter.organisationId));
  if (filter.role) conditions.push(arrayContains(users.roles, [filter.role]));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.linked !== undefined) {
    // Qualified by hand: the count query selects from one table, where drizzle drops qualifiers.
    const linked = sql`EXISTS (SELECT 1 FROM ${handlers} h WHERE h.user_id = "users"."id")`;
    conditions.push(filter.linked ? linked : sql`NOT ${linked}`);
  }
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrganisation)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(handlers, eq(handlers.userId, users.id))
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          {
            username: users.username,
            displayName: users.displayName,
            createdAt: users.createdAt,
            lastLoginAt: users.lastLoginAt,
          },
          asc(users.username),
          users.id,
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row !== undefined;
}
