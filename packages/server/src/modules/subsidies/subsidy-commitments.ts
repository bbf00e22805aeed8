import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { beijingDateOf, caseBaseRate } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applications,
  budgetLines,
  caseAssignments,
  criminalNotices,
  organisations,
  subsidyCalculations,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { refreshBudgetAlert } from '../funding/budgets/budget-lines.ts';
import { subsidyRulesOn } from './subsidy-calculation.ts';

/** The states of a case whose subsidy is promised and not yet paid (or paid by this case). */
const OPEN_STATES = [
  'assigned',
  'in_progress',
  'closing_submitted',
  'terminated',
  'closed',
  'evaluated',
] as const;

/**
 * What the case subsidies of an organisation (and those below it) commit in a year, in fen: each
 * case whose handler was assigned in the year and that is not yet paid counts its calculation's
 * amount once calculated, and before that the base rate its type and stage would earn under the
 * standard in force today (an unset figure counts nothing: it cannot be estimated). A paid
 * subsidy leaves the commitment and is spent (subsidy_payments); a case refused or withdrawn
 * before acceptance was never committed.
 */
export async function caseSubsidyCommitmentFen(
  db: Queryable,
  organisationId: string,
  year: number,
): Promise<number> {
  const [org] = await db
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) return 0;
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await db
    .selectDistinctOn([applications.id], {
      id: applications.id,
      caseType: applications.caseType,
      stage: criminalNotices.stage,
      calculated: subsidyCalculations.totalFen,
      calcStatus: subsidyCalculations.status,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
    .innerJoin(
      caseAssignments,
      and(eq(caseAssignments.applicationId, applications.id), eq(caseAssignments.status, 'accepted')),
    )
    .leftJoin(criminalNotices, eq(criminalNotices.applicationId, applications.id))
    .leftJoin(subsidyCalculations, eq(subsidyCalculations.applicationId, applications.id))
    .where(
      and(
        sql`${organisations.path} LIKE ${`${org.path}%`}`,
        inArray(applications.state, [...OPEN_STATES]),
        gte(caseAssignments.assignedAt, from),
        lt(caseAssignments.assignedAt, to),
      ),
    )
    .orderBy(applications.id, desc(caseAssignments.assignedAt));
  const { rates } = await subsidyRulesOn(db, organisationId, beijingDateOf(new Date()));
  let total = 0;
  for (const r of rows) {
    if (r.calcStatus === 'paid') continue;
    total += r.calculated ?? caseBaseRate(rates, r.caseType, r.stage)?.amountFen ?? 0;
  }
  return total;
}

/**
 * Rings the low-balance alert of the case-subsidy lines of the organisation and those above it for
 * the year, when what the subsidy area committed or paid moved their balance (budgets' own check).
 */
export async function refreshCaseSubsidyLines(deps: AppDeps, tx: Tx, organisationId: string, year: number) {
  const [org] = await tx
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) return;
  const lines = await tx
    .select({ line: budgetLines })
    .from(budgetLines)
    .innerJoin(organisations, eq(organisations.id, budgetLines.organisationId))
    .where(
      and(
        eq(budgetLines.year, year),
        eq(budgetLines.purpose, 'case_subsidy'),
        sql`${org.path} LIKE ${organisations.path} || '%'`,
      ),
    )
    .for('update', { of: [budgetLines] });
  for (const { line } of lines) await refreshBudgetAlert(deps, tx, line);
}
