import type { LocalDate } from '../shared/brand.ts';

/**
 * Where a budget line's money comes from (LAL art.4: legal aid funds in the budget of the
 * government at each level; art.9: social donations). Labels live in the i18n catalogs.
 */
export const BUDGET_SOURCE_KINDS = [
  'government_allocation', // 同级财政拨款
  'central_earmarked', // 中央专项彩票公益金法律援助项目资金
  'upper_level_transfer', // 上级下拨
  'donations', // 社会捐助
] as const;
export type BudgetSourceKind = (typeof BUDGET_SOURCE_KINDS)[number];

/** What a line pays for. Case subsidies are spent by the subsidy area (LAL art.52). */
export const BUDGET_PURPOSES = [
  'case_subsidy', // 办案补贴
  'duty_subsidy', // 值班律师补贴
  'consultation_subsidy', // 咨询补贴
  'other', // 其他
] as const;
export type BudgetPurpose = (typeof BUDGET_PURPOSES)[number];

/** The alert threshold a new line gets: 10 % of the allocation left uncommitted (per mille). */
export const DEFAULT_ALERT_THRESHOLD_PER_MILLE = 100;

export interface LineAmounts {
  allocatedFen: number;
  /** Promised but not yet paid (contracts not yet paid in full, case subsidies calculated). */
  committedFen: number;
  spentFen: number;
  /** The alert threshold as a share of the allocation, per mille (100 = 10 %). */
  thresholdPerMille: number;
}

export interface LineStanding {
  allocatedFen: number;
  committedFen: number;
  spentFen: number;
  /** Allocation less what was spent. */
  remainingFen: number;
  /** What is still free to promise: remaining less committed (may be negative: over-committed). */
  availableFen: number;
  /** The amount below which `availableFen` rings the alert. */
  thresholdFen: number;
  /** `availableFen` has fallen below the threshold. */
  low: boolean;
}

/**
 * A line's standing: remaining = allocated − spent; available = remaining − committed; low when
 * available falls below the threshold share of the allocation (a line with nothing allocated is low
 * as soon as anything is committed or spent against it). Integer fen throughout; the threshold is
 * rounded up, so 10 % of 1 fen is 1 fen, never 0.1.
 */
export function lineStanding(a: LineAmounts): LineStanding {
  const remainingFen = a.allocatedFen - a.spentFen;
  const availableFen = remainingFen - a.committedFen;
  const thresholdFen = Math.ceil((a.allocatedFen * a.thresholdPerMille) / 1000);
  const low = a.allocatedFen === 0 ? a.committedFen + a.spentFen > 0 : availableFen < thresholdFen;
  return {
    allocatedFen: a.allocatedFen,
    committedFen: a.committedFen,
    spentFen: a.spentFen,
    remainingFen,
    availableFen,
    thresholdFen,
    low,
  };
}

/**
 * Whether to ring the alert, and the line's new marker: ring when the line is low and has not rung
 * since it last went low; a line back above its threshold is armed again, so the next crossing
 * rings once more.
 */
export function alertStep(low: boolean, alreadyRung: boolean): { ring: boolean; rung: boolean } {
  if (!low) return { ring: false, rung: false };
  return { ring: !alreadyRung, rung: true };
}

export interface DatedAmount {
  on: LocalDate;
  amountFen: number;
}

/** A commitment made on a date and paid down by later payments (a purchase contract). */
export interface DatedCommitment extends DatedAmount {
  payments: readonly DatedAmount[];
}

export interface BurnDownPoint {
  /** 1–12 */
  month: number;
  /** Spent from 1 January to the month's end, cumulative. */
  spentFen: number;
  /** Committed and not yet paid at the month's end. */
  committedFen: number;
  /** Spent plus committed: what the line is bound to at the month's end. */
  boundFen: number;
  allocatedFen: number;
}

const monthOf = (d: LocalDate, year: number) => {
  const y = Number(d.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 13;
  return Number(d.slice(5, 7));
};

/**
 * The burn-down of a line over its year: at each month's end, the cumulative spending and the
 * commitments still open, against the allocation. Spending dated before the year counts from
 * January, after it never; a commitment counts from its month, less what was paid on it by then
 * (never below zero).
 */
export function burnDownSeries(
  year: number,
  allocatedFen: number,
  spending: readonly DatedAmount[],
  commitments: readonly DatedCommitment[],
  /** Spent per month (index 0 = January) that has no dates of its own, e.g. case subsidies. */
  extraSpentByMonth: readonly number[] = [],
  /** Committed with no date of its own (open at every month's end from January). */
  extraCommittedFen = 0,
): BurnDownPoint[] {
  const points: BurnDownPoint[] = [];
  for (let month = 1; month <= 12; month++) {
    let spent = 0;
    for (const s of spending) if (monthOf(s.on, year) <= month) spent += s.amountFen;
    for (let m = 0; m < month; m++) spent += extraSpentByMonth[m] ?? 0;
    let committed = extraCommittedFen;
    for (const c of commitments) {
      if (monthOf(c.on, year) > month) continue;
      const paid = c.payments
        .filter((p) => monthOf(p.on, year) <= month)
        .reduce((sum, p) => sum + p.amountFen, 0);
      committed += Math.max(0, c.amountFen - paid);
    }
    points.push({
      month,
      spentFen: spent,
      committedFen: committed,
      boundFen: spent + committed,
      allocatedFen,
    });
  }
  return points;
}
