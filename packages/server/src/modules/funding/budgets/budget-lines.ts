import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, eq } from 'drizzle-orm';
import { alertStep, yearOf, type BudgetPurpose, type BudgetSourceKind, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import { budgetLines, users, type BudgetLineRow } from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { notifyUsers } from '../../notifications/notify-users.ts';
import { lineStandings } from './line-amounts.ts';

export interface NewBudgetLine {
  year: number;
  name: string;
  sourceKind: BudgetSourceKind;
  purpose: BudgetPurpose;
  amountFen: number;
  alertThresholdPerMille?: number | undefined;
  reference?: string | null | undefined;
}

export interface BudgetLineChange {
  version?: number | undefined;
  name?: string | undefined;
  amountFen?: number | undefined;
  alertThresholdPerMille?: number | undefined;
  reference?: string | null | undefined;
}

const audit = (deps: AppDeps, now: Date) => ({ cipher: deps.cipher, at: now });

/** A line of the actor's centres for the year, locked (before any audit row: see lockedLine). */
export async function lineToSpendFrom(tx: Tx, actor: Actor, lineId: string, on: LocalDate) {
  const [line] = await tx
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.id, lineId), ownerInScope(actor.scope, budgetLines.organisationId)))
    .for('update');
  if (!line || line.year !== yearOf(on))
    throw new AppError('BUDGET_LINE_UNUSABLE', { field: 'budgetLineId' });
  return line;
}

/**
 * The line in the actor's scope, locked, at the version the caller saw. Every use case that moves
 * money on a line locks the line first, before its audit row (which takes the audit chain's lock):
 * always in that order, so two of them never wait on each other.
 */
export async function lockedLine(tx: Tx, actor: Actor, id: string, version?: number) {
  const [line] = await tx
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.id, id), ownerInScope(actor.scope, budgetLines.organisationId)))
    .for('update');
  if (!line) throw new AppError('BUDGET_LINE_NOT_FOUND');
  if (version !== undefined && version !== line.version) throw new AppError('BUDGET_LINE_STALE');
  return line;
}

/** Opens a budget line for the actor's centre. Audited. */
export async function createBudgetLine(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewBudgetLine,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const id = randomUUID();
  await tx.insert(budgetLines).values({
    id,
    organisationId: actor.organisationId,
    year: input.year,
    name: input.name,
    sourceKind: input.sourceKind,
    purpose: input.purpose,
    amountFen: input.amountFen,
    ...(input.alertThresholdPerMille === undefined
      ? {}
      : { alertThresholdPerMille: input.alertThresholdPerMille }),
    reference: input.reference ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'budget_lines.create',
    entityType: 'budget_lines',
    entityId: id,
    organisationId: actor.organisationId,
    changes: {
      year: { after: input.year },
      name: { after: input.name },
      sourceKind: { after: input.sourceKind },
      purpose: { after: input.purpose },
      amountFen: { after: input.amountFen },
    },
  });
  return { id };
}

/**
 * Changes a line's name, allocation, threshold or reference (an allocation adjusted during the
 * year); never below what was already spent. The alert is re-evaluated at the new figures.
 */
export async function updateBudgetLine(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: BudgetLineChange,
  origin: RequestOrigin,
) {
  const line = await lockedLine(tx, actor, id, input.version);
  if (input.amountFen !== undefined) {
    const standing = (await lineStandings(tx, [line])).get(line.id)!;
    if (input.amountFen < standing.spentFen)
      throw new AppError('BUDGET_LINE_BELOW_SPENT', { field: 'amountFen', spentFen: standing.spentFen });
  }
  const set = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.amountFen === undefined ? {} : { amountFen: input.amountFen }),
    ...(input.alertThresholdPerMille === undefined
      ? {}
      : { alertThresholdPerMille: input.alertThresholdPerMille }),
    ...(input.reference === undefined ? {} : { reference: input.reference }),
  };
  const changes = Object.fromEntries(
    Object.entries(set).map(([k, v]) => [k, { before: line[k as keyof typeof set], after: v }]),
  );
  const now = deps.clock.now();
  const [updated] = await tx
    .update(budgetLines)
    .set({ ...set, version: line.version + 1, updatedAt: now })
    .where(eq(budgetLines.id, line.id))
    .returning();
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'budget_lines.update',
    entityType: 'budget_lines',
    entityId: line.id,
    organisationId: line.organisationId,
    changes,
  });
  await refreshBudgetAlert(deps, tx, updated!);
  return { version: line.version + 1 };
}

/**
 * Rings the low-balance alert of a line the caller has locked, once per crossing: when what is
 * free to promise (remaining − committed) has fallen below the line's threshold and the line has
 * not rung since it last went low, the finance staff and directors of the line's organisation get
 * it in their bell; a line back above its threshold is armed again. Called in the transaction of
 * every change that spends, commits or re-allocates on the line.
 */
export async function refreshBudgetAlert(deps: AppDeps, tx: Tx, line: BudgetLineRow): Promise<boolean> {
  const standing = (await lineStandings(tx, [line])).get(line.id)!;
  const step = alertStep(standing.low, line.lowAlertedAt !== null);
  const now = deps.clock.now();
  if (step.rung !== (line.lowAlertedAt !== null))
    await tx
      .update(budgetLines)
      .set({ lowAlertedAt: step.rung ? now : null })
      .where(eq(budgetLines.id, line.id));
  if (!step.ring) return false;
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, line.organisationId),
        eq(users.status, 'active'),
        arrayOverlaps(users.roles, ['finance', 'director']),
      ),
    );
  await notifyUsers(deps, tx, {
    kind: 'budget_low',
    userIds: recipients.map((r) => r.id),
    organisationId: line.organisationId,
    applicationId: null,
    budgetLineId: line.id,
    dueAt: now,
    params: { line: line.name },
  });
  return true;
}
