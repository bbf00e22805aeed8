import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LocalDate } from '@fayuan/domain';
import type { AppDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { auditRead } from '../../../platform/audit/audit-read.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { completeInspection, saveJudgements, startInspection } from './inspections.ts';
import { replyToRectification, requestRectification, settleRectification } from './rectifications.ts';
import { caseChecklist, inspectionDetail, inspectionQueue, myRectifications } from './inspection-views.ts';
import { readableCase } from '../../casework/case-access.ts';
import {
  caseChecklistResponse,
  completeBody,
  idParams,
  inspectionDetailResponse,
  inspectionQueueQuery,
  inspectionQueueResponse,
  judgementsBody,
  myRectificationsResponse,
  rectificationBody,
  rectificationReplyBody,
  rectificationSettleBody,
  startInspectionBody,
} from './inspections.schemas.ts';

const tags = ['quality'];
const CHANGE_ERRORS = ['INSPECTION_NOT_FOUND', 'INSPECTION_COMPLETED', 'INSPECTION_STALE'] as const;

/**
 * File inspection (卷宗检查) and rectification (整改), issue 15: the reviewer's queue of sampled
 * cases, the checklist of a case against its record, the judgements and findings, the requests to
 * put things right with a deadline, and the handler's reply on their own case. `quality.inspect`
 * for staff (scoped by organisation); the handler reaches only their own requests.
 */
export function inspectionRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    /** The inspection as it now stands, for the caller's scope. */
    const detailOf = async (scope: Parameters<typeof inspectionDetail>[1], id: string) => {
      const detail = await inspectionDetail(deps, scope, id);
      if (!detail) throw new AppError('INSPECTION_NOT_FOUND');
      return detail;
    };

    r.get(
      '/quality/inspections',
      {
        config: { access: 'quality.inspect' },
        schema: {
          tags,
          summary:
            'The reviewer’s queue: sampled cases awaiting inspection and inspections in progress (`mine`: the caller’s; `done`: completed too)',
          querystring: inspectionQueueQuery,
          response: { 200: inspectionQueueResponse },
        },
      },
      (request) =>
        inspectionQueue(deps, actorOf(request), {
          mine: request.query.mine === 'true',
          done: request.query.done === 'true',
        }),
    );

    r.post(
      '/quality/inspections',
      {
        config: {
          access: 'quality.inspect',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'NOT_FOUND',
            'INSPECTION_CASE_NOT_CLOSED',
            'INSPECTION_ALREADY_OPEN',
          ],
        },
        schema: {
          tags,
          summary: 'Start a file inspection of a closed case in scope (sampled or not)',
          body: startInspectionBody,
          response: { 201: z.object({ id: z.string().uuid() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          startInspection(deps, tx, actorOf(request), request.body.applicationId, originOf(request)),
        ),
    );

    r.get(
      '/cases/:id/service-standard',
      {
        config: { access: 'signed-in', errors: ['NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'A case’s live service-standard checklist: each item evidenced, missing or late from the casework record today (cited), the judgement items as its latest inspection left them, and the scores — for the assigned handler and staff in scope',
          params: idParams,
          response: { 200: caseChecklistResponse },
        },
      },
      async (request) => {
        const { app } = await readableCase(deps.db, actorOf(request), request.params.id);
        return caseChecklist(deps.db, app);
      },
    );

    r.get(
      '/quality/inspections/:id',
      {
        config: { access: 'quality.inspect', errors: ['INSPECTION_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'One inspection: the service-standard checklist with each item evidenced, missing or late from the record (cited), judgements, scores and rectifications',
          params: idParams,
          response: { 200: inspectionDetailResponse },
        },
      },
      async (request) => {
        const detail = await detailOf(actorOf(request).scope, request.params.id);
        await auditRead(deps, originOf(request), 'file_inspections', detail.id);
        return detail;
      },
    );

    r.post(
      '/quality/inspections/:id/judgements',
      {
        config: { access: 'quality.inspect', errors: [...CHANGE_ERRORS, 'INSPECTION_JUDGEMENT_INVALID'] },
        schema: {
          tags,
          summary:
            'Keep the reviewer’s judgements (met, not met, not applicable with the reason) and draft findings',
          params: idParams,
          body: judgementsBody,
          response: { 200: inspectionDetailResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction((tx) =>
          saveJudgements(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        return detailOf(actor.scope, request.params.id);
      },
    );

    r.post(
      '/quality/inspections/:id/complete',
      {
        config: {
          access: 'quality.inspect',
          errors: [...CHANGE_ERRORS, 'INSPECTION_JUDGEMENT_INVALID', 'INSPECTION_AWAITING_JUDGEMENT'],
        },
        schema: {
          tags,
          summary:
            'Complete the inspection: every judgement item judged, findings written; items, rule ids and scores frozen',
          params: idParams,
          body: completeBody,
          response: { 200: inspectionDetailResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction((tx) =>
          completeInspection(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        return detailOf(actor.scope, request.params.id);
      },
    );

    r.post(
      '/quality/inspections/:id/rectifications',
      {
        config: {
          access: 'quality.inspect',
          errors: [...IDEMPOTENCY_ERRORS, 'INSPECTION_NOT_FOUND', 'RECTIFICATION_DEADLINE_INVALID'],
        },
        schema: {
          tags,
          summary:
            'Request rectification (整改) from the handler: what to put right and the date set by the inspector',
          params: idParams,
          body: rectificationBody,
          response: { 201: inspectionDetailResponse },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = { items: request.body.items, dueOn: request.body.dueOn as LocalDate };
        await createIdempotently(deps, request, reply, 201, (tx) =>
          requestRectification(deps, tx, actor, request.params.id, body, originOf(request)),
        );
        return detailOf(actor.scope, request.params.id);
      },
    );

    r.post(
      '/quality/rectifications/:id/settle',
      {
        config: {
          access: 'quality.inspect',
          errors: ['RECTIFICATION_NOT_FOUND', 'RECTIFICATION_STEP_NOT_OPEN'],
        },
        schema: {
          tags,
          summary: 'Close a replied rectification (accepted), or send it back with the reason (open again)',
          params: idParams,
          body: rectificationSettleBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.db.transaction((tx) =>
          settleRectification(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        );
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/my-rectifications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The rectification requests on the signed-in handler’s own cases (open, replied, lately closed)',
          response: { 200: myRectificationsResponse },
        },
      },
      (request) => myRectifications(deps.db, actorOf(request), deps.clock.now()),
    );

    r.post(
      '/my-rectifications/:id/reply',
      {
        config: { access: 'signed-in', errors: ['RECTIFICATION_NOT_FOUND', 'RECTIFICATION_STEP_NOT_OPEN'] },
        schema: {
          tags,
          summary: 'The handler replies to a rectification request on their own case',
          params: idParams,
          body: rectificationReplyBody,
          response: { 200: myRectificationsResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction((tx) =>
          replyToRectification(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        return myRectifications(deps.db, actor, deps.clock.now());
      },
    );
  };
}
