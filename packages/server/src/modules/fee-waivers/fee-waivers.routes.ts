import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { sendPdf } from '../../platform/http/files.ts';
import { layoutToPdf } from '../../platform/documents/pdf/pdf.ts';
import { missingGlyphs } from '../../platform/documents/pdf/fonts.ts';
import { textsOf } from '../../platform/documents/pdf/layout.ts';
import { AppError } from '../../platform/errors.ts';
import {
  createFeeWaiverRequest,
  recordFeeWaiverAnswer,
  sendFeeWaiverRequest,
  withdrawFeeWaiverRequest,
} from './fee-waivers.ts';
import {
  caseForFeeWaiver,
  feeWaiverDetail,
  feeWaiverSummary,
  feeWaiversInScope,
} from './fee-waiver-views.ts';
import { feeWaiverLetterLayout } from './fee-waiver-letter.ts';
import {
  answerBody,
  caseLookup,
  caseQuery,
  createBody,
  idParams,
  listQuery,
  requestDetail,
  requestItem,
  sendBody,
  stepResult,
  summary,
  summaryQuery,
  withdrawBody,
} from './fee-waivers.schemas.ts';

const tags = ['funding'];
const access = 'funding.waiver' as const;
const CHANGE_ERRORS = ['FEE_WAIVER_NOT_FOUND', 'FEE_WAIVER_STEP_NOT_OPEN', 'FEE_WAIVER_STALE'] as const;

/**
 * Fee waivers and deferrals for recipients (费用缓减免, LAL art.53; OPN (八), (十三); issue 16): a
 * request letter to a court, notary office or forensic appraisal body, its answer and the amount
 * saved, and the figures the statistics read.
 */
export function feeWaiverRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/fee-waivers',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Fee waiver requests of the caller’s centres (by status, body kind or case), those awaiting an answer first',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(requestItem) }) },
        },
      },
      async (request) => ({
        items: await feeWaiversInScope(deps.db, actorOf(request).scope, request.query),
      }),
    );

    r.get(
      '/fee-waivers/summary',
      {
        config: { access, errors: ['FEE_WAIVER_PERIOD_INVALID'] },
        schema: {
          tags,
          summary:
            'For a period (Beijing dates, at most a year): letters sent, answers by outcome, deferrals and fen saved, per body kind',
          querystring: summaryQuery,
          response: { 200: summary },
        },
      },
      (request) => feeWaiverSummary(deps.db, actorOf(request).scope, request.query),
    );

    r.get(
      '/fee-waivers/case',
      {
        config: { access, errors: ['FEE_WAIVER_CASE_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'A case by its number or id: its recipient, whether a request can be made, the court on file',
          querystring: caseQuery,
          response: { 200: caseLookup },
        },
      },
      (request) => caseForFeeWaiver(deps.db, actorOf(request).scope, request.query),
    );

    r.post(
      '/fee-waivers',
      {
        config: {
          access,
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'FEE_WAIVER_CASE_NOT_FOUND',
            'FEE_WAIVER_CASE_NOT_AIDED',
            'FEE_WAIVER_KIND_MISMATCH',
          ],
        },
        schema: {
          tags,
          summary: 'Draft a request to defer, reduce or waive one fee of a case’s recipient',
          body: createBody,
          response: { 201: z.object({ id: z.string().uuid() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createFeeWaiverRequest(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/fee-waivers/:id',
      {
        config: { access, errors: ['FEE_WAIVER_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One request with its answer (audited)',
          params: idParams,
          response: { 200: requestDetail },
        },
      },
      (request) => feeWaiverDetail(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.post(
      '/fee-waivers/:id/send',
      {
        config: { access, errors: [...IDEMPOTENCY_ERRORS, ...CHANGE_ERRORS] },
        schema: {
          tags,
          summary: 'Send a drafted request: the letter is numbered and can be printed',
          params: idParams,
          body: sendBody,
          response: { 200: stepResult.extend({ letterNumber: z.string() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          sendFeeWaiverRequest(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body.version,
            originOf(request),
          ),
        ),
    );

    r.get(
      '/fee-waivers/:id/letter.pdf',
      {
        config: { access, errors: ['FEE_WAIVER_NOT_FOUND', 'FEE_WAIVER_NOT_SENT', 'REPORT_UNRENDERABLE'] },
        schema: {
          tags,
          summary:
            'The request letter (申请函) with a reply form, as a PDF (once sent: it carries its number)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const detail = await feeWaiverDetail(deps, actorOf(request), request.params.id, originOf(request));
        if (!detail.letterNumber) throw new AppError('FEE_WAIVER_NOT_SENT');
        const now = deps.clock.now();
        const layout = feeWaiverLetterLayout(
          detail,
          localeFromHeader(request.headers['accept-language']),
          now,
        );
        const missing = missingGlyphs(textsOf(layout));
        if (missing.length > 0) throw new AppError('REPORT_UNRENDERABLE', { characters: missing.join('') });
        const data = await layoutToPdf(layout, { createdAt: detail.sentAt ? new Date(detail.sentAt) : now });
        return sendPdf(reply, { number: `${layout.title} ${detail.letterNumber}`, data });
      },
    );

    r.post(
      '/fee-waivers/:id/answer',
      {
        config: { access, errors: [...IDEMPOTENCY_ERRORS, ...CHANGE_ERRORS, 'FEE_WAIVER_ANSWER_INVALID'] },
        schema: {
          tags,
          summary:
            'Record the body’s answer: granted, partly granted or refused, the fen saved, the date a deferred fee falls due',
          params: idParams,
          body: answerBody,
          response: { 200: stepResult },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          recordFeeWaiverAnswer(
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
      '/fee-waivers/:id/withdraw',
      {
        config: { access, errors: [...CHANGE_ERRORS] },
        schema: {
          tags,
          summary: 'Withdraw a request not yet answered, with the reason',
          params: idParams,
          body: withdrawBody,
          response: { 200: stepResult },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          withdrawFeeWaiverRequest(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          ),
        ),
    );
  };
}
