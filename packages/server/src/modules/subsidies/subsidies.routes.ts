import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { applicationIdParams as params } from '../applications/applications.schemas.ts';
import { scopedCase } from '../casework/case-access.ts';
import { recordSubsidyPayment } from './record-subsidy-payment.ts';
import { subsidyPaymentsOf } from './subsidies.repository.ts';
import { paymentBody, paymentSchema } from './subsidies.schemas.ts';

const tags = ['subsidies'];

/** Subsidies (办案补贴, LAL art.52; BJR art.32): finance records what was paid on an evaluated case. */
export function subsidyRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/applications/:id/subsidy-payments',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'The subsidies paid on the case: payee, amount in fen, date, payment reference',
          params,
          response: { 200: z.array(paymentSchema) },
        },
      },
      async (request) => {
        await scopedCase(deps.db, actorOf(request), request.params.id);
        return subsidyPaymentsOf(deps.db, request.params.id);
      },
    );

    r.post(
      '/applications/:id/subsidy-payment',
      {
        config: { access: 'subsidy.pay', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'Finance records the subsidy paid on an evaluated case to the handler’s law firm (or the handler)',
          params,
          body: paymentBody,
          response: { 201: paymentSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const id = await recordSubsidyPayment(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          );
          const recorded = (await subsidyPaymentsOf(tx, request.params.id)).find((p) => p.id === id);
          if (!recorded) throw new AppError('NOT_FOUND');
          return recorded;
        }),
    );
  };
}
