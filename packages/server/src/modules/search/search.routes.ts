import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { auditListRead } from '../../platform/audit/audit-read.ts';
import { searchAnswer, searchQuery } from './search.schemas.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { readSearchTerms } from './search-terms.ts';
import { SEARCH_LIMIT, searchEverything } from './search-everything.ts';

export function searchRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/search',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['search'],
          summary:
            'Global search in scope: persons, applications, consultations and handlers the caller may read (audited; the text is never kept)',
          querystring: searchQuery,
          response: { 200: searchAnswer },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!readSearchTerms(request.query.q)) return { items: [] };
        // Words in the language the screen shows (Accept-Language), as error messages are.
        const locale = localeFromHeader(request.headers['accept-language']);
        const items = await searchEverything(
          deps.db,
          deps.cipher,
          { scope: actor.scope, permissions: actor.permissions, locale },
          request.query.q,
        );
        // One row per search naming what was shown; never the text, which may be an ID or phone number.
        await auditListRead(
          deps,
          originOf(request),
          'search',
          items.map((item) => item.id),
          { page: 1, pageSize: SEARCH_LIMIT, total: items.length },
        );
        return { items };
      },
    );
  };
}
