import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable, Tx } from '../../db/client.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { applicationDetailSchema, applicationIdParams } from '../applications/applications.schemas.ts';
import { detailForRequest } from '../applications/detail-for-request.ts';
import { recordActivity, settleActivity } from './activities.ts';
import { archiveCase, archiveOf } from './archive.ts';
import { readableCase, scopedCase } from './case-access.ts';
import { reviewClosing, submitClosing } from './closing.ts';
import { closingMaterialRoutes } from './closing-materials.routes.ts';
import { recordDiscussion, setMajor } from './major-cases.ts';
import { reportTermination, terminateAid } from './termination.ts';
import {
  activitiesOf,
  closingsOf,
  discussionsOf,
  majorFlagOf,
  terminationReportsOf,
} from './casework.repository.ts';
import {
  activityBody,
  activityOutcomeBody,
  activityParams,
  activitySchema,
  archiveSchema,
  closingBody,
  closingReviewBody,
  closingSchema,
  discussionBody,
  discussionSchema,
  majorBody,
  majorSchema,
  terminationBody,
  terminationReportBody,
  terminationReportSchema,
} from './casework.schemas.ts';

const tags = ['casework'];

/** The record a create just wrote, as the case's list presents it (read in the same transaction). */
function recordOf<T extends { id: string }>(records: readonly T[], id: string): T {
  const created = records.find((r) => r.id === id);
  if (!created) throw new AppError('NOT_FOUND');
  return created;
}
const params = applicationIdParams;

/**
 * Casework (承办): the handler's timeline, major cases and their discussions, termination (LAL
 * art.48), closing and its review (art.50, BJR art.32) with its materials (closing-materials.routes.ts),
 * archive. The assigned handler acts through
 * their login (`signed-in` + own accepted assignment); centre staff through permission and scope.
 */
export function caseworkRoutes(deps: AppDeps) {
  /** A read of the case file: its handler, or staff with `application.read` in scope; others 404. */
  const readAfterAccess =
    <T>(read: (db: Queryable, id: string) => Promise<T>) =>
    async (request: FastifyRequest & { params: { id: string } }) => {
      await readableCase(deps.db, actorOf(request), request.params.id);
      return read(deps.db, request.params.id);
    };

  /** A record added to the case (idempotently, 201), answered as the case's list presents it. */
  const createThenRead =
    <B, T extends { id: string }>(
      create: (
        deps: AppDeps,
        tx: Tx,
        actor: Actor,
        id: string,
        body: B,
        origin: RequestOrigin,
      ) => Promise<string>,
      list: (db: Queryable, id: string) => Promise<readonly T[]>,
    ) =>
    (request: FastifyRequest & { params: { id: string }; body: B }, reply: FastifyReply) =>
      createIdempotently(deps, request, reply, 201, async (tx) => {
        const id = await create(
          deps,
          tx,
          actorOf(request),
          request.params.id,
          request.body,
          originOf(request),
        );
        return recordOf(await list(tx, request.params.id), id);
      });

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    await app.register(closingMaterialRoutes(deps));

    r.get(
      '/cases/:id/activities',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The handler’s timeline (承办记录): for the assigned handler and centre staff in scope',
          params,
          response: { 200: z.array(activitySchema) },
        },
      },
      readAfterAccess(activitiesOf),
    );

    r.post(
      '/cases/:id/activities',
      {
        config: {
          access: 'signed-in',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'CASEWORK_AGREEMENT_PERIOD_CONFLICT',
            'CASEWORK_ACTIVITY_IN_FUTURE',
            'CASEWORK_ACTIVITY_NOT_SCHEDULABLE',
            'CASEWORK_SCHEDULE_IN_PAST',
          ],
        },
        schema: {
          tags,
          summary:
            'The assigned handler records a meeting, file reading, hearing… while the case is in progress, or schedules one ahead (`scheduled`: a future time, settled later); the agreement signed stops, a recipient delay pauses (and its end resumes) the 5-day agreement period (MOJ procedure rules 2023 art.27); the end of the matter starts the closing-materials period when a rule row gives its length (LAL art.50)',
          params,
          body: activityBody,
          response: { 201: activitySchema },
        },
      },
      createThenRead(recordActivity, activitiesOf),
    );

    r.post(
      '/cases/:id/activities/:activityId/outcome',
      {
        config: {
          access: 'signed-in',
          errors: ['CASEWORK_ACTIVITY_NOT_SCHEDULED', 'CASEWORK_ACTIVITY_NOT_YET_DUE'],
        },
        schema: {
          tags,
          summary:
            'The assigned handler marks a scheduled activity held (with what happened, once its time has come) or not held (with the reason)',
          params: activityParams,
          body: activityOutcomeBody,
          response: { 200: activitySchema },
        },
      },
      async (request) =>
        deps.db.transaction(async (tx) => {
          const { id, activityId } = request.params;
          await settleActivity(deps, tx, actorOf(request), id, activityId, request.body, originOf(request));
          return recordOf(await activitiesOf(tx, id), activityId);
        }),
    );

    r.post(
      '/cases/:id/major',
      {
        config: { access: 'application.approve' },
        schema: {
          tags,
          summary:
            'The director marks a case major or difficult (重大疑难), or lifts the mark, with a reason',
          params,
          body: majorBody,
          response: { 200: majorSchema },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          setMajor(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.get(
      '/cases/:id/major',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The major-or-difficult mark (重大疑难) as it stands, who set it and when: for the handler and centre staff',
          params,
          response: { 200: majorSchema },
        },
      },
      readAfterAccess(majorFlagOf),
    );

    r.get(
      '/cases/:id/discussions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'Collective discussions (集体讨论) of a major or difficult case: centre staff, and the handler read-only',
          params,
          response: { 200: z.array(discussionSchema) },
        },
      },
      readAfterAccess(discussionsOf),
    );

    r.post(
      '/cases/:id/discussions',
      {
        config: { access: 'application.decide', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Record a collective discussion: when, who took part, the conclusions',
          params,
          body: discussionBody,
          response: { 201: discussionSchema },
        },
      },
      createThenRead(recordDiscussion, discussionsOf),
    );

    r.get(
      '/cases/:id/termination-reports',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The handler’s reports of a ground for termination',
          params,
          response: { 200: z.array(terminationReportSchema) },
        },
      },
      readAfterAccess(terminationReportsOf),
    );

    r.post(
      '/cases/:id/termination-report',
      {
        config: { access: 'signed-in', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'The assigned handler reports a ground for termination with the facts (LAL art.48)',
          params,
          body: terminationReportBody,
          response: { 201: terminationReportSchema },
        },
      },
      createThenRead(reportTermination, terminationReportsOf),
    );

    r.post(
      '/cases/:id/termination',
      {
        config: { access: 'application.approve', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'The director terminates aid on a ground of LAL art.48: numbered decision issued, objection period opened',
          params,
          body: terminationBody,
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await terminateAid(deps, tx, actorOf(request), request.params.id, request.body, originOf(request));
          return detailForRequest(deps, tx, request, request.params.id);
        }),
    );

    r.get(
      '/cases/:id/closings',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The closings submitted on a case and their review, latest first',
          params,
          response: { 200: z.array(closingSchema) },
        },
      },
      readAfterAccess(closingsOf),
    );

    r.post(
      '/cases/:id/closing',
      {
        config: { access: 'signed-in', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'The assigned handler submits the closing: result, amount recovered, report; every required closing material must be on file (LAL art.50)',
          params,
          body: closingBody,
          response: { 201: closingSchema },
        },
      },
      createThenRead(submitClosing, closingsOf),
    );

    r.post(
      '/cases/:id/closing/review',
      {
        config: { access: 'application.decide', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'The centre accepts the closing (case closed) or returns it with a reason (BJR art.32)',
          params,
          body: closingReviewBody,
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await reviewClosing(deps, tx, actorOf(request), request.params.id, request.body, originOf(request));
          return detailForRequest(deps, tx, request, request.params.id);
        }),
    );

    r.post(
      '/cases/:id/archive',
      {
        config: { access: 'application.approve', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary:
            'File the case: an immutable snapshot of the whole file with its SHA-256 and retention date',
          params,
          response: { 200: archiveSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await archiveCase(deps, tx, actorOf(request), request.params.id, originOf(request));
          return archiveOf(tx, request.params.id);
        }),
    );

    r.get(
      '/cases/:id/archive',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'The archived file, with a fresh check of its SHA-256 (audited read)',
          params,
          response: { 200: archiveSchema },
        },
      },
      (request) =>
        deps.db.transaction(async (tx) => {
          await scopedCase(tx, actorOf(request), request.params.id);
          const file = await archiveOf(tx, request.params.id);
          await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, originOf(request), {
            action: 'case_archive.read',
            entityType: 'applications',
            entityId: request.params.id,
            changes: { sha256: { after: file.sha256 }, intact: { after: file.intact } },
          });
          return file;
        }),
    );
  };
}
