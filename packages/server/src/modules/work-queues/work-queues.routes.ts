import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { workQueuesOf } from './work-queues.ts';

const CENTRE_KINDS = new Set(['district_centre', 'city_centre']);

/** GET /work-queues: the caller's work as counts, each with the list filter that shows those rows. */
export function workQueueRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/work-queues',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['work'],
          summary:
            'The caller’s work queues for the roles they hold, counted in their data scope; each names the list (worklist or my cases) and the filter that opens exactly those rows',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  key: z.string(),
                  role: z.enum(ROLES),
                  list: z.enum(['worklist', 'my-cases']),
                  filter: z.record(z.string(), z.string()),
                  count: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return {
          items: await workQueuesOf(
            deps.db,
            actor,
            deps.clock.now(),
            CENTRE_KINDS.has(actor.organisation.kind),
          ),
        };
      },
    );
  };
}
