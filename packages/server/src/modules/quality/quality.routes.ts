import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { beijingDateOf, recordsSatisfaction, SATISFACTION_LEVELS, scoreBand } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { decidingCentre, jurisdictionOf } from '../applications/application-rules.ts';
import { applicationIdParams as params } from '../applications/applications.schemas.ts';
import { scopedCase } from '../casework/case-access.ts';
import { evaluationOf, evaluationRulesInForce } from './quality.repository.ts';
import { evaluationBody, evaluationSchema, qualityReferenceSchema } from './quality.schemas.ts';
import { recordEvaluation } from './record-evaluation.ts';

const tags = ['quality'];

/**
 * Quality (质量监管): the evaluation of a closed case (LAL art.57, art.59; [OPN] (六)). Centre
 * deciders and the justice bureau evaluate (`quality.evaluate`); whoever reads the file sees it.
 */
export function qualityRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/quality/reference',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'Evaluation methods and grades (with score bands) in force today, and satisfaction levels',
          response: { 200: qualityReferenceSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const centre = await decidingCentre(deps.db, actor.organisationId).catch(() => actor.organisationId);
        const rules = await evaluationRulesInForce(
          deps.db,
          await jurisdictionOf(deps.db, centre),
          beijingDateOf(deps.clock.now()),
        );
        const ref = (i: (typeof rules.methods)[number]) => ({
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          citation: i.citation,
          ruleId: i.id,
        });
        return {
          methods: rules.methods.map((m) => ({ ...ref(m), recordsSatisfaction: recordsSatisfaction(m) })),
          grades: rules.grades.map((g) => ({
            ...ref(g),
            minScore: scoreBand(g)?.minScore ?? 0,
            maxScore: scoreBand(g)?.maxScore ?? 0,
          })),
          satisfactionLevels: [...SATISFACTION_LEVELS],
        };
      },
    );

    r.get(
      '/applications/:id/evaluation',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'The quality evaluation of the case with the rule versions used, or null before one',
          params,
          response: { 200: evaluationSchema.nullable() },
        },
      },
      async (request) => {
        await scopedCase(deps.db, actorOf(request), request.params.id);
        return evaluationOf(deps.db, request.params.id);
      },
    );

    r.post(
      '/applications/:id/evaluation',
      {
        config: { access: 'quality.evaluate', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'Evaluate a closed case: methods, grade and score within its band, the recipient’s satisfaction after a visit, findings',
          params,
          body: evaluationBody,
          response: { 201: evaluationSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          await recordEvaluation(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          );
          const recorded = await evaluationOf(tx, request.params.id);
          if (!recorded) throw new AppError('NOT_FOUND');
          return recorded;
        }),
    );
  };
}
