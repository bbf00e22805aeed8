import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { partnerOf } from '../partners/partner-actor.ts';
import { eventsAfter } from './partner-events.repository.ts';
import { eventsPage, eventsQuery } from './partner-events.schemas.ts';

/**
 * `GET /events?after=<cursor>`: the pull side of the callbacks, for partners without a callback URL
 * (and for any partner catching up): its own events, oldest first, `nextCursor` to pass next time.
 */
export function eventsPartnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/events',
      {
        config: { partnerOperation: 'any' },
        schema: {
          tags: ['Partner API'],
          summary:
            'Events of the cases this partner sent (handler assigned or changed, closed, terminated), after a cursor',
          querystring: eventsQuery,
          response: { 200: eventsPage },
        },
      },
      (request) =>
        eventsAfter(deps.db, partnerOf(request).partnerId, request.query.after, request.query.limit),
    );
  };
}
