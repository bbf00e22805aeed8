import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  articleListQuery,
  articlePage,
  articleSchema,
  createArticleBody,
  updateArticleBody,
} from './knowledge.schemas.ts';
import { findArticle, listArticles, presentArticle, type ArticleReader } from './knowledge.repository.ts';
import { articleJurisdictions } from './knowledge-rules.ts';
import { createArticle } from './create-article.ts';
import { updateArticle } from './update-article.ts';
import { deleteArticle } from './delete-article.ts';

const tags = ['knowledge'];

function readerOf(request: FastifyRequest): ArticleReader {
  const actor = actorOf(request);
  return { scope: actor.scope, manages: actor.permissions.includes('knowledge.manage') };
}

export function knowledgeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/knowledge/articles',
      {
        config: { access: 'knowledge.read' },
        schema: {
          tags,
          summary:
            'Search the knowledge base (Chinese words and substrings, ranked, with snippets); drafts only for managers',
          querystring: articleListQuery,
          response: { 200: articlePage },
        },
      },
      async (request) => {
        const { jurisdiction, ...query } = request.query;
        const jurisdictions = jurisdiction ? await articleJurisdictions(deps.db, jurisdiction) : undefined;
        const { items, total } = await listArticles(deps.db, readerOf(request), { ...query, jurisdictions });
        return { items, page: query.page, pageSize: query.pageSize, total };
      },
    );

    r.get(
      '/knowledge/articles/:id',
      {
        config: { access: 'knowledge.read' },
        schema: { tags, summary: 'One article', params: idParams, response: { 200: articleSchema } },
      },
      async (request) => {
        const row = await findArticle(deps.db, readerOf(request), request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        return presentArticle(row);
      },
    );

    r.post(
      '/knowledge/articles',
      {
        config: { access: 'knowledge.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Write an article (a draft unless `status` says otherwise); audited',
          body: createArticleBody,
          response: { 201: articleSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createArticle(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/knowledge/articles/:id',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Edit, publish or archive an article, naming the version edited; audited',
          params: idParams,
          body: updateArticleBody,
          response: { 200: articleSchema },
        },
      },
      (request) =>
        updateArticle(
          deps,
          actorOf(request),
          readerOf(request),
          request.params.id,
          request.body,
          originOf(request),
        ),
    );

    r.delete(
      '/knowledge/articles/:id',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags,
          summary: 'Delete a draft never published; audited',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteArticle(deps, readerOf(request), request.params.id, originOf(request));
        return reply.code(204).send(null);
      },
    );
  };
}
