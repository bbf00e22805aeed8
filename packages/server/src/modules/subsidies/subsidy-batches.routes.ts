import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BankAccount } from '@fayuan/domain';
import {
  bankFileLayouts,
  organisations,
  subsidyBatches,
  subsidyTransferLines,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { layoutToPdf } from '../../platform/documents/pdf/pdf.ts';
import { missingGlyphs } from '../../platform/documents/pdf/fonts.ts';
import { textsOf } from '../../platform/documents/pdf/layout.ts';
import { disposition, sendPdf } from '../../platform/http/files.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { bankFileBody, parseReturnFile, paymentListLayout, RETURN_FILE_TYPES } from './bank-files.ts';
import {
  bankLayoutBody,
  bankLayoutView,
  batchDetailSchema,
  batchSummarySchema,
  newBatchBody,
  payeeAccountBody,
  payeeAccountSchema,
  returnReportSchema,
  versionBody,
} from './subsidies.schemas.ts';
import {
  applyBankReturn,
  approveBatch,
  bankLayoutOf,
  cancelBatch,
  createBatch,
  lockedBatch,
  submitBatch,
} from './subsidy-batches.ts';
import { batchDetail, batchSummaries, payeeAccounts, savePayeeAccount } from './subsidy-views.ts';
import { idParams, mayApproveSecond, tags } from './subsidies.routes.ts';

const BATCH_ERRORS = [
  ...IDEMPOTENCY_ERRORS,
  'SUBSIDY_BATCH_NOT_FOUND',
  'SUBSIDY_BATCH_STALE',
  'SUBSIDY_BATCH_STEP_NOT_OPEN',
] as const;
const RETURN_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Payment batches (补贴发放, LAL art.52): made by finance, approved by the director, the bank file
 * in the organisation's layout and the bank's return; the payees' accounts and the layout itself.
 */
export function subsidyBatchRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(
      [...RETURN_FILE_TYPES],
      { parseAs: 'buffer', bodyLimit: RETURN_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    r.get(
      '/subsidy-batches',
      {
        config: { access: 'subsidy.read' },
        schema: {
          tags,
          summary: 'Payment batches in scope, newest first',
          response: { 200: z.array(batchSummarySchema) },
        },
      },
      (request) => batchSummaries(deps.db, actorOf(request)),
    );

    r.post(
      '/subsidy-batches',
      {
        config: {
          access: 'subsidy.pay',
          errors: [...IDEMPOTENCY_ERRORS, 'SUBSIDY_BATCH_EMPTY', 'SUBSIDY_BATCH_PERIOD_INVALID'],
        },
        schema: {
          tags,
          summary:
            'Gather the approved subsidies of a period (all payees, law firms, handlers, or one) into a draft batch, one transfer line per payee',
          body: newBatchBody,
          response: { 201: batchDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const id = await createBatch(deps, tx, actorOf(request), request.body, originOf(request));
          return batchDetail({ ...deps, db: tx }, actorOf(request), id);
        }),
    );

    r.get(
      '/subsidy-batches/:id',
      {
        config: { access: 'subsidy.read', errors: ['SUBSIDY_BATCH_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'A batch with its transfer lines (account tails only) and cases',
          params: idParams,
          response: { 200: batchDetailSchema },
        },
      },
      (request) => batchDetail(deps, actorOf(request), request.params.id),
    );

    const batchStep = (
      path: 'submit' | 'approve' | 'cancel',
      summary: string,
      access: 'subsidy.pay' | 'subsidy.approve' | 'signed-in',
      run: typeof submitBatch,
      errors: readonly string[] = [],
    ) =>
      r.post(
        `/subsidy-batches/:id/${path}`,
        {
          config: { access, errors: [...BATCH_ERRORS, ...errors] as never },
          schema: {
            tags,
            summary,
            params: idParams,
            body: versionBody,
            response: { 200: batchDetailSchema },
          },
        },
        (request, reply) =>
          createIdempotently(deps, request, reply, 200, async (tx) => {
            if (path === 'cancel') mayApproveSecond(request);
            await run(deps, tx, actorOf(request), request.params.id, request.body.version, originOf(request));
            return batchDetail({ ...deps, db: tx }, actorOf(request), request.params.id);
          }),
      );
    batchStep(
      'submit',
      'Finance submits a draft for approval; every payee needs a bank account on file',
      'subsidy.pay',
      submitBatch,
      ['SUBSIDY_ACCOUNT_MISSING'],
    );
    batchStep(
      'approve',
      'The director approves a submitted batch made by someone else',
      'subsidy.approve',
      approveBatch,
      ['SUBSIDY_BATCH_APPROVER_SAME'],
    );
    batchStep(
      'cancel',
      'A draft or submitted batch is cancelled; its subsidies are free for another batch',
      'signed-in',
      cancelBatch,
      ['FORBIDDEN'],
    );

    r.get(
      '/subsidy-batches/:id/bank-file',
      {
        config: { access: 'subsidy.pay', errors: ['SUBSIDY_BATCH_NOT_FOUND', 'SUBSIDY_BATCH_STEP_NOT_OPEN'] },
        schema: {
          tags,
          summary:
            'The bank transfer file of an approved batch in the organisation’s column layout (.xlsx or CSV); each download is audited',
          params: idParams,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await deps.db.transaction(async (tx) => {
          const batch = await lockedBatch(tx, actor, request.params.id, undefined);
          if (batch.status !== 'approved' && batch.status !== 'settled')
            throw new AppError('SUBSIDY_BATCH_STEP_NOT_OPEN', { status: batch.status });
          const lines = await tx
            .select()
            .from(subsidyTransferLines)
            .where(eq(subsidyTransferLines.batchId, batch.id))
            .orderBy(subsidyTransferLines.seq);
          const accounts = new Map<string, BankAccount>();
          for (const l of lines)
            accounts.set(l.reference, {
              accountName: l.accountName ?? '',
              bankName: l.bankName ?? '',
              accountNumber: l.accountNumberSealed ? deps.cipher.open(l.accountNumberSealed) : '',
            });
          const { layout } = await bankLayoutOf(tx, batch.organisationId);
          const file = await bankFileBody(
            layout,
            lines.map((l) => ({
              seq: l.seq,
              reference: l.reference,
              payeeKey: l.reference,
              payeeName: l.payeeName,
              subsidyIds: [],
              amountFen: l.amountFen,
            })),
            accounts,
            `法律援助补贴 ${batch.number}`,
          );
          const now = deps.clock.now();
          if (!batch.exportedAt)
            await tx.update(subsidyBatches).set({ exportedAt: now }).where(eq(subsidyBatches.id, batch.id));
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'subsidy_batches.export_bank_file',
            entityType: 'subsidy_batches',
            entityId: batch.id,
            organisationId: batch.organisationId,
            changes: { format: { after: layout.format }, lines: { after: lines.length } },
          });
          return { ...file, number: batch.number };
        });
        return reply
          .header('content-type', result.contentType)
          .header('content-disposition', disposition('attachment', `${result.number}.${result.extension}`))
          .header('cache-control', 'no-store')
          .send(result.body);
      },
    );

    r.get(
      '/subsidy-batches/:id/payment-list.pdf',
      {
        config: { access: 'subsidy.read', errors: ['SUBSIDY_BATCH_NOT_FOUND', 'REPORT_UNRENDERABLE'] },
        schema: { tags, summary: 'The payment list of a batch (补贴发放明细表), as a PDF', params: idParams },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const detail = await batchDetail(deps, actor, request.params.id);
        const [org] = await deps.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, actor.organisation.id));
        const now = deps.clock.now();
        const layout = paymentListLayout(
          detail,
          detail.lines.map((l) => ({
            reference: l.reference,
            payeeName: l.payeeName,
            bankName: l.bankName,
            tail: l.accountTail,
            amountFen: l.amountFen,
            cases: l.subsidies.filter((s) => s.status !== 'removed').map((s) => s.applicationNumber),
          })),
          org?.name ?? '',
          localeFromHeader(request.headers['accept-language']),
          now,
        );
        const missing = missingGlyphs(textsOf(layout));
        if (missing.length > 0) throw new AppError('REPORT_UNRENDERABLE', { characters: missing.join('') });
        return sendPdf(reply, {
          number: `${layout.title} ${detail.number}`,
          data: await layoutToPdf(layout, { createdAt: now }),
        });
      },
    );

    r.post(
      '/subsidy-batches/:id/bank-return',
      {
        config: {
          access: 'subsidy.pay',
          upload: [...RETURN_FILE_TYPES],
          errors: [
            'SUBSIDY_BATCH_NOT_FOUND',
            'SUBSIDY_BATCH_STEP_NOT_OPEN',
            'SUBSIDY_RETURN_INVALID',
            'SUBSIDY_PAID_ON_IN_FUTURE',
          ],
        },
        bodyLimit: RETURN_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Apply the bank’s return file (.xlsx or CSV, raw body): paid lines pay their cases once, failed lines free their subsidies; a repeated file changes nothing',
          params: idParams,
          response: { 200: returnReportSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const body = request.body as Buffer;
        return deps.db.transaction(async (tx) => {
          const batch = await lockedBatch(tx, actor, request.params.id, undefined);
          const { layout } = await bankLayoutOf(tx, batch.organisationId);
          const rows = await parseReturnFile(body, layout);
          return applyBankReturn(deps, tx, actor, batch.id, rows, layout, originOf(request));
        });
      },
    );

    r.get(
      '/subsidy-payees',
      {
        config: { access: 'subsidy.pay' },
        schema: {
          tags,
          summary: 'The payees of subsidies in scope and their bank accounts (bank and last four digits)',
          response: { 200: z.array(payeeAccountSchema) },
        },
      },
      (request) => payeeAccounts(deps.db, actorOf(request)),
    );

    r.put(
      '/subsidy-payees/account',
      {
        config: {
          access: 'subsidy.pay',
          errors: [
            ...IDEMPOTENCY_ERRORS,
            'SUBSIDY_ACCOUNT_INVALID',
            'SUBSIDY_PAYEE_NOT_FOUND',
            'SUBSIDY_CALCULATION_STALE',
          ],
        },
        schema: {
          tags,
          summary: 'Save a payee’s bank account (the number sealed at rest; audited without it)',
          body: payeeAccountBody,
          response: { 200: z.array(payeeAccountSchema) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          await savePayeeAccount(deps, tx, actorOf(request), request.body, originOf(request));
          return payeeAccounts(tx, actorOf(request));
        }),
    );

    r.get(
      '/subsidy-bank-layout',
      {
        config: { access: 'subsidy.pay' },
        schema: {
          tags,
          summary: 'The organisation’s bank file layout (the default until saved)',
          response: { 200: bankLayoutView },
        },
      },
      async (request) => {
        const row = await bankLayoutOf(deps.db, actorOf(request).organisation.id);
        return { layout: row.layout, version: row.version, saved: row.version > 0 };
      },
    );

    r.put(
      '/subsidy-bank-layout',
      {
        config: {
          access: 'subsidy.pay',
          errors: [...IDEMPOTENCY_ERRORS, 'SUBSIDY_LAYOUT_INVALID', 'SUBSIDY_BATCH_STALE'],
        },
        schema: {
          tags,
          summary:
            'Save the bank file layout: columns in order with their headers, the return file’s headers',
          body: bankLayoutBody,
          response: { 200: bankLayoutView },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 200, async (tx) => {
          const actor = actorOf(request);
          const { layout, version } = request.body;
          const headers = layout.columns.map((c) => c.header);
          if (new Set(headers).size !== headers.length)
            throw new AppError('SUBSIDY_LAYOUT_INVALID', { field: 'columns' });
          const current = await bankLayoutOf(tx, actor.organisation.id);
          if (current.version !== version) throw new AppError('SUBSIDY_BATCH_STALE');
          const now = deps.clock.now();
          await tx
            .insert(bankFileLayouts)
            .values({
              organisationId: actor.organisation.id,
              layout,
              updatedBy: actor.userId,
              updatedAt: now,
              version: 1,
            })
            .onConflictDoUpdate({
              target: bankFileLayouts.organisationId,
              set: { layout, updatedBy: actor.userId, updatedAt: now, version: version + 1 },
            });
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'bank_file_layouts.save',
            entityType: 'bank_file_layouts',
            entityId: actor.organisation.id,
            organisationId: actor.organisation.id,
            changes: { layout: { before: current.layout, after: layout } },
          });
          return { layout, version: version + 1, saved: true };
        }),
    );
  };
}
