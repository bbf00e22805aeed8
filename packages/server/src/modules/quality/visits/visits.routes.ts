import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VISIT_METHODS, VISIT_STATUSES } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { localDate } from '../../../platform/http/date-schemas.ts';
import {
  closeReview,
  planVisits,
  recordVisit,
  reviewsInScope,
  sendSurvey,
  visitDetail,
  visitsInScope,
} from './visits.ts';

const tags = ['quality'];
const idParams = z.strictObject({ id: z.string().uuid() });
const text = (max: number) => z.string().trim().min(1).max(max);

const planBody = z.strictObject({
  closedFrom: localDate,
  closedTo: localDate,
  perMille: z.number().int().min(1).max(1000),
  afterDays: z.number().int().min(0).max(365),
  method: z.enum(VISIT_METHODS),
  seed: z.string().trim().min(1).max(100).optional(),
});
const visitItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  handlerName: z.string().nullable(),
  method: z.enum(VISIT_METHODS),
  status: z.enum(VISIT_STATUSES),
  dueOn: z.string(),
  satisfaction: z.number().int().nullable(),
  visitedAt: z.string().nullable(),
});
const visitDetailSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  handlerName: z.string().nullable(),
  method: z.enum(VISIT_METHODS),
  status: z.enum(VISIT_STATUSES),
  dueOn: z.string(),
  recipient: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  script: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      answer: z.enum(['yes_no', 'text']),
      citation: z.string(),
    }),
  ),
  answers: z.record(z.string(), z.string()).nullable(),
  satisfaction: z.number().int().nullable(),
  comment: z.string().nullable(),
  visitedAt: z.string().nullable(),
});
const recordBody = z.strictObject({
  reached: z.boolean(),
  answers: z.record(z.string().max(64), z.string().trim().max(2000)).default({}),
  satisfaction: z.number().int().min(1).max(5).optional(),
  comment: text(2000).optional(),
});
const reviewItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  handlerName: z.string().nullable(),
  source: z.enum(['visit', 'rating']),
  satisfaction: z.number().int(),
  /** Why it was opened: `dissatisfied`, or a flagged script question, each in words. */
  reasons: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  status: z.enum(['open', 'closed']),
  resolution: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});

/** Follow-up visits to recipients (回访) and the reviews a dissatisfied answer opens (issue 15). */
export function visitRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/quality/visit-plans',
      {
        config: { access: 'quality.visit', errors: [...IDEMPOTENCY_ERRORS, 'VISIT_PLAN_INVALID'] },
        schema: {
          tags,
          summary:
            'Plan follow-up visits: a share per handler of the cases closed in a period, from a recorded seed',
          body: planBody,
          response: {
            201: z.object({
              planId: z.string().uuid(),
              seed: z.string(),
              visits: z.number().int(),
              population: z.number().int(),
            }),
          },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          planVisits(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/quality/visits',
      {
        config: { access: 'quality.visit' },
        schema: {
          tags,
          summary: 'The follow-up visits of the caller’s centres, those to make first by due date',
          querystring: z.strictObject({ status: z.enum(VISIT_STATUSES).optional() }),
          response: { 200: z.object({ items: z.array(visitItem) }) },
        },
      },
      async (request) => ({
        items: await visitsInScope(deps.db, actorOf(request).scope, request.query.status),
      }),
    );

    r.get(
      '/quality/visits/:id',
      {
        config: { access: 'quality.visit', errors: ['VISIT_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'One visit: the recipient (phone whole for who may unmask; audited) and the script in force',
          params: idParams,
          response: { 200: visitDetailSchema },
        },
      },
      (request) => visitDetail(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.post(
      '/quality/visits/:id/record',
      {
        config: {
          access: 'quality.visit',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'VISIT_NOT_FOUND',
            'VISIT_ALREADY_RECORDED',
            'VISIT_ANSWERS_INVALID',
          ],
        },
        schema: {
          tags,
          summary: 'Record a follow-up call: answers, satisfaction 1–5, words; 1 or 2 opens a review',
          params: idParams,
          body: recordBody,
          response: { 200: z.object({ reviewId: z.string().uuid().nullable() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          recordVisit(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.post(
      '/quality/visits/:id/survey',
      {
        config: {
          access: 'quality.visit',
          errors: ['VISIT_NOT_FOUND', 'VISIT_ALREADY_RECORDED', 'VISIT_NO_PHONE'],
        },
        schema: {
          tags,
          summary: 'Send the recipient an SMS asking them to rate the case on the portal',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.db.transaction((tx) =>
          sendSurvey(deps, tx, actorOf(request), request.params.id, originOf(request)),
        );
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/quality/reviews',
      {
        config: { access: 'quality.visit' },
        schema: {
          tags,
          summary: 'Review tasks opened by dissatisfied recipients (复核), open first',
          response: { 200: z.object({ items: z.array(reviewItem) }) },
        },
      },
      async (request) => ({ items: await reviewsInScope(deps.db, actorOf(request).scope) }),
    );

    r.post(
      '/quality/reviews/:id/close',
      {
        config: { access: 'quality.visit', errors: ['QUALITY_REVIEW_NOT_FOUND', 'QUALITY_REVIEW_CLOSED'] },
        schema: {
          tags,
          summary: 'Close a review task with what the centre found and did',
          params: idParams,
          body: z.strictObject({ resolution: text(2000) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.db.transaction((tx) =>
          closeReview(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body.resolution,
            originOf(request),
          ),
        );
        return reply.code(204).send(null);
      },
    );
  };
}
