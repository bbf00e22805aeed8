import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { created, idParams, versioned } from '../funding.schemas.ts';
import { createContract, recordContractPayment, recordHotlineHours, updateContract } from './contracts.ts';
import { contractDetail, contractsInScope, firmsToContract } from './contract-views.ts';
import {
  contractDetailSchema,
  contractItem,
  createContractBody,
  hoursBody,
  paymentBody,
  updateContractBody,
} from './contracts.schemas.ts';

const tags = ['funding'];

/**
 * Government purchase of legal services (政府购买法律服务, LAL art.15): contracts, what was delivered
 * counted from the records, payments against each.
 */
export function contractRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/funding/contracts',
      {
        config: { access: 'funding.read' },
        schema: {
          tags,
          summary:
            'The purchase-of-service contracts of the caller’s centres, newest first, with what was paid',
          response: { 200: z.object({ items: z.array(contractItem) }) },
        },
      },
      async (request) => ({ items: await contractsInScope(deps.db, actorOf(request).scope) }),
    );

    r.get(
      '/funding/law-firms',
      {
        config: { access: 'funding.manage' },
        schema: {
          tags,
          summary: 'The active law firms of the registry a contract can be signed with',
          response: {
            200: z.object({ items: z.array(z.object({ id: z.string().uuid(), name: z.string() })) }),
          },
        },
      },
      async () => ({ items: await firmsToContract(deps.db) }),
    );

    r.post(
      '/funding/contracts',
      {
        config: {
          access: 'funding.manage',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'CONTRACT_PROVIDER_INVALID',
            'CONTRACT_PERIOD_INVALID',
            'BUDGET_LINE_UNUSABLE',
          ],
        },
        schema: {
          tags,
          summary:
            'Record a contract with a law firm or a social organisation: period, amount (committed on its budget line), services due',
          body: createContractBody,
          response: { 201: created },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createContract(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/funding/contracts/:id',
      {
        config: { access: 'funding.read', errors: ['CONTRACT_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'One contract: services due and delivered (counted from the records), payments, hand-entered hotline hours',
          params: idParams,
          response: { 200: contractDetailSchema },
        },
      },
      (request) => contractDetail(deps.db, actorOf(request).scope, request.params.id),
    );

    r.patch(
      '/funding/contracts/:id',
      {
        config: {
          access: 'funding.manage',
          errors: [
            'CONTRACT_NOT_FOUND',
            'CONTRACT_STALE',
            'CONTRACT_PERIOD_INVALID',
            'CONTRACT_AMOUNT_BELOW_PAID',
          ],
        },
        schema: {
          tags,
          summary: 'Change a contract’s number, end date, amount (never below what was paid) or services due',
          params: idParams,
          body: updateContractBody,
          response: { 200: versioned },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          updateContract(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.post(
      '/funding/contracts/:id/payments',
      {
        config: {
          access: 'funding.manage',
          errors: [...IDEMPOTENCY_ERRORS, 'CONTRACT_NOT_FOUND', 'CONTRACT_OVERPAID'],
        },
        schema: {
          tags,
          summary:
            'Record a payment against a contract, spent from its budget line; payments never add up to more than the contract',
          params: idParams,
          body: paymentBody,
          response: { 201: z.object({ id: z.string().uuid(), leftFen: z.number().int() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordContractPayment(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          ),
        ),
    );

    r.post(
      '/funding/contracts/:id/hotline-hours',
      {
        config: {
          access: 'funding.manage',
          errors: [...IDEMPOTENCY_ERRORS, 'CONTRACT_NOT_FOUND', 'CONTRACT_DATE_OUTSIDE_PERIOD'],
        },
        schema: {
          tags,
          summary:
            'Record hotline hours the records do not hold (a social organisation’s shifts, calls logged without a duration)',
          params: idParams,
          body: hoursBody,
          response: { 201: created },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordHotlineHours(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );
  };
}
