import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { burnDownSeries, type LocalDate, type LineStanding } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  budgetLines,
  contractPayments,
  donations,
  donationUses,
  serviceContracts,
  type BudgetLineRow,
} from '../../../db/schema/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { lineStandings } from './line-amounts.ts';
import { subsidyAmountsByLine } from './subsidy-amounts.ts';

const present = (line: BudgetLineRow, standing: LineStanding) => ({
  id: line.id,
  organisationId: line.organisationId,
  year: line.year,
  name: line.name,
  sourceKind: line.sourceKind,
  purpose: line.purpose,
  reference: line.reference,
  alertThresholdPerMille: line.alertThresholdPerMille,
  allocatedFen: standing.allocatedFen,
  committedFen: standing.committedFen,
  spentFen: standing.spentFen,
  remainingFen: standing.remainingFen,
  availableFen: standing.availableFen,
  thresholdFen: standing.thresholdFen,
  low: standing.low,
  version: line.version,
});

/** The lines of the actor's centres, of one year or all, each with how it stands. */
export async function budgetLinesInScope(db: Queryable, scope: DataScope, year?: number) {
  const lines = await db
    .select()
    .from(budgetLines)
    .where(
      and(ownerInScope(scope, budgetLines.organisationId), year ? eq(budgetLines.year, year) : undefined),
    )
    .orderBy(desc(budgetLines.year), asc(budgetLines.createdAt))
    .limit(500);
  const standings = await lineStandings(db, lines);
  return lines.map((line) => present(line, standings.get(line.id)!));
}

/**
 * One line with how it stands, the burn-down over its year (spent and committed at each month's
 * end against the allocation) and what was spent and committed on it.
 */
export async function budgetLineDetail(db: Queryable, scope: DataScope, id: string) {
  const [line] = await db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.id, id), ownerInScope(scope, budgetLines.organisationId)));
  if (!line) throw new AppError('BUDGET_LINE_NOT_FOUND');
  const standing = (await lineStandings(db, [line])).get(line.id)!;
  const uses = await db
    .select({ u: donationUses, receiptNumber: donations.receiptNumber, donorName: donations.donorName })
    .from(donationUses)
    .innerJoin(donations, eq(donations.id, donationUses.donationId))
    .where(eq(donationUses.budgetLineId, line.id))
    .orderBy(asc(donationUses.usedOn));
  const contracts = await db
    .select()
    .from(serviceContracts)
    .where(eq(serviceContracts.budgetLineId, line.id))
    .orderBy(asc(serviceContracts.startsOn));
  const payments =
    contracts.length === 0
      ? []
      : await db
          .select()
          .from(contractPayments)
          .where(
            inArray(
              contractPayments.contractId,
              contracts.map((c) => c.id),
            ),
          )
          .orderBy(asc(contractPayments.paidOn));
  const subsidy = (await subsidyAmountsByLine(db, [line])).get(line.id);
  const linePayments = payments.filter((p) => p.budgetLineId === line.id);
  const burnDown = burnDownSeries(
    line.year,
    line.amountFen,
    [
      ...uses.map(({ u }) => ({ on: u.usedOn as LocalDate, amountFen: u.amountFen })),
      ...linePayments.map((p) => ({ on: p.paidOn as LocalDate, amountFen: p.amountFen })),
    ],
    contracts.map((c) => ({
      on: c.startsOn as LocalDate,
      amountFen: c.amountFen,
      payments: payments
        .filter((p) => p.contractId === c.id)
        .map((p) => ({ on: p.paidOn as LocalDate, amountFen: p.amountFen })),
    })),
    subsidy?.spentByMonthFen ?? [],
    subsidy?.committedFen ?? 0,
  );
  const paidOf = (contractId: string) =>
    payments.filter((p) => p.contractId === contractId).reduce((s, p) => s + p.amountFen, 0);
  const entries = [
    ...uses.map(({ u, receiptNumber, donorName }) => ({
      kind: 'donation_use' as const,
      on: u.usedOn,
      amountFen: u.amountFen,
      description: `${u.description}（${donorName} ${receiptNumber}）`,
    })),
    ...linePayments.map((p) => ({
      kind: 'contract_payment' as const,
      on: p.paidOn,
      amountFen: p.amountFen,
      description: `${contracts.find((c) => c.id === p.contractId)?.providerName ?? ''} ${p.reference}`,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  return {
    ...present(line, standing),
    caseSubsidies: {
      committedFen: subsidy?.committedFen ?? 0,
      spentFen: subsidy?.spentFen ?? 0,
    },
    commitments: contracts.map((c) => ({
      contractId: c.id,
      contractNumber: c.contractNumber,
      providerName: c.providerName,
      amountFen: c.amountFen,
      paidFen: paidOf(c.id),
      openFen: Math.max(0, c.amountFen - paidOf(c.id)),
    })),
    entries,
    burnDown,
  };
}
