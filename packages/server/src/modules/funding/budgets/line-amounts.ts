import { inArray, sql } from 'drizzle-orm';
import { lineStanding, type LineStanding } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  contractPayments,
  donationUses,
  serviceContracts,
  type BudgetLineRow,
} from '../../../db/schema/index.ts';
import { subsidyAmountsByLine, type SubsidyAmountsByLine } from './subsidy-amounts.ts';

const sumBy = async (
  db: Queryable,
  table: typeof donationUses | typeof contractPayments,
  ids: string[],
): Promise<Map<string, number>> => {
  const rows = await db
    .select({ lineId: table.budgetLineId, fen: sql<string>`sum(${table.amountFen})` })
    .from(table)
    .where(inArray(table.budgetLineId, ids))
    .groupBy(table.budgetLineId);
  return new Map(rows.map((r) => [r.lineId, Number(r.fen)]));
};

/**
 * How each line stands: spent = donation uses + contract payments + case subsidies paid; committed
 * = what contracts on the line have not yet been paid + case subsidies promised (from the subsidy
 * seam, `subsidyAmountsByLine` unless a caller passes another). A contract paid in full commits
 * nothing more.
 */
export async function lineStandings(
  db: Queryable,
  lines: readonly BudgetLineRow[],
  subsidies: SubsidyAmountsByLine = subsidyAmountsByLine,
): Promise<Map<string, LineStanding>> {
  const ids = lines.map((l) => l.id);
  if (ids.length === 0) return new Map();
  const uses = await sumBy(db, donationUses, ids);
  const payments = await sumBy(db, contractPayments, ids);
  const open = await db
    .select({
      lineId: serviceContracts.budgetLineId,
      fen: sql<string>`sum(greatest(${serviceContracts.amountFen} - coalesce((SELECT sum(${contractPayments.amountFen}) FROM ${contractPayments} WHERE ${contractPayments.contractId} = ${serviceContracts.id}), 0), 0))`,
    })
    .from(serviceContracts)
    .where(inArray(serviceContracts.budgetLineId, ids))
    .groupBy(serviceContracts.budgetLineId);
  const committedByContracts = new Map(open.map((r) => [r.lineId, Number(r.fen)]));
  const caseSubsidies = await subsidies(db, lines);
  return new Map(
    lines.map((line) => {
      const subsidy = caseSubsidies.get(line.id);
      return [
        line.id,
        lineStanding({
          allocatedFen: line.amountFen,
          spentFen: (uses.get(line.id) ?? 0) + (payments.get(line.id) ?? 0) + (subsidy?.spentFen ?? 0),
          committedFen: (committedByContracts.get(line.id) ?? 0) + (subsidy?.committedFen ?? 0),
          thresholdPerMille: line.alertThresholdPerMille,
        }),
      ];
    }),
  );
}
