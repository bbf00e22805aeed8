import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGAN_OPINION_STATUSES } from '@fayuan/domain';
import type { AppDeps } from '../../../platform/context.ts';
import { originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { partnerOf } from '../../partners/partner-actor.ts';
import { recordPartnerAnswer } from './organ-opinions.ts';
import { answerBody, idParams } from './organ-opinions.schemas.ts';

/**
 * `POST /opinions/{id}/answer`: an organ answers the request for its opinion it received as the
 * event `opinion_requested`. Only a request addressed to the signing partner can be answered (any
 * other is 404); the same answer again is accepted unchanged, so a retry is safe even without an
 * Idempotency-Key.
 */
export function opinionsPartnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/opinions/:id/answer',
      {
        // Any partner: what it may answer is what was addressed to it.
        config: {
          partnerOperation: 'any',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'ORGAN_OPINION_NOT_FOUND',
            'ORGAN_OPINION_STEP_NOT_OPEN',
            'ORGAN_OPINION_ALREADY_ANSWERED',
            'ORGAN_OPINION_ANSWER_INVALID',
          ],
        },
        schema: {
          tags: ['Partner API'],
          summary:
            'Answer a request for your opinion of a case’s legal aid (event opinion_requested): a rating 1–5 per item',
          params: idParams,
          body: answerBody,
          response: {
            200: z.object({ id: z.string().uuid(), status: z.enum(ORGAN_OPINION_STATUSES) }),
          },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          recordPartnerAnswer(
            deps,
            tx,
            partnerOf(request),
            request.params.id,
            request.body,
            originOf(request),
          ),
        ),
    );
  };
}
