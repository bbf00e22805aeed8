import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { organisations, users } from '../../db/schema/index.ts';
import { endSession, endUserSessions, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import {
  changePasswordBody,
  loginBody,
  sessionResponse,
  updatePreferencesBody,
  type Me,
} from './auth.schemas.ts';
import { login } from './login.ts';
import { countLoginAttempt, countPasswordCheck } from './login-limits.ts';
import { changePassword } from './change-password.ts';
import { isRole, permissionsOf, type Locale, type Role } from '@fayuan/domain';
import { cookieIsSecure } from '../../platform/http/security-headers.ts';

const tags = ['auth'];

export async function loadMe(deps: AppDeps, userId: string): Promise<Me> {
  const [row] = await deps.db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('AUTH_REQUIRED');
  const roles = row.user.roles.filter(isRole) as Role[];
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles,
    permissions: permissionsOf(roles),
    organisation: {
      id: row.organisation.id,
      code: row.organisation.code,
      name: row.organisation.name,
      kind: row.organisation.kind,
      path: row.organisation.path,
    },
    mustChangePassword: row.user.mustChangePassword,
    locale: row.user.locale as Locale,
  };
}

/** The signed-in user as the session lookup already loaded it: no second query. */
function presentMe(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: actor.permissions,
    organisation: actor.organisation,
    mustChangePassword: actor.mustChangePassword,
    locale: actor.locale,
  };
}

export function authRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_DISABLED', 'RATE_LIMITED'],
        },
        schema: {
          tags,
          summary:
            'Log in with username and password (limited per client address and per username: 429 with Retry-After)',
          body: loginBody,
          response: { 200: sessionResponse },
        },
      },
      async (request, reply) => {
        const waitSeconds = await countLoginAttempt(deps, {
          ip: request.ip,
          username: request.body.username,
        });
        if (waitSeconds !== null) {
          reply.header('retry-after', String(waitSeconds));
          throw new AppError('RATE_LIMITED');
        }
        const session = await login(
          deps,
          { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          originOf(request),
        );
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: cookieIsSecure(deps.config, request),
          expires: session.expiresAt,
        });
        return { user: await loadMe(deps, session.userId), csrfToken: session.csrfToken };
      },
    );

    r.get(
      '/me',
      {
        config: { access: 'signed-in', allowPendingPasswordChange: true },
        schema: { tags, summary: 'The signed-in user', response: { 200: sessionResponse } },
      },
      (request) => {
        const actor = actorOf(request);
        return { user: presentMe(actor), csrfToken: actor.csrfToken };
      },
    );

    r.patch(
      '/me',
      {
        config: { access: 'signed-in', allowPendingPasswordChange: true },
        schema: {
          tags,
          summary: 'Save the signed-in user’s preferences (interface language)',
          body: updatePreferencesBody,
          response: { 200: sessionResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db
          .update(users)
          .set({ locale: request.body.locale, updatedAt: deps.clock.now() })
          .where(eq(users.id, actor.userId));
        return { user: await loadMe(deps, actor.userId), csrfToken: actor.csrfToken };
      },
    );

    r.post(
      '/auth/logout',
      {
        config: { access: 'signed-in', allowPendingPasswordChange: true },
        schema: { tags, summary: 'End this session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await endSession(deps.db, actorOf(request).sessionTokenHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/auth/logout-all',
      {
        config: { access: 'signed-in', allowPendingPasswordChange: true },
        schema: { tags, summary: 'End every session of the signed-in user', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await deps.db.transaction(async (tx) => {
          await endUserSessions(tx, actor.userId);
          await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, originOf(request), {
            action: 'auth.logout_all',
            entityType: 'users',
            entityId: actor.userId,
          });
        });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/auth/password',
      {
        config: {
          access: 'signed-in',
          allowPendingPasswordChange: true,
          errors: ['PASSWORD_CURRENT_WRONG', 'PASSWORD_POLICY', 'PASSWORD_REUSED', 'RATE_LIMITED'],
        },
        schema: {
          tags,
          summary:
            'Change the signed-in user’s password (current-password checks limited per account like login: 429 with Retry-After)',
          body: changePasswordBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const waitSeconds = await countPasswordCheck(deps, actor.userId);
        if (waitSeconds !== null) {
          reply.header('retry-after', String(waitSeconds));
          throw new AppError('RATE_LIMITED');
        }
        await changePassword(deps, actor, request.body, originOf(request));
        return reply.code(204).send(null);
      },
    );
  };
}
