import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { subsidyCalculations } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { applicationIdParams as params } from '../applications/applications.schemas.ts';
import { scopedCase, readableCase } from '../casework/case-access.ts';
import { recordSubsidyPayment } from './record-subsidy-payment.ts';
import { subsidyPaymentsOf } from './subsidies.repository.ts';
import {
  approveBody,
  calculationListQuery,
  calculationPage,
  calculationSchema,
  mySubsidySchema,
  paymentBody,
  paymentSchema,
  reviewFactsBody,
  secondApprovalBody,
  versionBody,
} from './subsidies.schemas.ts';
import { approveCalculation, reopenCalculation, reviewFacts, secondApproval } from './subsidy-review.ts';
import {
  calculationById,
  calculationViews,
  listCalculations,
  subsidiesOfHandlerUser,
} from './subsidy-views.ts';

export const tags = ['subsidies'];
export const idParams = z.strictObject({ id: z.string().uuid() });
const CALC_ERRORS = [
  ...IDEMPOTENCY_ERRORS,
  'SUBSIDY_CALCULATION_NOT_FOUND',
  'SUBSIDY_CALCULATION_STALE',
  'SUBSIDY_STEP_NOT_OPEN',
] as const;
/** Second approval is for a second person of finance, or the director. */
export function mayApproveSecond(request: FastifyRequest): void {
  const actor = actorOf(request);
  if (!actor.permissions.includes('subsidy.pay') && !actor.permissions.includes('subsidy.approve'))
    throw new AppError('FORBIDDEN');
}

/**
 * Subsidies (办案补贴, LAL art.52; BJR art.32): the calculation made at the accepted closing, its
 * review and approval (a second person above the policy's amount), the handler's own subsidies,
 * and the hand-recorded payment kept for what is paid outside a batch. Batches, payee accounts
 * and the bank file are in subsidy-batches.routes.ts.
 */
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
        config: {
          access: 'subsidy.pay',
          errors: [...IDEMPOTENCY_ERRORS, 'SUBSIDY_IN_BATCH'],
        },
        schema: {
          tags,
          summary:
            'Finance records by hand a subsidy paid outside a batch (a voucher): refused once the subsidy is approved into batches',
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

    r.get(
      '/applications/:id/subsidy-calculation',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The case’s subsidy calculation, each line with its rule row and evidence; null before the closing is accepted (staff in scope and the case’s handler)',
          params,
          response: { 200: calculationSchema.nullable() },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { app: kase } = await readableCase(deps.db, actor, request.params.id);
        const [view] = await calculationViews(deps.db, eq(subsidyCalculations.applicationId, kase.id));
        return view ?? null;
      },
    );

    r.get(
      '/subsidy-calculations',
      {
        config: { access: 'subsidy.read' },
        schema: {
          tags,
          summary: 'Subsidy calculations in scope, newest first, by status',
          querystring: calculationListQuery,
          response: { 200: calculationPage },
        },
      },
      (request) => listCalculations(deps.db, actorOf(request), request.query),
    );

    r.get(
      '/subsidy-calculations/:id',
      {
        config: { access: 'subsidy.read', errors: ['SUBSIDY_CALCULATION_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One subsidy calculation',
          params: idParams,
          response: { 200: calculationSchema },
        },
      },
      (request) => calculationById(deps.db, actorOf(request), request.params.id),
    );

    const step = (
      path: string,
      summary: string,
      body: z.ZodType,
      access: 'subsidy.pay' | 'signed-in',
      run: (
        request: FastifyRequest,
        tx: Parameters<Parameters<typeof createIdempotently>[4]>[0],
      ) => Promise<void>,
      errors: readonly string[] = [],
    ) =>
      r.post(
        `/subsidy-calculations/:id/${path}`,
        {
          config: { access, errors: [...CALC_ERRORS, ...errors] as never },
          schema: { tags, summary, params: idParams, body, response: { 200: calculationSchema } },
        },
        (request, reply) =>
          createIdempotently(deps, request, reply, 200, async (tx) => {
            await run(request, tx);
            return calculationById(tx, actorOf(request), (request.params as { id: string }).id);
          }),
      );

    step(
      'review-facts',
      'Finance states what the record does not carry and the costs claimed; the subsidy is recalculated (also after the centre set a figure)',
      reviewFactsBody,
      'subsidy.pay',
      (request, tx) =>
        reviewFacts(
          deps,
          tx,
          actorOf(request),
          (request.params as { id: string }).id,
          request.body as z.infer<typeof reviewFactsBody>,
          originOf(request),
        ),
      ['SUBSIDY_POLICY_MISSING'],
    );
    step(
      'approve',
      'Finance approves the subsidy of an evaluated case, with an adjustment and its reason; above the policy’s amount it waits for a second person',
      approveBody,
      'subsidy.pay',
      (request, tx) =>
        approveCalculation(
          deps,
          tx,
          actorOf(request),
          (request.params as { id: string }).id,
          request.body as z.infer<typeof approveBody>,
          originOf(request),
        ),
      [
        'SUBSIDY_CASE_NOT_EVALUATED',
        'SUBSIDY_RATE_NOT_SET',
        'SUBSIDY_ADJUSTMENT_REASON_REQUIRED',
        'SUBSIDY_TOTAL_NOT_POSITIVE',
        'SUBSIDY_POLICY_MISSING',
      ],
    );
    step(
      'second-approval',
      'A second person (finance or the director, not the reviewer) approves a large adjustment or sends it back',
      secondApprovalBody,
      'signed-in',
      (request, tx) => {
        mayApproveSecond(request);
        return secondApproval(
          deps,
          tx,
          actorOf(request),
          (request.params as { id: string }).id,
          request.body as z.infer<typeof secondApprovalBody>,
          originOf(request),
        );
      },
      ['SUBSIDY_SECOND_APPROVER_SAME', 'FORBIDDEN'],
    );
    step(
      'reopen',
      'An approved subsidy not yet in a batch goes back to review',
      versionBody,
      'subsidy.pay',
      (request, tx) =>
        reopenCalculation(
          deps,
          tx,
          actorOf(request),
          (request.params as { id: string }).id,
          (request.body as { version: number }).version,
          originOf(request),
        ),
    );

    r.get(
      '/handlers/me/subsidies',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The signed-in handler’s subsidies: amount, where each stands (核算中, 已核定, 发放中, 已支付), batch and date paid',
          response: { 200: z.array(mySubsidySchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!actor.roles.includes('handler')) return [];
        return subsidiesOfHandlerUser(deps.db, actor.userId);
      },
    );
  };
}
