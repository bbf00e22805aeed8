import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { auditListRead } from '../../platform/audit/audit-read.ts';
import { listInbox } from './inbox.ts';
import { inboxPage, inboxQuery } from './inbox.schemas.ts';

/** The centre's inbox (来件) of notices and forwarded applications, under `/api/v1`. */
export function inboxRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/inbox',
      {
        config: { access: 'application.read' },
        schema: {
          tags: ['applications'],
          summary:
            '来件: criminal notices and forwarded applications in scope, newest first, with their due dates',
          querystring: inboxQuery,
          response: { 200: inboxPage },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { items, total } = await listInbox(deps.db, actor.scope, request.query, deps.clock.now());
        const page = { page: request.query.page, pageSize: request.query.pageSize, total };
        await auditListRead(
          deps,
          originOf(request),
          'applications',
          items.map((item) => item.id),
          page,
        );
        return { items, ...page };
      },
    );
  };
}
