import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  beijingDateOf,
  DEFAULT_BANK_FILE_LAYOUT,
  matchBankReturn,
  transferLines,
  type BankFileLayout,
  type ReturnRow,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  bankFileLayouts,
  payeeBankAccounts,
  subsidyBatches,
  subsidyBatchItems,
  subsidyCalculations,
  subsidyPayments,
  subsidyTransferLines,
  type BatchStatus,
  type SubsidyBatchRow,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { runEvent } from '../applications/run-event.ts';
import { scopedCase } from '../casework/case-access.ts';
import type { NewBatchInput } from './subsidies.schemas.ts';
import { refreshCaseSubsidyLines } from './subsidy-commitments.ts';

const audit = (deps: AppDeps) => ({ cipher: deps.cipher, at: deps.clock.now() });

/** The key a transfer line groups by: one line per law firm, or per handler paid directly. */
export const payeeKeyOf = (p: { payeeKind: string; payeeFirmId: string | null; handlerId: string }) =>
  p.payeeKind === 'law_firm' ? `firm:${p.payeeFirmId}` : `handler:${p.handlerId}`;

/** The organisation's bank file layout, or the default until it saves one. */
export async function bankLayoutOf(db: Queryable, organisationId: string) {
  const [row] = await db
    .select()
    .from(bankFileLayouts)
    .where(eq(bankFileLayouts.organisationId, organisationId));
  return (
    row ?? { organisationId, layout: DEFAULT_BANK_FILE_LAYOUT, version: 0, updatedAt: null, updatedBy: null }
  );
}

/**
 * Finance gathers the approved subsidies of its scope, approved within the period (Beijing dates),
 * of all payees, law firms, handlers paid directly, or one firm or handler, into a draft batch:
 * one transfer line per payee. Each subsidy moves to `batched`; the unique index on live batch
 * items keeps it out of any other batch. Numbered `BT{year}-{seq:4}` per organisation.
 */
export async function createBatch(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewBatchInput,
  origin: RequestOrigin,
): Promise<string> {
  if (input.periodFrom > input.periodTo)
    throw new AppError('SUBSIDY_BATCH_PERIOD_INVALID', { field: 'periodTo' });
  const from = new Date(`${input.periodFrom}T00:00:00+08:00`);
  const to = new Date(Date.parse(`${input.periodTo}T00:00:00+08:00`) + 86_400_000);
  const payee = input.payee;
  const calculations = await tx
    .select()
    .from(subsidyCalculations)
    .where(
      and(
        ownerInScope(actor.scope, subsidyCalculations.organisationId),
        eq(subsidyCalculations.status, 'approved'),
        gte(subsidyCalculations.reviewedAt, from),
        lte(subsidyCalculations.reviewedAt, to),
        payee.kind === 'all' ? sql`true` : eq(subsidyCalculations.payeeKind, payee.kind),
        payee.firmId ? eq(subsidyCalculations.payeeFirmId, payee.firmId) : sql`true`,
        payee.handlerId ? eq(subsidyCalculations.handlerId, payee.handlerId) : sql`true`,
      ),
    )
    .for('update');
  if (calculations.length === 0) throw new AppError('SUBSIDY_BATCH_EMPTY');

  const now = deps.clock.now();
  const year = beijingDateOf(now).slice(0, 4);
  const organisationId = actor.organisation.id;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`subsidy-batch:${organisationId}`}))`);
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(subsidyBatches)
    .where(
      and(
        eq(subsidyBatches.organisationId, organisationId),
        sql`${subsidyBatches.number} LIKE ${`BT${year}-%`}`,
      ),
    )) as [{ n: number }];
  const number = `BT${year}-${String(n + 1).padStart(4, '0')}`;
  const byId = new Map(calculations.map((c) => [c.id, c]));
  const lines = transferLines(
    number,
    calculations.map((c) => ({
      id: c.id,
      payeeKey: payeeKeyOf(c),
      payeeName: c.payeeName,
      amountFen: c.totalFen,
    })),
  );
  const batchId = randomUUID();
  const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  await tx.insert(subsidyBatches).values({
    id: batchId,
    organisationId,
    number,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    payeeFilter: payee,
    status: 'draft',
    totalFen,
    lineCount: lines.length,
    subsidyCount: calculations.length,
    createdBy: actor.userId,
    createdAt: now,
  });
  for (const line of lines) {
    const first = byId.get(line.subsidyIds[0]!)!;
    const lineId = randomUUID();
    await tx.insert(subsidyTransferLines).values({
      id: lineId,
      batchId,
      seq: line.seq,
      reference: line.reference,
      payeeKind: first.payeeKind,
      payeeFirmId: first.payeeFirmId,
      payeeHandlerId: first.payeeKind === 'handler' ? first.handlerId : null,
      payeeName: line.payeeName,
      amountFen: line.amountFen,
      status: 'open',
    });
    await tx.insert(subsidyBatchItems).values(
      line.subsidyIds.map((calculationId) => ({
        id: randomUUID(),
        batchId,
        lineId,
        calculationId,
        applicationId: byId.get(calculationId)!.applicationId,
        amountFen: byId.get(calculationId)!.totalFen,
        status: 'open' as const,
      })),
    );
  }
  await tx
    .update(subsidyCalculations)
    .set({ status: 'batched', version: sql`${subsidyCalculations.version} + 1` })
    .where(inArray(subsidyCalculations.id, [...byId.keys()]));
  await recordAudit(tx, audit(deps), origin, {
    action: 'subsidy_batches.create',
    entityType: 'subsidy_batches',
    entityId: batchId,
    organisationId,
    changes: {
      number: { after: number },
      totalFen: { after: totalFen },
      calculationIds: { after: [...byId.keys()].sort() },
    },
  });
  return batchId;
}

/** The batch in the actor's scope, locked, at the version the caller saw. */
export async function lockedBatch(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
): Promise<SubsidyBatchRow> {
  const [row] = await tx
    .select()
    .from(subsidyBatches)
    .where(and(eq(subsidyBatches.id, id), ownerInScope(actor.scope, subsidyBatches.organisationId)))
    .for('update');
  if (!row) throw new AppError('SUBSIDY_BATCH_NOT_FOUND');
  if (version !== undefined && version !== row.version) throw new AppError('SUBSIDY_BATCH_STALE');
  return row;
}

function expectBatch(row: SubsidyBatchRow, ...open: BatchStatus[]): void {
  if (!open.includes(row.status)) throw new AppError('SUBSIDY_BATCH_STEP_NOT_OPEN', { status: row.status });
}

async function moveBatch(
  deps: AppDeps,
  tx: Tx,
  row: SubsidyBatchRow,
  step: { status: BatchStatus; action: string; origin: RequestOrigin },
  set: Partial<typeof subsidyBatches.$inferInsert> = {},
  changes: Record<string, { before?: unknown; after: unknown }> = {},
): Promise<void> {
  await tx
    .update(subsidyBatches)
    .set({ ...set, status: step.status, version: row.version + 1 })
    .where(eq(subsidyBatches.id, row.id));
  await recordAudit(tx, audit(deps), step.origin, {
    action: `subsidy_batches.${step.action}`,
    entityType: 'subsidy_batches',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: step.status }, ...changes },
  });
}

/**
 * Finance submits a draft for the director's approval: every payee must have a bank account on
 * file, and each line keeps the account as it stands now (the number sealed).
 */
export async function submitBatch(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedBatch(tx, actor, id, version);
  expectBatch(row, 'draft');
  const lines = await tx.select().from(subsidyTransferLines).where(eq(subsidyTransferLines.batchId, id));
  const missing: string[] = [];
  for (const line of lines) {
    const [account] = await tx
      .select()
      .from(payeeBankAccounts)
      .where(
        line.payeeKind === 'law_firm'
          ? eq(payeeBankAccounts.payeeFirmId, line.payeeFirmId!)
          : eq(payeeBankAccounts.payeeHandlerId, line.payeeHandlerId!),
      );
    if (!account) {
      missing.push(line.payeeName);
      continue;
    }
    await tx
      .update(subsidyTransferLines)
      .set({
        accountName: account.accountName,
        bankName: account.bankName,
        accountNumberSealed: account.accountNumberSealed,
      })
      .where(eq(subsidyTransferLines.id, line.id));
  }
  if (missing.length > 0) {
    const list = missing.join('、');
    throw new AppError('SUBSIDY_ACCOUNT_MISSING', { payees: missing }, { 'zh-CN': list, 'en-US': list });
  }
  await moveBatch(
    deps,
    tx,
    row,
    { status: 'submitted', action: 'submit', origin },
    { submittedAt: deps.clock.now() },
  );
}

/** The director approves a submitted batch made by someone else; then it may be exported and paid. */
export async function approveBatch(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedBatch(tx, actor, id, version);
  expectBatch(row, 'submitted');
  if (row.createdBy === actor.userId) throw new AppError('SUBSIDY_BATCH_APPROVER_SAME');
  await moveBatch(
    deps,
    tx,
    row,
    { status: 'approved', action: 'approve', origin },
    { approvedBy: actor.userId, approvedAt: deps.clock.now() },
  );
}

/**
 * A batch not yet approved is cancelled (or the director sends a submitted one back this way): its
 * items are removed and its subsidies return to `approved`, free for another batch.
 */
export async function cancelBatch(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedBatch(tx, actor, id, version);
  expectBatch(row, 'draft', 'submitted');
  const items = await tx
    .update(subsidyBatchItems)
    .set({ status: 'removed' })
    .where(and(eq(subsidyBatchItems.batchId, id), eq(subsidyBatchItems.status, 'open')))
    .returning({ calculationId: subsidyBatchItems.calculationId });
  if (items.length > 0)
    await tx
      .update(subsidyCalculations)
      .set({ status: 'approved', version: sql`${subsidyCalculations.version} + 1` })
      .where(
        inArray(
          subsidyCalculations.id,
          items.map((i) => i.calculationId),
        ),
      );
  await moveBatch(deps, tx, row, { status: 'cancelled', action: 'cancel', origin });
}

/** What applying a return file did, line by line. */
export interface ReturnReport {
  paid: number;
  failed: number;
  unknownReferences: string[];
  alreadySettled: string[];
  settled: boolean;
}

/**
 * Applies the bank's return file to an approved batch: each paid line pays its subsidies — one
 * `subsidy_payments` row per case (unique), `record_subsidy_paid` on the case, the subsidy `paid` —
 * and each failed line frees its subsidies for another batch. A line already settled, a repeated
 * row or a second upload of the same file changes nothing: nothing is paid twice. The batch is
 * settled when no line is open.
 */
export async function applyBankReturn(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  rows: readonly ReturnRow[],
  layout: BankFileLayout,
  origin: RequestOrigin,
): Promise<ReturnReport> {
  const batch = await lockedBatch(tx, actor, id, undefined);
  expectBatch(batch, 'approved', 'settled');
  const lines = await tx.select().from(subsidyTransferLines).where(eq(subsidyTransferLines.batchId, id));
  const open = new Set(lines.filter((l) => l.status === 'open').map((l) => l.reference));
  const all = new Set(lines.map((l) => l.reference));
  const outcomes = matchBankReturn(open, rows, layout.successValues);
  const today = beijingDateOf(deps.clock.now());
  const report: ReturnReport = {
    paid: 0,
    failed: 0,
    unknownReferences: [],
    alreadySettled: [],
    settled: false,
  };
  const now = deps.clock.now();
  for (const outcome of outcomes) {
    if (outcome.kind === 'unknown_reference') {
      (all.has(outcome.reference) ? report.alreadySettled : report.unknownReferences).push(outcome.reference);
      continue;
    }
    if (outcome.kind === 'already_settled') {
      report.alreadySettled.push(outcome.reference);
      continue;
    }
    const line = lines.find((l) => l.reference === outcome.reference)!;
    const items = await tx
      .select()
      .from(subsidyBatchItems)
      .where(and(eq(subsidyBatchItems.lineId, line.id), eq(subsidyBatchItems.status, 'open')));
    if (outcome.kind === 'failed') {
      await tx
        .update(subsidyTransferLines)
        .set({ status: 'failed', failureMessage: outcome.message, settledAt: now })
        .where(eq(subsidyTransferLines.id, line.id));
      await tx
        .update(subsidyBatchItems)
        .set({ status: 'failed' })
        .where(eq(subsidyBatchItems.lineId, line.id));
      if (items.length > 0)
        await tx
          .update(subsidyCalculations)
          .set({ status: 'approved', version: sql`${subsidyCalculations.version} + 1` })
          .where(
            inArray(
              subsidyCalculations.id,
              items.map((i) => i.calculationId),
            ),
          );
      report.failed += 1;
      continue;
    }
    if (outcome.paidOn > today)
      throw new AppError('SUBSIDY_PAID_ON_IN_FUTURE', { reference: outcome.reference });
    await tx
      .update(subsidyTransferLines)
      .set({ status: 'paid', bankSerial: outcome.bankSerial, paidOn: outcome.paidOn, settledAt: now })
      .where(eq(subsidyTransferLines.id, line.id));
    for (const item of items) await payItem(deps, tx, actor, item, { batch, line, outcome }, origin);
    report.paid += 1;
  }
  const stillOpen = await tx
    .select({ id: subsidyTransferLines.id })
    .from(subsidyTransferLines)
    .where(and(eq(subsidyTransferLines.batchId, id), eq(subsidyTransferLines.status, 'open')));
  report.settled = stillOpen.length === 0;
  if (report.paid > 0)
    await refreshCaseSubsidyLines(deps, tx, batch.organisationId, Number(today.slice(0, 4)));
  await moveBatch(
    deps,
    tx,
    batch,
    { status: report.settled ? 'settled' : batch.status, action: 'bank_return', origin },
    report.settled && !batch.settledAt ? { settledAt: now } : {},
    {
      paid: { after: report.paid },
      failed: { after: report.failed },
      unknownReferences: { after: report.unknownReferences },
    },
  );
  return report;
}

async function payItem(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  item: typeof subsidyBatchItems.$inferSelect,
  paid: {
    batch: SubsidyBatchRow;
    line: typeof subsidyTransferLines.$inferSelect;
    outcome: { bankSerial: string; paidOn: string };
  },
  origin: RequestOrigin,
): Promise<void> {
  const [calc] = await tx
    .select()
    .from(subsidyCalculations)
    .where(eq(subsidyCalculations.id, item.calculationId))
    .for('update');
  if (!calc) throw new AppError('SUBSIDY_CALCULATION_NOT_FOUND');
  const { app } = await scopedCase(tx, actor, item.applicationId, true);
  const paymentId = randomUUID();
  const reference = paid.outcome.bankSerial || paid.line.reference;
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'record_subsidy_paid' },
    actor,
    origin,
    payload: {
      paymentId,
      amountFen: item.amountFen,
      paidOn: paid.outcome.paidOn,
      paymentReference: reference,
      batch: paid.batch.number,
      payeeKind: calc.payeeKind,
      payeeId: calc.payeeFirmId ?? calc.handlerId,
    },
  });
  await tx.insert(subsidyPayments).values({
    id: paymentId,
    applicationId: item.applicationId,
    handlerId: calc.handlerId,
    payeeKind: calc.payeeKind,
    payeeFirmId: calc.payeeFirmId,
    payeeName: calc.payeeName,
    amountFen: item.amountFen,
    paidOn: paid.outcome.paidOn,
    paymentReference: reference,
    recordedBy: actor.userId,
    recordedAt: deps.clock.now(),
    batchId: paid.batch.id,
    rateRuleId: calc.baseRuleId,
    calculationId: calc.id,
    transferLineId: paid.line.id,
  });
  await tx.update(subsidyBatchItems).set({ status: 'paid' }).where(eq(subsidyBatchItems.id, item.id));
  await tx
    .update(subsidyCalculations)
    .set({ status: 'paid', paymentId, version: calc.version + 1 })
    .where(eq(subsidyCalculations.id, calc.id));
}
