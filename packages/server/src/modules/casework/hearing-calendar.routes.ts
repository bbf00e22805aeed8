import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LocalDate } from '@fayuan/domain';
import { ACTIVITY_STATUSES } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { localDate } from '../../platform/http/date-schemas.ts';
import { hearingCalendar } from './hearing-calendar.ts';

/** The longest range one request may ask for: a calendar shows a month, with its edges. */
const MAX_DAYS = 62;

export function hearingCalendarRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/hearings',
      {
        config: { access: 'signed-in', errors: ['VALIDATION_FAILED'] },
        schema: {
          tags: ['work'],
          summary:
            'The hearing calendar between two Beijing dates (at most 62 days): the handler’s own (`mine=true`) or the centre’s in the caller’s scope; hearings and every scheduled activity',
          querystring: z.strictObject({
            from: localDate,
            to: localDate,
            mine: z.enum(['true', 'false']).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string().uuid(),
                  applicationId: z.string().uuid(),
                  applicationNumber: z.string(),
                  kind: z.string(),
                  at: z.string(),
                  place: z.string().nullable(),
                  status: z.enum(ACTIVITY_STATUSES),
                  handlerName: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { from, to } = request.query;
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        if (days < 0 || days > MAX_DAYS) throw new AppError('VALIDATION_FAILED', { field: 'to' });
        const mine = request.query.mine === 'true';
        if (mine ? !actor.roles.includes('handler') : !actor.permissions.includes('application.read'))
          throw new AppError('FORBIDDEN');
        const range = { from: from as LocalDate, to: to as LocalDate };
        return { items: await hearingCalendar(deps.db, actor, range, mine) };
      },
    );
  };
}
