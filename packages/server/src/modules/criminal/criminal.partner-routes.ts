import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { sendPdf } from '../../platform/http/files.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import { partnerOf, type PartnerActor } from '../partners/partner-actor.ts';
import {
  documentParams,
  forwardedApplicationBody,
  forwardedReceipt,
  forwardedView as forwardedViewSchema,
  idParams,
  partnerNoticeBody,
  partnerNoticeReceipt,
  partnerNoticeView as partnerNoticeViewSchema,
} from './criminal.schemas.ts';
import { noticeReceipt, partnerNoticeDocument, partnerNoticeView } from './partner-notice-view.ts';
import { forwardedView, receiveForwardedApplication } from './receive-forwarded-application.ts';
import { receivePartnerNotice } from './receive-partner-notice.ts';

const tags = ['Partner API'];

const ATTACHMENT_ERRORS = [
  'ATTACHMENT_CONTENT_MISMATCH',
  'ATTACHMENT_EMPTY',
  'ATTACHMENT_TOO_LARGE',
  'ID_NUMBER_INVALID',
  'ID_NUMBER_MISMATCH',
] as const;

/**
 * The partner as the request's actor: audit rows, timelines and the idempotency key's principal
 * name its service account, as a staff request names its user.
 */
function asPartner(request: FastifyRequest): { partner: PartnerActor; origin: RequestOrigin } {
  const partner = partnerOf(request);
  request.actor ??= partner.actor;
  return { partner, origin: { actor: partner.actor, ip: request.ip ?? null, requestId: request.id } };
}

/**
 * Criminal notices and forwarded applications from the organs (under `/api/partner/v1`, behind the
 * partner plugin's signature check). Routes stay thin: schema → partner → use case → answer.
 */
export function criminalPartnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/criminal-notices',
      {
        config: {
          partnerOperation: 'criminal_notices',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            ...ATTACHMENT_ERRORS,
            'CRIMINAL_NOTICE_DUPLICATE',
            'CRIMINAL_NOTICE_INSTITUTION_NOT_NOTIFYING',
          ],
        },
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: '通知辩护/代理: a notice opens a case to assign within 3 days (LAL art.25, art.36)',
          body: partnerNoticeBody,
          response: { 201: partnerNoticeReceipt },
        },
      },
      (request, reply) => {
        const { partner, origin } = asPartner(request);
        return withFileCleanup(deps.files, (files) =>
          createIdempotently(deps, request, reply, 201, async (tx) => {
            const id = await receivePartnerNotice({ ...deps, files }, tx, partner, request.body, origin);
            return noticeReceipt(tx, id);
          }),
        );
      },
    );

    r.get(
      '/criminal-notices/:id',
      {
        config: { partnerOperation: 'criminal_notices' },
        schema: {
          tags,
          summary: "A notice's status, its handler and the letters for the organ (audited read)",
          params: idParams,
          response: { 200: partnerNoticeViewSchema },
        },
      },
      (request) => {
        const { partner, origin } = asPartner(request);
        return deps.db.transaction((tx) => partnerNoticeView(deps, tx, partner, request.params.id, origin));
      },
    );

    r.get(
      '/criminal-notices/:id/documents/:documentId',
      {
        config: { partnerOperation: 'criminal_notices', errors: ['DOCUMENT_NOT_RENDERABLE'] },
        schema: {
          tags,
          summary: '公函 or 会见函 as PDF, as the centre issued it (audited)',
          params: documentParams,
        },
      },
      async (request, reply) => {
        const { partner, origin } = asPartner(request);
        const pdf = await partnerNoticeDocument(
          deps,
          partner,
          request.params.id,
          request.params.documentId,
          origin,
        );
        return sendPdf(reply, pdf);
      },
    );

    r.post(
      '/forwarded-applications',
      {
        config: {
          partnerOperation: 'forwarded_applications',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            ...ATTACHMENT_ERRORS,
            'FORWARDED_REQUESTED_IN_FUTURE',
            'APPLICATION_MATTER_UNKNOWN',
          ],
        },
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "A detainee's application forwarded by custody, police or a court (LAL art.39)",
          body: forwardedApplicationBody,
          response: { 201: forwardedReceipt },
        },
      },
      (request, reply) => {
        const { partner, origin } = asPartner(request);
        return withFileCleanup(deps.files, (files) =>
          createIdempotently(deps, request, reply, 201, async (tx) => {
            const id = await receiveForwardedApplication(
              { ...deps, files },
              tx,
              partner,
              request.body,
              origin,
            );
            const view = await forwardedView(tx, partner, id);
            return {
              id,
              receivedAt: view.receivedAt,
              status: view.status,
              forwardedLate: view.forwardedLate,
            };
          }),
        );
      },
    );

    r.get(
      '/forwarded-applications/:id',
      {
        config: { partnerOperation: 'forwarded_applications' },
        schema: {
          tags,
          summary: "A forwarded application's state and the centre's decision, if any",
          params: idParams,
          response: { 200: forwardedViewSchema },
        },
      },
      (request) => {
        const { partner } = asPartner(request);
        return deps.db.transaction((tx) => forwardedView(tx, partner, request.params.id));
      },
    );
  };
}
