import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { created, idParams, versioned } from '../funding.schemas.ts';
import { createBudgetLine, updateBudgetLine } from './budget-lines.ts';
import { budgetLineDetail, budgetLinesInScope } from './budget-views.ts';
import { createLineBody, lineDetail, lineItem, listQuery, updateLineBody } from './budgets.schemas.ts';

const tags = ['funding'];

/** Budget lines (预算, LAL art.4): per year and centre, with what is spent and committed on each. */
export function budgetRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/funding/budget-lines',
      {
        config: { access: 'funding.read' },
        schema: {
          tags,
          summary:
            'The budget lines of the caller’s centres (one year or all), each allocated, committed, spent and remaining',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(lineItem) }) },
        },
      },
      async (request) => ({
        items: await budgetLinesInScope(deps.db, actorOf(request).scope, request.query.year),
      }),
    );

    r.post(
      '/funding/budget-lines',
      {
        config: { access: 'funding.manage', errors: [...IDEMPOTENCY_ERRORS] },
        schema: {
          tags,
          summary:
            'Open a budget line for the caller’s centre: year, source, purpose, amount in fen, alert threshold',
          body: createLineBody,
          response: { 201: created },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createBudgetLine(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/funding/budget-lines/:id',
      {
        config: { access: 'funding.read', errors: ['BUDGET_LINE_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One budget line: how it stands, its burn-down by month, its commitments and spending',
          params: idParams,
          response: { 200: lineDetail },
        },
      },
      (request) => budgetLineDetail(deps.db, actorOf(request).scope, request.params.id),
    );

    r.patch(
      '/funding/budget-lines/:id',
      {
        config: {
          access: 'funding.manage',
          errors: ['BUDGET_LINE_NOT_FOUND', 'BUDGET_LINE_STALE', 'BUDGET_LINE_BELOW_SPENT'],
        },
        schema: {
          tags,
          summary: 'Change a line’s name, allocation (never below what was spent), threshold or reference',
          params: idParams,
          body: updateLineBody,
          response: { 200: versioned },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          updateBudgetLine(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );
  };
}
