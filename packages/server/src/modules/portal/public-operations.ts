import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { citizenAuthRoutes } from './citizen-auth.routes.ts';
import { portalApplicationRoutes } from './applications/portal-applications.routes.ts';
import { portalEngageRoutes } from './engage/engage.routes.ts';
import { servicePointRoutes } from './info/service-points.routes.ts';

/**
 * The route plugins of the citizens' door, each with paths relative to `/api/public/v1`. A route
 * open to anyone says `config: { citizen: 'none' }`; every other one needs a signed-in citizen.
 */
export const PUBLIC_ROUTE_PLUGINS: Array<(deps: AppDeps) => FastifyPluginAsyncZod> = [
  citizenAuthRoutes,
  portalApplicationRoutes,
  portalEngageRoutes,
  servicePointRoutes,
];
