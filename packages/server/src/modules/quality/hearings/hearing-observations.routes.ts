import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HEARING_OBSERVATION_STATUSES } from '@fayuan/domain';
import { ACTIVITY_STATUSES } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import {
  myObservations,
  observationDetail,
  observationsInScope,
  observersInScope,
  upcomingHearings,
} from './hearing-observation-views.ts';
import {
  recordObservation,
  replyToObservation,
  scheduleObservation,
  settleObservation,
} from './hearing-observations.ts';

const tags = ['quality'];
const base = '/quality/hearing-observations';
const idParams = z.strictObject({ id: z.string().uuid() });
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1);
const status = z.enum(HEARING_OBSERVATION_STATUSES);

const upcomingItem = z.object({
  activityId: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  at: z.string(),
  place: z.string().nullable(),
  handlerName: z.string(),
  /** The open observation of the hearing, if one is scheduled. */
  observation: z.object({ id: z.string().uuid(), status }).nullable(),
});
const observationItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  activityId: z.string().uuid(),
  handlerName: z.string(),
  observerId: z.string().uuid(),
  observerName: z.string(),
  scheduledAt: z.string(),
  status,
  totalScore: z.number().int().nullable(),
  observedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
const observationDetailSchema = observationItem.extend({
  hearing: z.object({ at: z.string(), place: z.string().nullable(), status: z.enum(ACTIVITY_STATUSES) }),
  /** The score sheet as recorded (the rule versions used), or the one in force on the hearing's date. */
  sheet: z.array(
    z.object({
      code: z.string(),
      ruleId: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      weight: z.number(),
      maxScore: z.number(),
      citation: z.string(),
      score: z.number().int().nullable(),
    }),
  ),
  findings: z.string().nullable(),
  replyText: z.string().nullable(),
  closeNote: z.string().nullable(),
});
const myObservationsResponse = z.object({ items: z.array(observationDetailSchema) });

/**
 * Hearing observation (庭审旁听, issue 15; LAL art.59, OPN (六), SF/T 0032-2023 11.3): hearings ahead
 * to observe, scheduling an observer, the score sheet and findings, the handler's reply, closing.
 */
export function hearingObservationRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      `${base}/upcoming-hearings`,
      {
        config: { access: 'quality.observe' },
        schema: {
          tags,
          summary:
            'Hearings scheduled ahead on the cases of the caller’s centres (60 days), each with its open observation',
          response: { 200: z.object({ items: z.array(upcomingItem) }) },
        },
      },
      async (request) => ({
        items: await upcomingHearings(deps.db, actorOf(request).scope, deps.clock.now()),
      }),
    );

    r.get(
      `${base}/observers`,
      {
        config: { access: 'quality.observe' },
        schema: {
          tags,
          summary: 'Who may be named observer: the active staff in scope who may observe hearings',
          response: {
            200: z.object({ items: z.array(z.object({ id: z.string().uuid(), name: z.string() })) }),
          },
        },
      },
      async (request) => ({ items: await observersInScope(deps.db, actorOf(request).scope) }),
    );

    r.post(
      base,
      {
        config: {
          access: 'quality.observe',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'HEARING_NOT_FOUND',
            'HEARING_NOT_OBSERVABLE',
            'HEARING_OBSERVER_INVALID',
            'HEARING_OBSERVATION_EXISTS',
          ],
        },
        schema: {
          tags,
          summary: 'Schedule an observation of a hearing ahead, by an observer (one open per hearing)',
          body: z.strictObject({ activityId: z.string().uuid(), observerId: z.string().uuid() }),
          response: { 201: z.object({ id: z.string().uuid(), version: z.number().int() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          scheduleObservation(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      base,
      {
        config: { access: 'quality.observe' },
        schema: {
          tags,
          summary: 'The hearing observations of the caller’s centres, open ones first',
          querystring: z.strictObject({ status: status.optional() }),
          response: { 200: z.object({ items: z.array(observationItem) }) },
        },
      },
      async (request) => ({
        items: await observationsInScope(deps.db, actorOf(request).scope, request.query.status),
      }),
    );

    r.get(
      `${base}/:id`,
      {
        config: { access: 'quality.observe', errors: ['HEARING_OBSERVATION_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One observation: the hearing, the score sheet, findings, reply (audited)',
          params: idParams,
          response: { 200: observationDetailSchema },
        },
      },
      (request) => observationDetail(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.post(
      `${base}/:id/record`,
      {
        config: {
          access: 'quality.observe',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'HEARING_OBSERVATION_NOT_FOUND',
            'HEARING_OBSERVATION_STALE',
            'HEARING_OBSERVATION_STEP_NOT_OPEN',
            'HEARING_NOT_YET_HELD',
            'HEARING_SCORES_INVALID',
          ],
        },
        schema: {
          tags,
          summary:
            'Record the score sheet in force on the hearing’s date (each item 0 to its maximum) and the findings; they go to the handler for a reply',
          params: idParams,
          body: z.strictObject({
            scores: z.record(z.string().max(64), z.number().int().min(0).max(1000)),
            findings: text(4000),
            version,
          }),
          response: { 200: z.object({ version: z.number().int(), totalScore: z.number().int() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          recordObservation(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    for (const step of ['close', 'cancel'] as const)
      r.post(
        `${base}/:id/${step}`,
        {
          config: {
            access: 'quality.observe',
            errors: [
              'HEARING_OBSERVATION_NOT_FOUND',
              'HEARING_OBSERVATION_STALE',
              'HEARING_OBSERVATION_STEP_NOT_OPEN',
            ],
          },
          schema: {
            tags,
            summary:
              step === 'close'
                ? 'Close an observation once recorded (after the handler’s reply, or without one), with a note'
                : 'Cancel an observation not yet recorded (the hearing put off, say), with the reason',
            params: idParams,
            body:
              step === 'close'
                ? z.strictObject({ note: text(2000).optional(), version })
                : z.strictObject({ note: text(2000), version }),
            response: { 204: z.null() },
          },
        },
        async (request, reply) => {
          await deps.db.transaction((tx) =>
            settleObservation(
              deps,
              tx,
              actorOf(request),
              request.params.id,
              step,
              request.body,
              originOf(request),
            ),
          );
          return reply.code(204).send(null);
        },
      );

    r.get(
      '/my-hearing-observations',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The observations of the signed-in handler’s hearings whose findings await or had their reply (lately closed too)',
          response: { 200: myObservationsResponse },
        },
      },
      (request) => myObservations(deps.db, actorOf(request), deps.clock.now()),
    );

    r.post(
      `${base}/:id/reply`,
      {
        config: {
          access: 'signed-in',
          errors: [
            'HEARING_OBSERVATION_NOT_FOUND',
            'HEARING_OBSERVATION_STALE',
            'HEARING_OBSERVATION_STEP_NOT_OPEN',
          ],
        },
        schema: {
          tags,
          summary:
            'The handler replies to the findings of an observation of their own hearing (their own only; returns their list)',
          params: idParams,
          body: z.strictObject({ text: text(4000), version }),
          response: { 200: myObservationsResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction((tx) =>
          replyToObservation(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        return myObservations(deps.db, actor, deps.clock.now());
      },
    );
  };
}
