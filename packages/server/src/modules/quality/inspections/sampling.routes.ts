import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LocalDate } from '@fayuan/domain';
import type { AppDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { createSamplingPlan, drawPlan } from './sampling.ts';
import { planDetail, plansInScope } from './inspection-views.ts';
import {
  drawBody,
  idParams,
  samplingPlanBody,
  samplingPlanDetailResponse,
  samplingPlanListResponse,
} from './inspections.schemas.ts';

const tags = ['quality'];

/**
 * Random sampling (抽查, issue 15): plans per centre and period, each drawn once from a recorded
 * seed (quality/sampling.ts) into a frozen list. Scoped by organisation; `quality.sample`.
 */
export function samplingRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/quality/sampling-plans',
      {
        config: { access: 'quality.sample' },
        schema: {
          tags,
          summary: 'Sampling plans of the caller’s centres, newest first, with the draw when made',
          response: { 200: samplingPlanListResponse },
        },
      },
      (request) => plansInScope(deps, actorOf(request).scope),
    );

    r.post(
      '/quality/sampling-plans',
      {
        config: {
          access: 'quality.sample',
          errors: [...IDEMPOTENCY_ERRORS, 'SAMPLING_PLAN_INVALID', 'NOT_FOUND'],
        },
        schema: {
          tags,
          summary:
            'Plan a random sample of a centre’s cases closed in a period: share per stratum (per-mille), minimum, cap',
          body: samplingPlanBody,
          response: { 201: z.object({ id: z.string().uuid() }) },
        },
      },
      (request, reply) => {
        const b = request.body;
        return createIdempotently(deps, request, reply, 201, (tx) =>
          createSamplingPlan(
            deps,
            tx,
            actorOf(request),
            {
              ...b,
              closedFrom: b.closedFrom as LocalDate,
              closedTo: b.closedTo as LocalDate,
            },
            originOf(request),
          ),
        );
      },
    );

    r.get(
      '/quality/sampling-plans/:id',
      {
        config: { access: 'quality.sample', errors: ['SAMPLING_PLAN_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'One plan: the seed, method, population and strata of its draw, and the drawn list in order',
          params: idParams,
          response: { 200: samplingPlanDetailResponse },
        },
      },
      async (request) => {
        const detail = await planDetail(deps, actorOf(request).scope, request.params.id);
        if (!detail) throw new AppError('SAMPLING_PLAN_NOT_FOUND');
        return detail;
      },
    );

    r.post(
      '/quality/sampling-plans/:id/draw',
      {
        config: {
          access: 'quality.sample',
          errors: [...IDEMPOTENCY_ERRORS, 'SAMPLING_PLAN_NOT_FOUND', 'SAMPLING_ALREADY_DRAWN'],
        },
        schema: {
          tags,
          summary:
            'Draw the plan’s sample once, from the given seed or a random one; the list is frozen and the draw audited',
          params: idParams,
          body: drawBody,
          response: { 200: samplingPlanDetailResponse },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await createIdempotently(deps, request, reply, 200, (tx) =>
          drawPlan(deps, tx, actor, request.params.id, request.body.seed, originOf(request)).then(() => ({
            id: request.params.id,
          })),
        );
        const detail = await planDetail(deps, actor.scope, request.params.id);
        if (!detail) throw new AppError('SAMPLING_PLAN_NOT_FOUND');
        return detail;
      },
    );
  };
}
