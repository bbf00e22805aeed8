import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@fayuan/domain';
import { AppError } from '../errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../context.ts';
import { csrfMatches, findSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { sendError } from './error-handler.ts';

/**
 * Route access, declared on each route as `config: { access: ... }`:
 * - `'public'`: anyone (health, login, the public eligibility check);
 * - `'signed-in'`: any signed-in user;
 * - a permission: a signed-in user whose roles grant it.
 * Routes that a user who must change their password may still call set `allowPendingPasswordChange`.
 */
export type Access = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerRequestContext(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  const policy = {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  };

  app.addHook('onRequest', async (request, reply) => {
    // An API route that forgets to declare its access is closed, not open.
    const access =
      request.routeOptions.config.access ?? (request.url.startsWith('/api/v1/') ? 'signed-in' : 'public');
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return sendError(request, reply, 'AUTH_REQUIRED', 401);
    const session = await findSession(deps.db, token, deps.clock.now(), policy);
    if (session.kind !== 'active') {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return sendError(
        request,
        reply,
        session.kind === 'expired' ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED',
        401,
      );
    }
    const actor = session.actor;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(actor.csrfToken, header(request, 'x-csrf-token')))
      return sendError(request, reply, 'CSRF_TOKEN_INVALID', 403);
    if (actor.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange)
      return sendError(request, reply, 'PASSWORD_CHANGE_REQUIRED', 403);
    if (access !== 'signed-in' && !actor.permissions.includes(access))
      return sendError(request, reply, 'FORBIDDEN', 403);
    request.actor = actor;
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The actor of a route whose access is not public; the guard above has already checked it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { actor: request.actor, ip: request.ip ?? null, requestId: request.id };
}
