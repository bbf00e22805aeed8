import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf, type ListItemRule } from '@fayuan/domain';
import { applications, organisations } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { AppError, type ErrorCode } from '../../../platform/errors.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { auditRead } from '../../../platform/audit/audit-read.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { applicationInScope } from '../../applications/applications.repository.ts';
import { extendComplaint, receiveComplaint, stepComplaint, type StepInput } from './complaints.ts';
import { complaintDetail, complaintsInScope } from './complaint-views.ts';
import {
  acceptBody,
  appealBody,
  complaintDetailResponse,
  complaintIdParams,
  complaintListQuery,
  complaintListResponse,
  complaintReferenceResponse,
  decideBody,
  declineBody,
  extendBody,
  recordComplaintBody,
  replyBody,
  reviewBody,
} from './complaints.schemas.ts';

const tags = ['quality'];
const STEP_ERRORS = ['COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_NOT_OPEN', 'COMPLAINT_STALE'] as const;

/**
 * Complaints (投诉, issue 15): taken from any channel, accepted or declined, decided and answered
 * within their periods, reviewed by the bureau when the complainant asks. Scoped by organisation.
 */
export function complaintRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/complaints',
      {
        config: { access: 'complaint.read' },
        schema: {
          tags,
          summary: 'Complaints of the caller’s centres, newest first, each with the period running now',
          querystring: complaintListQuery,
          response: { 200: complaintListResponse },
        },
      },
      (request) =>
        complaintsInScope(deps, actorOf(request).scope, {
          status: request.query.status,
          open: request.query.open === 'true',
        }),
    );

    r.get(
      '/complaints/reference',
      {
        config: { access: 'complaint.read' },
        schema: {
          tags,
          summary: 'Reasons for not accepting and outcomes in force today, with citations',
          response: { 200: complaintReferenceResponse },
        },
      },
      async (request) => {
        const jurisdiction = await jurisdictionOf(deps.db, actorOf(request).organisationId);
        const today = beijingDateOf(deps.clock.now());
        const view = (i: ListItemRule) => ({
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          citation: i.citation,
          upheld: i.params.upheld === true,
        });
        return {
          declineReasons: (
            await listItemsInForce(deps.db, jurisdiction, 'complaint_decline_reason', today)
          ).map(view),
          outcomes: (await listItemsInForce(deps.db, jurisdiction, 'complaint_outcome', today)).map(view),
        };
      },
    );

    r.get(
      '/complaints/:id',
      {
        config: { access: 'complaint.read', errors: ['COMPLAINT_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One complaint: complainant (phone masked), periods, steps taken and open',
          params: complaintIdParams,
          response: { 200: complaintDetailResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const detail = await complaintDetail(deps, actor.scope, request.params.id);
        if (!detail) throw new AppError('COMPLAINT_NOT_FOUND');
        await auditRead(deps, originOf(request), 'complaints', detail.id);
        return detail;
      },
    );

    r.post(
      '/complaints',
      {
        config: {
          access: 'complaint.record',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'COMPLAINT_HANDLER_UNKNOWN',
            'COMPLAINT_PHONE_INVALID',
            'NOT_FOUND',
          ],
        },
        schema: {
          tags,
          summary: 'Record a complaint taken by phone, letter or at the window; its acceptance period starts',
          body: recordComplaintBody,
          response: { 201: z.object({ id: z.string().uuid(), number: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = request.body;
        return createIdempotently(deps, request, reply, 201, async (tx) => {
          let organisationId = body.organisationId ?? actor.organisationId;
          let applicationId: string | null = null;
          if (body.applicationNumber) {
            const [app] = await tx
              .select({ id: applications.id, ownerOrgId: applications.ownerOrgId })
              .from(applications)
              .where(and(eq(applications.number, body.applicationNumber), applicationInScope(actor.scope)));
            if (!app) throw new AppError('NOT_FOUND', { field: 'applicationNumber' });
            applicationId = app.id;
            organisationId = app.ownerOrgId;
          }
          const [org] = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(eq(organisations.id, organisationId), ownerInScope(actor.scope, organisations.id)));
          if (!org) throw new AppError('NOT_FOUND', { field: 'organisationId' });
          return receiveComplaint(
            deps,
            tx,
            {
              channel: body.channel,
              organisationId,
              about: body.about,
              text: body.text,
              wantsReply: body.wantsReply,
              applicationId,
              handlerId: body.handlerId ?? null,
              complainant: body.complainant,
              receivedBy: actor.userId,
            },
            originOf(request),
          );
        });
      },
    );

    const step = <B extends { version?: number | undefined }>(
      path: string,
      access: 'complaint.handle' | 'complaint.review' | 'complaint.record',
      summary: string,
      body: z.ZodType<B>,
      toInput: (b: B) => StepInput,
      errors: readonly ErrorCode[] = [],
    ) =>
      r.post(
        `/complaints/:id/${path}`,
        {
          config: { access, errors: [...IDEMPOTENCY_ERRORS, ...STEP_ERRORS, ...errors] },
          schema: {
            tags,
            summary,
            params: complaintIdParams,
            body,
            response: { 200: complaintDetailResponse },
          },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const b = request.body as B;
          await createIdempotently(deps, request, reply, 200, (tx) =>
            stepComplaint(
              deps,
              tx,
              actor,
              request.params.id,
              { ...toInput(b), version: b.version },
              originOf(request),
            ).then((row) => row.id),
          );
          const detail = await complaintDetail(deps, actor.scope, request.params.id);
          if (!detail) throw new AppError('COMPLAINT_NOT_FOUND');
          return detail;
        },
      );

    step(
      'accept',
      'complaint.handle',
      'Accept the complaint (受理); the handling period starts',
      acceptBody,
      () => ({
        action: 'accept',
      }),
    );
    step(
      'decline',
      'complaint.handle',
      'Do not accept it (不予受理), with the reason in force; the reply period starts',
      declineBody,
      (b) => ({ action: 'decline', reason: b.reason, note: b.note }),
      ['COMPLAINT_REASON_UNKNOWN'],
    );
    step(
      'decide',
      'complaint.handle',
      'Record the investigation’s outcome (处理结果) and findings; the reply period starts',
      decideBody,
      (b) => ({ action: 'decide', outcome: b.outcome, findings: b.findings, handlerId: b.handlerId }),
      ['COMPLAINT_OUTCOME_UNKNOWN', 'COMPLAINT_HANDLER_UNKNOWN'],
    );
    step(
      'reply',
      'complaint.handle',
      'Answer the complainant (答复投诉人); an SMS tells them when they asked for it',
      replyBody,
      (b) => ({ action: 'reply', text: b.text, method: b.method }),
    );
    step(
      'appeal',
      'complaint.record',
      'Record the complainant’s request for the bureau to review the handling (申请复查)',
      appealBody,
      (b) => ({ action: 'appeal', text: b.text }),
      ['COMPLAINT_NOT_APPEALABLE'],
    );
    step(
      'review',
      'complaint.review',
      'The bureau’s review: the handling stands, or it is handled again with a new period',
      reviewBody,
      (b) => ({ action: 'review', result: b.result, note: b.note }),
    );

    r.post(
      '/complaints/:id/extension',
      {
        config: {
          access: 'complaint.handle',
          errors: ['COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_NOT_OPEN', 'COMPLAINT_EXTENSION_INVALID'],
        },
        schema: {
          tags,
          summary:
            'Extend the handling period with the head’s approval (延长办理期限): the new last day and why',
          params: complaintIdParams,
          body: extendBody,
          response: { 200: complaintDetailResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction((tx) =>
          extendComplaint(deps, tx, actor, request.params.id, request.body, originOf(request)),
        );
        const detail = await complaintDetail(deps, actor.scope, request.params.id);
        if (!detail) throw new AppError('COMPLAINT_NOT_FOUND');
        return detail;
      },
    );
  };
}
