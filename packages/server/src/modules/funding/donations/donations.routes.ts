import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/context.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { localeFromHeader } from '../../../platform/locale.ts';
import { sendPdf } from '../../../platform/http/files.ts';
import { layoutToPdf } from '../../../platform/documents/pdf/pdf.ts';
import { missingGlyphs } from '../../../platform/documents/pdf/fonts.ts';
import { textsOf } from '../../../platform/documents/pdf/layout.ts';
import { AppError } from '../../../platform/errors.ts';
import { idParams } from '../funding.schemas.ts';
import { recordDonation, recordDonationUse } from './donations.ts';
import { donationDetail, donationsInScope } from './donation-views.ts';
import { donationReceiptLayout } from './donation-receipt.ts';
import { createDonationBody, donationDetailSchema, donationItem, useBody } from './donations.schemas.ts';

const tags = ['funding'];

/** Social donations (社会捐赠, LAL art.9): received with a numbered receipt, and their use. */
export function donationRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/funding/donations',
      {
        config: { access: 'funding.read' },
        schema: {
          tags,
          summary:
            'The donations received by the caller’s centres, newest first, with what was used and what is left',
          response: { 200: z.object({ items: z.array(donationItem) }) },
        },
      },
      async (request) => ({ items: await donationsInScope(deps.db, actorOf(request).scope) }),
    );

    r.post(
      '/funding/donations',
      {
        config: { access: 'funding.manage', errors: [...IDEMPOTENCY_ERRORS] },
        schema: {
          tags,
          summary:
            'Record a donation received: donor, purpose, amount in fen, date; it gets the next receipt number',
          body: createDonationBody,
          response: { 201: z.object({ id: z.string().uuid(), receiptNumber: z.string() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordDonation(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/funding/donations/:id',
      {
        config: { access: 'funding.read', errors: ['DONATION_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'One donation with its uses',
          params: idParams,
          response: { 200: donationDetailSchema },
        },
      },
      (request) => donationDetail(deps.db, actorOf(request).scope, request.params.id),
    );

    r.post(
      '/funding/donations/:id/uses',
      {
        config: {
          access: 'funding.manage',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'DONATION_NOT_FOUND',
            'DONATION_OVERUSED',
            'DONATION_CASE_NOT_FOUND',
            'BUDGET_LINE_UNUSABLE',
          ],
        },
        schema: {
          tags,
          summary:
            'Record a use of a donation, spent from a budget line of its year, optionally for a case; never more than is left',
          params: idParams,
          body: useBody,
          response: { 201: z.object({ id: z.string().uuid(), leftFen: z.number().int() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordDonationUse(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.get(
      '/funding/donations/:id/receipt.pdf',
      {
        config: { access: 'funding.read', errors: ['DONATION_NOT_FOUND', 'REPORT_UNRENDERABLE'] },
        schema: {
          tags,
          summary: 'The donation’s receipt (捐赠收据) as a PDF',
          params: idParams,
        },
      },
      async (request, reply) => {
        const detail = await donationDetail(deps.db, actorOf(request).scope, request.params.id);
        const layout = donationReceiptLayout(detail, localeFromHeader(request.headers['accept-language']));
        const missing = missingGlyphs(textsOf(layout));
        if (missing.length > 0) throw new AppError('REPORT_UNRENDERABLE', { characters: missing.join('') });
        const data = await layoutToPdf(layout, { createdAt: deps.clock.now() });
        return sendPdf(reply, { number: `${layout.title} ${detail.receiptNumber}`, data });
      },
    );
  };
}
