import { and, eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import {
  applications,
  subsidyCalculations,
  type CalculationStatus,
  type SubsidyCalculationRow,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { calculateCaseSubsidy, subsidyRulesOn } from './subsidy-calculation.ts';
import type { ApproveInput, ReviewFactsInput, SecondApprovalInput } from './subsidies.schemas.ts';

/** The calculation in the actor's scope, locked, at the version the caller saw. */
export async function lockedCalculation(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
): Promise<SubsidyCalculationRow> {
  const [row] = await tx
    .select()
    .from(subsidyCalculations)
    .where(and(eq(subsidyCalculations.id, id), ownerInScope(actor.scope, subsidyCalculations.organisationId)))
    .for('update');
  if (!row) throw new AppError('SUBSIDY_CALCULATION_NOT_FOUND');
  if (version !== undefined && version !== row.version) throw new AppError('SUBSIDY_CALCULATION_STALE');
  return row;
}

function expectStatus(row: SubsidyCalculationRow, ...open: CalculationStatus[]): void {
  if (!open.includes(row.status)) throw new AppError('SUBSIDY_STEP_NOT_OPEN', { status: row.status });
}

/** Moves a calculation to a status with the columns the step sets, and audits what changed. */
async function moveCalculation(
  deps: AppDeps,
  tx: Tx,
  row: SubsidyCalculationRow,
  step: { status: CalculationStatus; action: string; origin: RequestOrigin },
  set: Partial<typeof subsidyCalculations.$inferInsert>,
  changes: Record<string, { before?: unknown; after: unknown }> = {},
): Promise<void> {
  const now = deps.clock.now();
  await tx
    .update(subsidyCalculations)
    .set({ ...set, status: step.status, version: row.version + 1 })
    .where(eq(subsidyCalculations.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, step.origin, {
    action: `subsidy_calculations.${step.action}`,
    entityType: 'subsidy_calculations',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: step.status }, ...changes },
  });
}

/**
 * Finance states what the record does not carry (more stages, parties, remote travel, a complex
 * case) and the costs claimed with receipts; the subsidy is recalculated on them. Also recalculates
 * with no change, after the centre set a figure of the standard.
 */
export async function reviewFacts(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ReviewFactsInput,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedCalculation(tx, actor, id, input.version);
  expectStatus(row, 'calculated');
  await calculateCaseSubsidy(deps, tx, row.applicationId, origin, {
    declared: input.declared ?? row.declared,
    costs: input.costs ?? row.costs,
  });
}

/**
 * Finance approves a calculation (BJR art.32: after the closing review; the case must be evaluated,
 * since the quality score may move the amount): every figure set, an adjustment only with its
 * reason, the total above zero. An adjustment larger than the policy's amount waits for a second
 * person; otherwise the subsidy is ready for a batch.
 */
export async function approveCalculation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ApproveInput,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedCalculation(tx, actor, id, input.version);
  expectStatus(row, 'calculated');
  const [app] = await tx
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, row.applicationId));
  if (app?.state !== 'evaluated') throw new AppError('SUBSIDY_CASE_NOT_EVALUATED', { state: app?.state });
  if (!row.complete) {
    const codes = row.items.filter((i) => i.amountFen === null).map((i) => i.code);
    const missing = row.problems.length > 0 ? ['base'] : [];
    const list = [...missing, ...codes].join('、');
    throw new AppError(
      'SUBSIDY_RATE_NOT_SET',
      { codes: [...missing, ...codes] },
      { 'zh-CN': list, 'en-US': list },
    );
  }
  const adjustmentFen = input.adjustmentFen ?? 0;
  const reason = input.adjustmentReason?.trim() || null;
  if (adjustmentFen !== 0 && !reason)
    throw new AppError('SUBSIDY_ADJUSTMENT_REASON_REQUIRED', { field: 'adjustmentReason' });
  const totalFen = row.computedFen + adjustmentFen;
  if (totalFen <= 0) throw new AppError('SUBSIDY_TOTAL_NOT_POSITIVE', { field: 'adjustmentFen' });
  const { policy } = await subsidyRulesOn(tx, row.organisationId, beijingDateOf(deps.clock.now()));
  if (!policy) throw new AppError('SUBSIDY_POLICY_MISSING');
  const needsSecond = Math.abs(adjustmentFen) > policy.secondApprovalAboveFen;
  await moveCalculation(
    deps,
    tx,
    row,
    { status: needsSecond ? 'pending_second' : 'approved', action: 'approve', origin },
    {
      adjustmentFen,
      adjustmentReason: adjustmentFen === 0 ? null : reason,
      totalFen,
      reviewedBy: actor.userId,
      reviewedAt: deps.clock.now(),
      secondApprovedBy: null,
      secondApprovedAt: null,
    },
    {
      adjustmentFen: { before: row.adjustmentFen, after: adjustmentFen },
      totalFen: { before: row.totalFen, after: totalFen },
      secondApprovalAboveFen: { after: policy.secondApprovalAboveFen },
    },
  );
}

/**
 * A second person (not the reviewer) approves an adjustment above the policy's amount, or sends it
 * back: the calculation returns to review with the adjustment cleared.
 */
export async function secondApproval(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: SecondApprovalInput,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedCalculation(tx, actor, id, input.version);
  expectStatus(row, 'pending_second');
  if (row.reviewedBy === actor.userId) throw new AppError('SUBSIDY_SECOND_APPROVER_SAME');
  if (input.approve)
    await moveCalculation(
      deps,
      tx,
      row,
      { status: 'approved', action: 'second_approve', origin },
      { secondApprovedBy: actor.userId, secondApprovedAt: deps.clock.now() },
    );
  else
    await moveCalculation(
      deps,
      tx,
      row,
      { status: 'calculated', action: 'second_reject', origin },
      {
        adjustmentFen: 0,
        adjustmentReason: null,
        totalFen: row.computedFen,
        reviewedBy: null,
        reviewedAt: null,
      },
      { adjustmentFen: { before: row.adjustmentFen, after: 0 }, reason: { after: input.reason ?? null } },
    );
}

/** An approved subsidy not yet in a batch goes back to review (e.g. to correct a cost claim). */
export async function reopenCalculation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  version: number | undefined,
  origin: RequestOrigin,
): Promise<void> {
  const row = await lockedCalculation(tx, actor, id, version);
  expectStatus(row, 'approved', 'pending_second');
  await moveCalculation(
    deps,
    tx,
    row,
    { status: 'calculated', action: 'reopen', origin },
    { reviewedBy: null, reviewedAt: null, secondApprovedBy: null, secondApprovedAt: null },
  );
}
