import { randomUUID } from 'node:crypto';
import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  or,
  sql,
} from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applications,
  handlers,
  payeeBankAccounts,
  subsidyBatches,
  subsidyBatchItems,
  subsidyCalculations,
  subsidyPayments,
  subsidyTransferLines,
  users,
  type CalculationStatus,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { subsidyRulesOn } from './subsidy-calculation.ts';
import type { BatchDetail, CalculationView, PayeeAccountInput } from './subsidies.schemas.ts';

const reviewer = aliasedTable(users, 'reviewer');
const second = aliasedTable(users, 'second_approver');
const person = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);

/** A calculation with its case, payee, reviewers, batch and payment, as finance and the case file see it. */
export async function calculationViews(
  db: Queryable,
  where: ReturnType<typeof and>,
  paging?: { limit: number; offset: number },
): Promise<CalculationView[]> {
  const query = db
    .select({
      c: subsidyCalculations,
      number: applications.number,
      caseType: applications.caseType,
      state: applications.state,
      handlerName: handlers.name,
      reviewerName: reviewer.displayName,
      secondName: second.displayName,
      batchId: subsidyBatches.id,
      batchNumber: subsidyBatches.number,
      paidOn: subsidyPayments.paidOn,
    })
    .from(subsidyCalculations)
    .innerJoin(applications, eq(applications.id, subsidyCalculations.applicationId))
    .innerJoin(handlers, eq(handlers.id, subsidyCalculations.handlerId))
    .leftJoin(reviewer, eq(reviewer.id, subsidyCalculations.reviewedBy))
    .leftJoin(second, eq(second.id, subsidyCalculations.secondApprovedBy))
    .leftJoin(
      subsidyBatchItems,
      and(
        eq(subsidyBatchItems.calculationId, subsidyCalculations.id),
        inArray(subsidyBatchItems.status, ['open', 'paid']),
      ),
    )
    .leftJoin(subsidyBatches, eq(subsidyBatches.id, subsidyBatchItems.batchId))
    .leftJoin(subsidyPayments, eq(subsidyPayments.applicationId, subsidyCalculations.applicationId))
    .where(where)
    .orderBy(desc(subsidyCalculations.calculatedAt), asc(subsidyCalculations.id));
  const rows = paging ? await query.limit(paging.limit).offset(paging.offset) : await query;
  const thresholds = new Map<string, number | null>();
  const views: CalculationView[] = [];
  for (const r of rows) {
    const c = r.c;
    if (!thresholds.has(c.organisationId)) {
      const { policy } = await subsidyRulesOn(db, c.organisationId, beijingDateOf(new Date()));
      thresholds.set(c.organisationId, policy?.secondApprovalAboveFen ?? null);
    }
    views.push({
      id: c.id,
      applicationId: c.applicationId,
      applicationNumber: r.number,
      caseType: r.caseType,
      caseState: r.state,
      handler: { id: c.handlerId, name: r.handlerName },
      payee: { kind: c.payeeKind, id: c.payeeFirmId ?? c.handlerId, name: c.payeeName },
      status: c.status,
      basisDate: c.basisDate,
      dateBasis: c.dateBasis,
      items: c.items,
      problems: c.problems,
      complete: c.complete,
      declared: c.declared,
      costs: c.costs,
      computedFen: c.computedFen,
      adjustmentFen: c.adjustmentFen,
      adjustmentReason: c.adjustmentReason,
      totalFen: c.totalFen,
      secondApprovalAboveFen: thresholds.get(c.organisationId) ?? null,
      ruleIds: c.ruleIds,
      ruleVersion: c.ruleVersion,
      policyRuleId: c.policyRuleId,
      calculatedAt: c.calculatedAt.toISOString(),
      reviewedBy: person(c.reviewedBy, r.reviewerName),
      reviewedAt: c.reviewedAt?.toISOString() ?? null,
      secondApprovedBy: person(c.secondApprovedBy, r.secondName),
      batch: r.batchId && r.batchNumber ? { id: r.batchId, number: r.batchNumber } : null,
      paidOn: r.paidOn ?? null,
      version: c.version,
    });
  }
  return views;
}

export async function calculationById(db: Queryable, actor: Actor, id: string): Promise<CalculationView> {
  const [view] = await calculationViews(
    db,
    and(eq(subsidyCalculations.id, id), ownerInScope(actor.scope, subsidyCalculations.organisationId)),
  );
  if (!view) throw new AppError('SUBSIDY_CALCULATION_NOT_FOUND');
  return view;
}

export async function listCalculations(
  db: Queryable,
  actor: Actor,
  q: { status?: CalculationStatus | undefined; page: number; pageSize: number },
) {
  const where = and(
    ownerInScope(actor.scope, subsidyCalculations.organisationId),
    q.status ? eq(subsidyCalculations.status, q.status) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(subsidyCalculations).where(where);
  const items = await calculationViews(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    total: total?.n ?? 0,
    items: items.map(({ items: _i, problems: _p, costs: _c, declared: _d, ruleIds: _r, ...rest }) => rest),
  };
}

const creator = aliasedTable(users, 'creator');
const approver = aliasedTable(users, 'approver');

export async function batchSummaries(db: Queryable, actor: Actor, id?: string) {
  const rows = await db
    .select({
      ...getTableColumns(subsidyBatches),
      creatorName: creator.displayName,
      approverName: approver.displayName,
    })
    .from(subsidyBatches)
    .leftJoin(creator, eq(creator.id, subsidyBatches.createdBy))
    .leftJoin(approver, eq(approver.id, subsidyBatches.approvedBy))
    .where(
      and(
        ownerInScope(actor.scope, subsidyBatches.organisationId),
        id ? eq(subsidyBatches.id, id) : undefined,
      ),
    )
    .orderBy(desc(subsidyBatches.createdAt))
    .limit(200);
  return rows.map(({ creatorName, approverName, ...b }) => ({
    id: b.id,
    number: b.number,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    status: b.status,
    totalFen: b.totalFen,
    lineCount: b.lineCount,
    subsidyCount: b.subsidyCount,
    createdBy: { id: b.createdBy, displayName: creatorName ?? '' },
    createdAt: b.createdAt.toISOString(),
    approvedBy: person(b.approvedBy, approverName),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    exportedAt: b.exportedAt?.toISOString() ?? null,
    settledAt: b.settledAt?.toISOString() ?? null,
    version: b.version,
  }));
}

/** A batch with its lines (account tails only) and the cases on each line. */
export async function batchDetail(deps: AppDeps, actor: Actor, id: string): Promise<BatchDetail> {
  const [summary] = await batchSummaries(deps.db, actor, id);
  if (!summary) throw new AppError('SUBSIDY_BATCH_NOT_FOUND');
  const lines = await deps.db
    .select()
    .from(subsidyTransferLines)
    .where(eq(subsidyTransferLines.batchId, id))
    .orderBy(asc(subsidyTransferLines.seq));
  const items = await deps.db
    .select({ i: subsidyBatchItems, number: applications.number })
    .from(subsidyBatchItems)
    .innerJoin(applications, eq(applications.id, subsidyBatchItems.applicationId))
    .where(eq(subsidyBatchItems.batchId, id))
    .orderBy(asc(applications.number));
  return {
    ...summary,
    lines: lines.map((l) => ({
      id: l.id,
      seq: l.seq,
      reference: l.reference,
      payeeKind: l.payeeKind,
      payeeName: l.payeeName,
      accountName: l.accountName,
      bankName: l.bankName,
      accountTail: l.accountNumberSealed ? deps.cipher.open(l.accountNumberSealed).slice(-4) : null,
      amountFen: l.amountFen,
      status: l.status,
      bankSerial: l.bankSerial,
      paidOn: l.paidOn,
      failureMessage: l.failureMessage,
      subsidies: items
        .filter(({ i }) => i.lineId === l.id)
        .map(({ i, number }) => ({
          calculationId: i.calculationId,
          applicationId: i.applicationId,
          applicationNumber: number,
          amountFen: i.amountFen,
          status: i.status,
        })),
    })),
  };
}

/**
 * The payees finance pays: every firm or handler with an approved or batched subsidy in scope, and
 * every payee with an account on file, with the account's bank and last four digits.
 */
export async function payeeAccounts(db: Queryable, actor: Actor) {
  const awaiting = await db
    .select({
      payeeKind: subsidyCalculations.payeeKind,
      firmId: subsidyCalculations.payeeFirmId,
      handlerId: subsidyCalculations.handlerId,
      payeeName: subsidyCalculations.payeeName,
      n: sql<number>`count(*) FILTER (WHERE ${subsidyCalculations.status} = 'approved')::int`,
    })
    .from(subsidyCalculations)
    .where(
      and(
        ownerInScope(actor.scope, subsidyCalculations.organisationId),
        inArray(subsidyCalculations.status, ['approved', 'batched', 'pending_second', 'calculated']),
      ),
    )
    .groupBy(
      subsidyCalculations.payeeKind,
      subsidyCalculations.payeeFirmId,
      subsidyCalculations.handlerId,
      subsidyCalculations.payeeName,
    );
  const result = new Map<
    string,
    { payeeKind: 'law_firm' | 'handler'; payeeId: string; payeeName: string; awaiting: number }
  >();
  for (const a of awaiting) {
    const payeeId = a.payeeKind === 'law_firm' ? a.firmId! : a.handlerId;
    const key = `${a.payeeKind}:${payeeId}`;
    const prev = result.get(key);
    result.set(key, {
      payeeKind: a.payeeKind,
      payeeId,
      payeeName: a.payeeName,
      awaiting: (prev?.awaiting ?? 0) + a.n,
    });
  }
  const firmIds = [...result.values()].filter((p) => p.payeeKind === 'law_firm').map((p) => p.payeeId);
  const handlerIds = [...result.values()].filter((p) => p.payeeKind === 'handler').map((p) => p.payeeId);
  const accounts =
    firmIds.length + handlerIds.length === 0
      ? []
      : await db
          .select()
          .from(payeeBankAccounts)
          .where(
            or(
              firmIds.length ? inArray(payeeBankAccounts.payeeFirmId, firmIds) : undefined,
              handlerIds.length ? inArray(payeeBankAccounts.payeeHandlerId, handlerIds) : undefined,
            ),
          );
  return [...result.values()]
    .map((p) => {
      const a = accounts.find((x) => (x.payeeFirmId ?? x.payeeHandlerId) === p.payeeId);
      return {
        ...p,
        account: a
          ? {
              accountName: a.accountName,
              bankName: a.bankName,
              accountTail: a.accountNumberTail,
              version: a.version,
            }
          : null,
      };
    })
    .sort((a, b) => a.payeeName.localeCompare(b.payeeName, 'zh-CN'));
}

/**
 * Saves a payee's bank account (the number sealed, its last four digits kept to show): a law firm,
 * or a handler paid directly, that has a subsidy in the actor's scope. Audited without the number.
 */
export async function savePayeeAccount(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: PayeeAccountInput,
  origin: RequestOrigin,
): Promise<void> {
  const number = input.accountNumber.replace(/\s+/g, '');
  if (!/^\d{8,32}$/.test(number)) throw new AppError('SUBSIDY_ACCOUNT_INVALID', { field: 'accountNumber' });
  const [known] = await tx
    .select({ n: count() })
    .from(subsidyCalculations)
    .where(
      and(
        ownerInScope(actor.scope, subsidyCalculations.organisationId),
        input.payeeKind === 'law_firm'
          ? eq(subsidyCalculations.payeeFirmId, input.payeeId)
          : and(
              eq(subsidyCalculations.handlerId, input.payeeId),
              eq(subsidyCalculations.payeeKind, 'handler'),
            ),
      ),
    );
  if (!known?.n) throw new AppError('SUBSIDY_PAYEE_NOT_FOUND');
  const column =
    input.payeeKind === 'law_firm' ? payeeBankAccounts.payeeFirmId : payeeBankAccounts.payeeHandlerId;
  const [existing] = await tx.select().from(payeeBankAccounts).where(eq(column, input.payeeId)).for('update');
  if (existing && input.version !== undefined && input.version !== existing.version)
    throw new AppError('SUBSIDY_CALCULATION_STALE');
  const now = deps.clock.now();
  const values = {
    accountName: input.accountName,
    bankName: input.bankName,
    accountNumberSealed: deps.cipher.seal(number).sealed,
    accountNumberTail: number.slice(-4),
    updatedBy: actor.userId,
    updatedAt: now,
  };
  const id = existing?.id ?? randomUUID();
  if (existing)
    await tx
      .update(payeeBankAccounts)
      .set({ ...values, version: existing.version + 1 })
      .where(eq(payeeBankAccounts.id, existing.id));
  else
    await tx.insert(payeeBankAccounts).values({
      id,
      payeeKind: input.payeeKind,
      payeeFirmId: input.payeeKind === 'law_firm' ? input.payeeId : null,
      payeeHandlerId: input.payeeKind === 'handler' ? input.payeeId : null,
      ...values,
    });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: existing ? 'payee_bank_accounts.update' : 'payee_bank_accounts.create',
    entityType: 'payee_bank_accounts',
    entityId: id,
    organisationId: actor.organisation.id,
    changes: {
      accountName: { before: existing?.accountName ?? null, after: input.accountName },
      bankName: { before: existing?.bankName ?? null, after: input.bankName },
      accountTail: { before: existing?.accountNumberTail ?? null, after: number.slice(-4) },
    },
  });
}

/** The handler's own subsidies, newest first: what was computed, where it stands, when it was paid. */
export async function subsidiesOfHandlerUser(db: Queryable, userId: string) {
  const rows = await db
    .select({
      c: subsidyCalculations,
      number: applications.number,
      batchNumber: subsidyBatches.number,
      paidOn: subsidyPayments.paidOn,
    })
    .from(subsidyCalculations)
    .innerJoin(handlers, eq(handlers.id, subsidyCalculations.handlerId))
    .innerJoin(applications, eq(applications.id, subsidyCalculations.applicationId))
    .leftJoin(
      subsidyBatchItems,
      and(
        eq(subsidyBatchItems.calculationId, subsidyCalculations.id),
        inArray(subsidyBatchItems.status, ['open', 'paid']),
      ),
    )
    .leftJoin(subsidyBatches, eq(subsidyBatches.id, subsidyBatchItems.batchId))
    .leftJoin(subsidyPayments, eq(subsidyPayments.applicationId, subsidyCalculations.applicationId))
    .where(and(eq(handlers.userId, userId), isNotNull(handlers.userId)))
    .orderBy(desc(subsidyCalculations.calculatedAt))
    .limit(500);
  return rows.map(({ c, number, batchNumber, paidOn }) => ({
    applicationId: c.applicationId,
    applicationNumber: number,
    status: c.status,
    totalFen: c.totalFen,
    complete: c.complete,
    payeeName: c.payeeName,
    batchNumber: batchNumber ?? null,
    paidOn: paidOn ?? null,
  }));
}
