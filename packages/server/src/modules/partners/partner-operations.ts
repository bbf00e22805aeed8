import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { criminalPartnerRoutes } from '../criminal/criminal.partner-routes.ts';
import { dutyPartnerRoutes } from '../duty/duty.partner-routes.ts';
import { eventsPartnerRoutes } from '../partner-events/events.partner-routes.ts';
import { opinionsPartnerRoutes } from '../quality/opinions/opinions.partner-routes.ts';
import { whoamiPartnerRoutes } from './whoami.routes.ts';

/** A partner route plugin: written like a staff route module, paths relative to `/api/partner/v1`. */
export type PartnerRoutePlugin = (deps: AppDeps) => FastifyPluginAsyncZod;

/**
 * Every route plugin of the partner door (`/api/partner/v1`), in one list: each branch of the
 * partner API exports its plugin and it is added here. Each route declares
 * `config.partnerOperation`; the door's signature check has run before it.
 */
export const PARTNER_ROUTE_PLUGINS: Array<(deps: AppDeps) => FastifyPluginAsyncZod> = [
  whoamiPartnerRoutes,
  criminalPartnerRoutes,
  dutyPartnerRoutes,
  eventsPartnerRoutes,
  opinionsPartnerRoutes,
];
