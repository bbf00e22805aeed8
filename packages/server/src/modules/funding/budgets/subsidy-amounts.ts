import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { BudgetPurpose } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import { applications, budgetLines, organisations, subsidyPayments } from '../../../db/schema/index.ts';
import { caseSubsidyCommitmentFen } from '../../subsidies/subsidy-commitments.ts';

/** What a budget line needs to know to be matched with the case subsidies it funds. */
export interface BudgetLineRef {
  id: string;
  organisationId: string;
  year: number;
  purpose: BudgetPurpose;
}

/** The case subsidies a line carries: promised (calculated, not yet paid) and paid, by month. */
export interface CaseSubsidyAmounts {
  committedFen: number;
  spentFen: number;
  /** Paid per month of the line's year, index 0 = January (12 entries). */
  spentByMonthFen: number[];
}

/**
 * The seam between budgets and the subsidy area (modules/subsidies): for each line, the case
 * subsidies it carries. Budgets call it through `lineStandings`; the subsidy area replaces the
 * commitment part (calculated, approved, batched but unpaid subsidies) when its calculations exist.
 */
export type SubsidyAmountsByLine = (
  db: Queryable,
  lines: readonly BudgetLineRef[],
) => Promise<Map<string, CaseSubsidyAmounts>>;

const none = (): CaseSubsidyAmounts => ({
  committedFen: 0,
  spentFen: 0,
  spentByMonthFen: Array.from({ length: 12 }, () => 0),
});

/**
 * Committed: what the subsidy area promises for cases assigned in the line's year and not yet paid
 * (subsidies/subsidy-commitments.ts: the calculation's amount, or the base rate before it). Spent:
 * `subsidy_payments.amount_fen` paid in the line's year on cases owned by the line's organisation
 * or any below it. Only lines for case subsidies carry them, and of several such lines of one
 * organisation and year the first created carries them all, so nothing counts twice.
 */
export const subsidyAmountsByLine: SubsidyAmountsByLine = async (db, lines) => {
  const result = new Map<string, CaseSubsidyAmounts>();
  for (const line of lines) {
    result.set(line.id, none());
    if (line.purpose !== 'case_subsidy' || !(await carriesCaseSubsidies(db, line))) continue;
    const [org] = await db
      .select({ path: organisations.path })
      .from(organisations)
      .where(eq(organisations.id, line.organisationId));
    if (!org) continue;
    const month = sql<number>`extract(month from ${subsidyPayments.paidOn})::int`;
    const rows = await db
      .select({ month, fen: sql<string>`sum(${subsidyPayments.amountFen})` })
      .from(subsidyPayments)
      .innerJoin(applications, eq(applications.id, subsidyPayments.applicationId))
      .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
      .where(
        and(
          sql`${organisations.path} LIKE ${`${org.path}%`}`,
          gte(subsidyPayments.paidOn, `${line.year}-01-01`),
          lte(subsidyPayments.paidOn, `${line.year}-12-31`),
        ),
      )
      .groupBy(month);
    const amounts = none();
    amounts.committedFen = await caseSubsidyCommitmentFen(db, line.organisationId, line.year);
    for (const r of rows) {
      amounts.spentByMonthFen[r.month - 1] = Number(r.fen);
      amounts.spentFen += Number(r.fen);
    }
    result.set(line.id, amounts);
  }
  return result;
};

/** Whether the line is the first case-subsidy line of its organisation and year (it carries them all). */
async function carriesCaseSubsidies(db: Queryable, line: BudgetLineRef): Promise<boolean> {
  const [first] = await db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.organisationId, line.organisationId),
        eq(budgetLines.year, line.year),
        eq(budgetLines.purpose, 'case_subsidy'),
      ),
    )
    .orderBy(asc(budgetLines.createdAt), asc(budgetLines.id))
    .limit(1);
  return first?.id === line.id;
}
