import { and, arrayContains, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { handlers, organisations, users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { createUser } from '../users/create-user.ts';
import { uniqueError } from './create-handler.ts';
import { findHandler, presentHandlerDetail } from './handlers.repository.ts';

/**
 * A lawyer's login (登录账号) is a user with the handler role whose id the handler record holds
 * (`handlers.user_id`, unique): 我的案件 finds the handler through it. One login per handler, one
 * handler per login. Linking is an edit of the handler record, audited there as `handler.link_login`
 * or `handler.unlink_login`, whichever side (lawyer page or account page) asked for it.
 */

const LINK_OPTIONS_LIMIT = 20;

const escapeLike = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Links `userId` to the handler; linking the login already linked is a no-op. */
export async function linkLogin(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  handlerId: string,
  userId: string,
  origin: RequestOrigin,
) {
  const current = await findHandler(tx, actor.scope, handlerId, true);
  if (!current) throw new AppError('NOT_FOUND');
  const h = current.handler;
  const today = beijingDateOf(deps.clock.now());
  if (h.userId === userId) return presentHandlerDetail(tx, current, deps.cipher, today);
  if (h.userId !== null) throw new AppError('HANDLER_LOGIN_EXISTS');
  const [user] = await tx
    .select({ roles: users.roles })
    .from(users)
    .where(and(eq(users.id, userId), ownerInScope(actor.scope, users.organisationId)))
    .for('update');
  if (!user || !user.roles.includes('handler'))
    throw new AppError('HANDLER_USER_INVALID', { field: 'userId' });
  const [other] = await tx.select({ id: handlers.id }).from(handlers).where(eq(handlers.userId, userId));
  if (other) throw new AppError('HANDLER_USER_TAKEN', { field: 'userId' });
  const now = deps.clock.now();
  try {
    await tx
      .update(handlers)
      .set({ userId, version: h.version + 1, updatedAt: now })
      .where(eq(handlers.id, h.id));
  } catch (error) {
    throw uniqueError(error) ?? error;
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'handler.link_login',
    entityType: 'handlers',
    entityId: h.id,
    changes: {
      userId: { before: null, after: userId },
      version: { before: h.version, after: h.version + 1 },
    },
  });
  const updated = await findHandler(tx, actor.scope, h.id);
  if (!updated) throw new AppError('NOT_FOUND');
  return presentHandlerDetail(tx, updated, deps.cipher, today);
}

/**
 * Opens a login for the handler in one step: an account with the handler role only, in the
 * handler's organisation, named after the handler, under the password policy (changed at first
 * login), and links it. Whoever manages handlers may do this; no other role can be granted here.
 */
export async function createLogin(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  handlerId: string,
  input: { username: string; password: string },
  origin: RequestOrigin,
) {
  const current = await findHandler(tx, actor.scope, handlerId, true);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.handler.userId !== null) throw new AppError('HANDLER_LOGIN_EXISTS');
  const user = await createUser(
    deps,
    tx,
    actor,
    {
      username: input.username,
      password: input.password,
      displayName: current.handler.name,
      organisationId: current.handler.organisationId,
      roles: ['handler'],
    },
    origin,
  );
  return linkLogin(deps, tx, actor, handlerId, user.id, origin);
}

/** Unlinks the handler's login (the account stays, and can be linked again); no login is a no-op. */
export async function unlinkLogin(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  handlerId: string,
  origin: RequestOrigin,
): Promise<void> {
  const current = await findHandler(tx, actor.scope, handlerId, true);
  if (!current) throw new AppError('NOT_FOUND');
  const h = current.handler;
  if (h.userId === null) return;
  const now = deps.clock.now();
  await tx
    .update(handlers)
    .set({ userId: null, version: h.version + 1, updatedAt: now })
    .where(eq(handlers.id, h.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'handler.unlink_login',
    entityType: 'handlers',
    entityId: h.id,
    changes: {
      userId: { before: h.userId, after: null },
      version: { before: h.version, after: h.version + 1 },
    },
  });
}

/** The handler linked to a login in scope, for the account page's unlink. */
export async function handlerIdOfUser(db: Queryable, scope: DataScope, userId: string) {
  const [row] = await db
    .select({ id: handlers.id })
    .from(handlers)
    .innerJoin(users, eq(users.id, handlers.userId))
    .where(and(eq(handlers.userId, userId), ownerInScope(scope, users.organisationId)));
  return row?.id;
}

/** Active handler-role accounts in scope linked to no handler: the lawyer page's picker. */
export async function unlinkedLogins(db: Queryable, scope: DataScope, q: string | undefined) {
  const conditions: (SQL | undefined)[] = [
    ownerInScope(scope, users.organisationId),
    arrayContains(users.roles, ['handler']),
    eq(users.status, 'active'),
    isNull(handlers.id),
  ];
  if (q) conditions.push(or(ilike(users.username, escapeLike(q)), ilike(users.displayName, escapeLike(q))));
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(handlers, eq(handlers.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(LINK_OPTIONS_LIMIT);
}

/** Handlers in scope with no login: the account page's picker. */
export async function handlersWithoutLogin(db: Queryable, scope: DataScope, q: string | undefined) {
  const conditions: (SQL | undefined)[] = [
    ownerInScope(scope, handlers.organisationId),
    isNull(handlers.userId),
  ];
  if (q) {
    const latin = q.toLowerCase().replace(/[\s'’]/g, '');
    conditions.push(
      or(
        ilike(handlers.name, escapeLike(q)),
        ...(/^[a-z]+$/.test(latin)
          ? [
              sql`${handlers.namePinyin} LIKE ${`${latin}%`}`,
              sql`${handlers.nameInitials} LIKE ${`${latin}%`}`,
            ]
          : []),
      ),
    );
  }
  return db
    .select({
      id: handlers.id,
      name: handlers.name,
      kind: handlers.kind,
      organisationName: organisations.name,
    })
    .from(handlers)
    .innerJoin(organisations, eq(organisations.id, handlers.organisationId))
    .where(and(...conditions))
    .orderBy(asc(handlers.namePinyin), asc(handlers.id))
    .limit(LINK_OPTIONS_LIMIT);
}
