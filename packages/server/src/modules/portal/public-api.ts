import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { csrfMatches } from '../../platform/auth/sessions.ts';
import { sendError } from '../../platform/http/error-handler.ts';
import { CITIZEN_COOKIE, findCitizenSession } from './citizen-session.ts';
import { PUBLIC_ROUTE_PLUGINS } from './public-operations.ts';
import { publicOpenApiOptions } from './public-openapi.ts';

export const PUBLIC_API_PREFIX = '/api/public/v1';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface PublicApiOptions {
  /** Test- or benchmark-only route plugins added to the door. */
  extraRoutes?: Array<(deps: AppDeps) => FastifyPluginAsyncZod> | undefined;
}

/**
 * The citizens' door (architecture.md, "Doors for people outside the centre"): its own plugin at
 * `/api/public/v1` with its own OpenAPI document at `/api/public/docs`. Its guard reads only the
 * portal cookie `fayuan_citizen` — a staff session is nobody here, as a citizen's cookie is nobody
 * on the staff API — and asks the session's CSRF token on every mutation.
 */
export async function registerPublicApi(app: FastifyInstance, deps: AppDeps, options: PublicApiOptions = {}) {
  app.decorateRequest('citizen', null);
  const policy = {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  };
  await app.register(async (door) => {
    await door.register(fastifySwagger, publicOpenApiOptions());
    await door.register(fastifySwaggerUi, {
      routePrefix: '/api/public/docs',
      uiConfig: { docExpansion: 'list' },
    });
    await door.register(
      async (api) => {
        api.addHook('onRequest', async (request, reply) => {
          if (request.is404 || request.routeOptions.config.citizen === 'none') return;
          const token = request.cookies[CITIZEN_COOKIE];
          if (!token) return sendError(request, reply, 'CITIZEN_AUTH_REQUIRED', 401);
          const session = await findCitizenSession(deps.db, token, deps.clock.now(), policy);
          if (session.kind !== 'active') {
            reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
            const code = session.kind === 'expired' ? 'CITIZEN_SESSION_EXPIRED' : 'CITIZEN_AUTH_REQUIRED';
            return sendError(request, reply, code, 401);
          }
          const given = request.headers['x-csrf-token'];
          if (
            !SAFE_METHODS.has(request.method) &&
            !csrfMatches(session.citizen.csrfToken, Array.isArray(given) ? given[0] : given)
          )
            return sendError(request, reply, 'CSRF_TOKEN_INVALID', 403);
          request.citizen = session.citizen;
        });
        api.setNotFoundHandler((request, reply) => sendError(request, reply, 'ROUTE_NOT_FOUND', 404));
        for (const plugin of [...PUBLIC_ROUTE_PLUGINS, ...(options.extraRoutes ?? [])])
          await api.register(plugin(deps));
      },
      { prefix: PUBLIC_API_PREFIX },
    );
  });
}
