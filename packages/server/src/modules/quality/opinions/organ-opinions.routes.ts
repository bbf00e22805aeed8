import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingDateOf } from '@fayuan/domain';
import { eq } from 'drizzle-orm';
import { organisations } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { localeFromHeader } from '../../../platform/locale.ts';
import { sendPdf } from '../../../platform/http/files.ts';
import { layoutToPdf } from '../../../platform/documents/pdf/pdf.ts';
import { missingGlyphs } from '../../../platform/documents/pdf/fonts.ts';
import { textsOf } from '../../../platform/documents/pdf/layout.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  cancelOpinionRequest,
  createOpinionRequest,
  recordPaperAnswer,
  sendOpinionRequest,
} from './organ-opinions.ts';
import { caseForOpinion, opinionRequestDetail, opinionRequestsInScope } from './organ-opinion-views.ts';
import { opinionLetterLayout } from './organ-opinion-letter.ts';
import {
  cancelBody,
  caseLookup,
  caseQuery,
  createBody,
  idParams,
  listQuery,
  requestDetail,
  requestItem,
  sendBody,
  staffAnswerBody,
  stepResult,
} from './organ-opinions.schemas.ts';

const tags = ['quality'];
const access = 'quality.opinion' as const;
const CHANGE_ERRORS = [
  'ORGAN_OPINION_NOT_FOUND',
  'ORGAN_OPINION_STEP_NOT_OPEN',
  'ORGAN_OPINION_STALE',
] as const;

/**
 * The case-handling organs' opinions (征询办案机关意见, LAL art.59; OPN (六); SF/T 0032-2023 11.5):
 * a request per case to its court, procuratorate or police, sent by the partner API or printed,
 * and the answer recorded (issue 15).
 */
export function organOpinionRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/quality/organ-opinions',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Requests for the organs’ opinions of the caller’s centres, those awaiting an answer first',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(requestItem) }) },
        },
      },
      async (request) => ({
        items: await opinionRequestsInScope(deps.db, actorOf(request).scope, request.query.status),
      }),
    );

    r.get(
      '/quality/organ-opinions/case',
      {
        config: { access, errors: ['ORGAN_OPINION_CASE_NOT_FOUND'] },
        schema: {
          tags,
          summary:
            'A case by its number, with the organ a request would go to (the one that sent the notice) and the items in force',
          querystring: caseQuery,
          response: { 200: caseLookup },
        },
      },
      (request) =>
        caseForOpinion(
          deps.db,
          actorOf(request).scope,
          request.query.number,
          beijingDateOf(deps.clock.now()),
        ),
    );

    r.post(
      '/quality/organ-opinions',
      {
        config: {
          access,
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'ORGAN_OPINION_CASE_NOT_FOUND',
            'ORGAN_OPINION_NO_HANDLER',
            'ORGAN_OPINION_PARTNER_INVALID',
            'ORGAN_OPINION_DUE_INVALID',
          ],
        },
        schema: {
          tags,
          summary:
            'Draft a request for the organ’s opinion of a case: by the partner API when the organ is a partner, else printed',
          body: createBody,
          response: { 201: z.object({ id: z.string().uuid() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createOpinionRequest(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/quality/organ-opinions/:id',
      {
        config: { access, errors: ['ORGAN_OPINION_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One request: the organ, the items asked and the answer (audited)',
          params: idParams,
          response: { 200: requestDetail },
        },
      },
      (request) => opinionRequestDetail(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.post(
      '/quality/organ-opinions/:id/send',
      {
        config: {
          access,
          errors: [...IDEMPOTENCY_ERRORS, ...CHANGE_ERRORS, 'ORGAN_OPINION_PARTNER_INVALID'],
        },
        schema: {
          tags,
          summary:
            'Send a drafted request: a partner organ gets the event opinion_requested; any other is marked printed',
          params: idParams,
          body: sendBody,
          response: { 200: stepResult },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          sendOpinionRequest(
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
      '/quality/organ-opinions/:id/letter.pdf',
      {
        config: { access, errors: ['ORGAN_OPINION_NOT_FOUND', 'REPORT_UNRENDERABLE'] },
        schema: {
          tags,
          summary: 'The letter (征询意见函) with the items to rate and a reply form, as a PDF',
          params: idParams,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const detail = await opinionRequestDetail(deps, actor, request.params.id, originOf(request));
        const [org] = await deps.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, actor.organisationId));
        const locale = localeFromHeader(request.headers['accept-language']);
        const now = deps.clock.now();
        const layout = opinionLetterLayout(detail, org?.name ?? '', locale, now);
        const missing = missingGlyphs(textsOf(layout));
        if (missing.length > 0) throw new AppError('REPORT_UNRENDERABLE', { characters: missing.join('') });
        const data = await layoutToPdf(layout, { createdAt: now });
        return sendPdf(reply, { number: `${layout.title} ${detail.applicationNumber}`, data });
      },
    );

    r.post(
      '/quality/organ-opinions/:id/answer',
      {
        config: {
          access,
          errors: [
            ...IDEMPOTENCY_ERRORS,
            ...CHANGE_ERRORS,
            'ORGAN_OPINION_ALREADY_ANSWERED',
            'ORGAN_OPINION_ANSWER_INVALID',
          ],
        },
        schema: {
          tags,
          summary:
            'Record an answer that came on paper: a rating 1–5 per item, words; any 1 or 2 counts on the handler’s record',
          params: idParams,
          body: staffAnswerBody,
          response: { 200: stepResult.extend({ poorItems: z.array(z.string()) }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, (tx) =>
          recordPaperAnswer(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.post(
      '/quality/organ-opinions/:id/cancel',
      {
        config: { access, errors: [...CHANGE_ERRORS] },
        schema: {
          tags,
          summary: 'Cancel a request not yet answered, with the reason',
          params: idParams,
          body: cancelBody,
          response: { 200: stepResult },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          cancelOpinionRequest(
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
