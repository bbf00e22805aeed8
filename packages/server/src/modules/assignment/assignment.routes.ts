import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HIGHLIGHT_CODES } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import {
  applicationDetailSchema,
  applicationIdParams,
  provisionalAidBody,
} from '../applications/applications.schemas.ts';
import { detailForRequest } from '../applications/detail-for-request.ts';
import {
  assignHandler,
  candidatesFor,
  changeHandler,
  confirmPlan,
  HANDLER_QUEUES,
  myAssignments,
  planQueue,
  respondToAssignment,
} from './assign.ts';
import { grantProvisionalAid } from './provisional-aid.ts';

const tags = ['assignment'];
const text = (max: number) => z.string().trim().min(1).max(max);

const reasonSchema = z.object({
  code: z.string(),
  blocking: z.boolean(),
  citation: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const highlightSchema = z.object({
  code: z.enum(HIGHLIGHT_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const candidateSchema = z.object({
  handlerId: z.string().uuid(),
  handler: z.object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.string(),
    firmId: z.string().uuid().nullable(),
    organisationId: z.string(),
  }),
  eligible: z.boolean(),
  reasons: z.array(reasonSchema),
  /** What speaks for the handler, in words; empty when not eligible. */
  highlights: z.array(highlightSchema),
  score: z.number().int().nullable(),
  scoreParts: z.object({
    load: z.number(),
    rotation: z.number(),
    specialty: z.number(),
    district: z.number(),
    language: z.number(),
    quality: z.number(),
  }),
});
const planSchema = z.object({
  assignments: z.array(
    z.object({
      caseId: z.string().uuid(),
      handlerId: z.string().uuid(),
      cost: z.number(),
      applicationNumber: z.string(),
      applicantName: z.string(),
      handlerName: z.string(),
      /** Why this pairing, in words (负担最轻 · 擅长… · 同区), among the case's eligible handlers. */
      highlights: z.array(highlightSchema),
    }),
  ),
  unassigned: z.array(
    z.object({
      caseId: z.string().uuid(),
      applicationNumber: z.string(),
      applicantName: z.string(),
      reasons: z.array(reasonSchema),
    }),
  ),
  totalCost: z.number(),
  stats: z.object({
    cases: z.number().int(),
    handlers: z.number().int(),
    eligiblePairs: z.number().int(),
    edges: z.number().int(),
    k: z.number().int().nullable(),
    exact: z.boolean(),
  }),
});

/** Assignment (指派): candidates with reasons, one-click or manual choice, aid in advance, batch plans, the handler's answer, change of handler. */
export function assignmentRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/applications/:id/candidates',
      {
        config: { access: 'application.approve' },
        schema: {
          tags,
          summary:
            'Every handler in the pool for the case: eligible ones by score, each with the reasons (LAL art.26, MPL art.104, 回避)',
          params: applicationIdParams,
          response: {
            200: z.object({ best: candidateSchema.nullable(), candidates: z.array(candidateSchema) }),
          },
        },
      },
      (request) => candidatesFor(deps, actorOf(request), request.params.id),
    );

    r.post(
      '/applications/:id/assignment',
      {
        config: { access: 'application.approve', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'Assign the best candidate (no handlerId) or a chosen one (a reason when not the best); hard rules re-checked',
          params: applicationIdParams,
          body: z.strictObject({ handlerId: z.string().uuid().optional(), reason: text(500).optional() }),
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          const { handlerId, reason } = request.body;
          await assignHandler(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            { handlerId, reason, mode: handlerId ? 'manual' : 'best' },
            originOf(request),
          );
          return detailForRequest(deps, tx, request, request.params.id);
        }),
    );

    r.post(
      '/applications/:id/provisional-aid',
      {
        config: { access: 'application.approve', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'Aid in advance (先行提供, LAL art.44): a registered handler from the candidates, checked by the hard rules and at work at once, and a date for the formalities',
          params: applicationIdParams,
          body: provisionalAidBody,
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await grantProvisionalAid(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          );
          return detailForRequest(deps, tx, request, request.params.id);
        }),
    );

    r.post(
      '/applications/:id/assignment/response',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The assigned handler accepts, or declines with a reason (LAL art.16)',
          params: applicationIdParams,
          body: z.strictObject({ accept: z.boolean(), reason: text(500).optional() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!actor.roles.includes('handler')) throw new AppError('FORBIDDEN');
        await deps.db.transaction((tx) =>
          respondToAssignment(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/my-assignments',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The signed-in handler’s current assignments (pending or accepted), through the login, not the data scope; `queue` narrows them to one of the home page’s queues',
          querystring: z.strictObject({ queue: z.enum(HANDLER_QUEUES).optional() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  assignmentId: z.string().uuid(),
                  applicationId: z.string().uuid(),
                  applicationNumber: z.string(),
                  state: z.string(),
                  clientName: z.string(),
                  matter: z.string(),
                  /** How the case came in; a criminal notice names its matter 通知辩护 / 通知代理. */
                  channel: z.string(),
                  caseType: z.string(),
                  status: z.enum(['pending', 'accepted']),
                  assignedAt: z.string(),
                  respondBy: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!actor.roles.includes('handler')) throw new AppError('FORBIDDEN');
        return { items: await myAssignments(deps.db, actor, request.query.queue, deps.clock.now()) };
      },
    );

    r.post(
      '/applications/:id/assignment/change',
      {
        config: { access: 'application.approve', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Change of handler (更换) with a reason: the case returns to the queue',
          params: applicationIdParams,
          body: z.strictObject({ reason: text(500) }),
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await changeHandler(deps, tx, actorOf(request), request.params.id, request.body, originOf(request));
          return detailForRequest(deps, tx, request, request.params.id);
        }),
    );

    r.post(
      '/assignment-plans',
      {
        config: { access: 'application.approve' },
        schema: {
          tags,
          summary:
            'A batch plan for the cases waiting in scope (global optimiser, hard rules never broken); nothing is assigned',
          body: z.strictObject({ applicationIds: z.array(z.string().uuid()).max(2000).optional() }),
          response: { 200: planSchema },
        },
      },
      (request) => planQueue(deps, actorOf(request), request.body.applicationIds),
    );

    r.post(
      '/assignment-plans/confirm',
      {
        config: {
          access: 'application.approve',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'ASSIGNMENT_PLAN_PAIRING_INELIGIBLE',
            'ASSIGNMENT_PLAN_CASE_REPEATED',
          ],
        },
        schema: {
          tags,
          summary:
            'Confirm a plan, as computed or with pairings swapped by the director: every pairing re-checked by the hard rules and made in one transaction, or none',
          body: z.strictObject({
            assignments: z
              .array(z.strictObject({ applicationId: z.string().uuid(), handlerId: z.string().uuid() }))
              .min(1)
              .max(2000),
          }),
          response: { 200: z.object({ assigned: z.number().int() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => ({
          assigned: (
            await confirmPlan(deps, tx, actorOf(request), request.body.assignments, originOf(request))
          ).length,
        })),
    );
  };
}
