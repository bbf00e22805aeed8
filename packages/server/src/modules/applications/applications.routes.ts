import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { can } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { sendFile, sendPdf } from '../../platform/http/files.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { auditListRead } from '../../platform/audit/audit-read.ts';
import {
  applicationDetailSchema,
  applicationIdParams,
  applicationPage,
  approvalBody,
  attachmentQuery,
  attachmentSchema,
  childParams,
  createApplicationBody,
  criminalNoticeBody,
  decideBody,
  deliveryBody,
  materialsReceivedBody,
  objectionBody,
  objectionDecisionBody,
  supplementBody,
  withdrawBody,
  worklistQuery,
} from './applications.schemas.ts';
import { CENTRE_KINDS_FOR_WORKLIST, listApplications } from './applications.repository.ts';
import { createApplication } from './create-application.ts';
import { detailForRequest } from './detail-for-request.ts';
import { recordCriminalNotice } from '../criminal/record-criminal-notice.ts';
import { receiveMaterials, requestSupplement } from './supplement.ts';
import {
  approveDecision,
  completeFormalities,
  decide,
  decideObjection,
  fileObjection,
  startReview,
  withdraw,
} from './decision.ts';
import { documentPdf } from './documents.ts';
import { recordDelivery } from './deliveries.ts';
import {
  addAttachment,
  ATTACHMENT_MAX_BYTES,
  acceptRawFiles,
  readAttachment,
  receiveUpload,
  UPLOAD_CONFIG,
} from './attachments.ts';

const tags = ['applications'];

export function applicationRoutes(deps: AppDeps) {
  /** Every action: one transaction, idempotent under `Idempotency-Key`, answered with the new detail. */
  function act(request: FastifyRequest, reply: FastifyReply, id: string, work: (tx: Tx) => Promise<unknown>) {
    return createIdempotently(deps, request, reply, 200, async (tx) => {
      await work(tx);
      return detailForRequest(deps, tx, request, id);
    });
  }

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    acceptRawFiles(app);

    r.get(
      '/applications',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'Reviewer worklist: applications in scope awaiting action, nearest deadline first',
          querystring: worklistQuery,
          response: { 200: applicationPage },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { items, total } = await listApplications(
          deps.db,
          actor.scope,
          request.query,
          actor.userId,
          deps.clock.now(),
          CENTRE_KINDS_FOR_WORKLIST.has(actor.organisation.kind),
        );
        const page = { page: request.query.page, pageSize: request.query.pageSize, total };
        await auditListRead(
          deps,
          originOf(request),
          'applications',
          items.map((item) => item.id),
          page,
        );
        return { items, ...page };
      },
    );

    r.post(
      '/applications',
      {
        config: { access: 'application.manage', errors: [...IDEMPOTENCY_ERRORS, 'FACT_UNKNOWN'] },
        schema: {
          tags,
          summary: 'Take in an application (受理): assessment stored with its rule version, receipt issued',
          body: createApplicationBody,
          response: { 201: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const id = await createApplication(deps, tx, actorOf(request), request.body, originOf(request));
          return detailForRequest(deps, tx, request, id);
        }),
    );

    r.post(
      '/criminal-notices',
      {
        config: {
          access: 'application.manage',
          errors: [...IDEMPOTENCY_ERRORS, 'ID_NUMBER_INVALID', 'ID_NUMBER_MISMATCH'],
        },
        schema: {
          tags,
          summary:
            'Record a notice to appoint a defender or representative (通知辩护/代理): a case to assign within 3 days, no hardship review',
          body: criminalNoticeBody,
          response: { 201: applicationDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const id = await recordCriminalNotice(deps, tx, actorOf(request), request.body, originOf(request));
          return detailForRequest(deps, tx, request, id);
        }),
    );

    r.get(
      '/applications/:id',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary:
            'One application with its assessment, materials, clocks, documents and timeline (audited read)',
          params: applicationIdParams,
          response: { 200: applicationDetailSchema },
        },
      },
      (request) =>
        deps.db.transaction(async (tx) => {
          const detail = await detailForRequest(deps, tx, request, request.params.id);
          await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, originOf(request), {
            action: 'applications.read',
            entityType: 'applications',
            entityId: request.params.id,
          });
          return detail;
        }),
    );

    const action = <B extends z.ZodTypeAny>(
      path: string,
      access:
        | 'application.manage'
        | 'application.decide'
        | 'application.approve'
        | 'objection.decide'
        | 'signed-in',
      summary: string,
      body: B | undefined,
      work: (
        tx: Tx,
        request: FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>,
      ) => Promise<unknown>,
      extraErrors: readonly ErrorCode[] = [],
    ) =>
      r.post(
        `/applications/:id/${path}`,
        {
          config: {
            access,
            errors: [
              'APPLICATION_STATE_CONFLICT',
              'APPLICATION_ROLE_FORBIDDEN',
              'APPLICATION_GUARD_FAILED',
              ...IDEMPOTENCY_ERRORS,
              ...extraErrors,
            ],
          },
          schema: {
            tags,
            summary,
            params: applicationIdParams,
            ...(body ? { body } : {}),
            response: { 200: applicationDetailSchema },
          },
        },
        (request, reply) =>
          act(request, reply, (request.params as { id: string }).id, (tx) =>
            work(tx, request as FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>),
          ),
      );

    action(
      'supplement-request',
      'application.manage',
      'One supplement notice listing every missing material (LAL art.43(2)); the review clock pauses (MOJ procedure rules 2023)',
      supplementBody,
      (tx, request) =>
        requestSupplement(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
    );
    action(
      'materials',
      'application.manage',
      'Record materials handed in; once all requested are in, review resumes',
      materialsReceivedBody,
      (tx, request) =>
        receiveMaterials(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
    );
    action(
      'review',
      'application.decide',
      'Start review; the caller becomes the reviewer',
      undefined,
      (tx, request) => startReview(deps, tx, actorOf(request), request.params.id, originOf(request)),
    );
    action(
      'decision',
      'application.decide',
      'Grant or refuse with reasons and citations (LAL art.43); waits for approval where the centre requires it',
      decideBody,
      (tx, request) => decide(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
      ['APPLICATION_REASON_UNKNOWN', 'APPLICATION_REASON_NOT_IN_FORCE'],
    );
    action(
      'approval',
      'application.approve',
      'The director approves or returns a proposed decision',
      approvalBody,
      (tx, request) =>
        approveDecision(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
    );
    action(
      'formalities-completed',
      'application.decide',
      'The formalities of aid given in advance are complete (LAL art.44(2))',
      undefined,
      (tx, request) => completeFormalities(deps, tx, actorOf(request), request.params.id, originOf(request)),
    );
    action(
      'withdrawal',
      'application.manage',
      'The applicant withdraws the application',
      withdrawBody,
      (tx, request) =>
        withdraw(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
    );
    r.post(
      '/applications/:id/deliveries',
      {
        config: {
          access: 'application.manage',
          errors: [
            'DELIVERY_DOCUMENT_UNKNOWN',
            'DELIVERY_DATE_IN_FUTURE',
            'DELIVERY_BEFORE_DOCUMENT',
            'DELIVERY_PROOF_REQUIRED',
            'DELIVERY_PROOF_UNKNOWN',
            'DELIVERY_ALREADY_RECORDED',
            'PERIOD_NOT_IN_FORCE',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary:
            "Record the delivery (送达) of an issued document with its proof; a refusal's objection period runs from it (BJR art.24)",
          params: applicationIdParams,
          body: deliveryBody,
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        act(request, reply, request.params.id, (tx) =>
          recordDelivery(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );
    action(
      'objections',
      'signed-in',
      'Record an objection to a refusal (within the period from its delivery, BJR art.24) or a termination (no filing period, LAL art.49); filedAt is when it was received',
      objectionBody,
      (tx, request) => {
        const actor = actorOf(request);
        if (!can(actor.roles, 'application.manage') && !can(actor.roles, 'objection.decide'))
          throw new AppError('FORBIDDEN');
        return fileObjection(deps, tx, actor, request.params.id, request.body, originOf(request));
      },
      ['OBJECTION_FILED_IN_FUTURE'],
    );

    r.post(
      '/applications/:id/objections/:childId/decision',
      {
        config: { access: 'objection.decide' },
        schema: {
          tags,
          summary: 'The justice bureau upholds the decision or orders it corrected (LAL art.49)',
          params: childParams,
          body: objectionDecisionBody,
          response: { 200: applicationDetailSchema },
        },
      },
      (request, reply) =>
        act(request, reply, request.params.id, (tx) =>
          decideObjection(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.params.childId,
            request.body,
            originOf(request),
          ),
        ),
    );

    r.post(
      '/applications/:id/attachments',
      {
        config: { access: 'application.manage', ...UPLOAD_CONFIG },
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Attach a file: the raw bytes as the body, with its content type; name and material in the query',
          params: applicationIdParams,
          querystring: attachmentQuery,
          response: { 201: attachmentSchema },
        },
      },
      async (request, reply) => {
        const upload = await receiveUpload(deps, request, actorOf(request), originOf(request), addAttachment);
        reply.code(201);
        return upload;
      },
    );

    r.get(
      '/applications/:id/documents/:childId/pdf',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'An issued document as PDF (kept as first rendered; audited)',
          params: childParams,
        },
      },
      async (request, reply) => {
        const pdf = await documentPdf(
          deps,
          actorOf(request),
          request.params.id,
          request.params.childId,
          originOf(request),
        );
        return sendPdf(reply, pdf);
      },
    );

    r.get(
      '/applications/:id/attachments/:childId',
      {
        config: { access: 'application.read' },
        schema: { tags, summary: 'Download an attachment (checksum verified; audited)', params: childParams },
      },
      async (request, reply) => {
        const { row, data } = await deps.db.transaction((tx) =>
          readAttachment(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.params.childId,
            originOf(request),
          ),
        );
        return sendFile(reply, row, data);
      },
    );
  };
}
