import type { LocalDate } from '../shared/brand.ts';

/**
 * Rule data for the assessment: rows with a jurisdiction, an effective span and a legal source,
 * stored in the database and passed in. Rows are never edited in place: a change is a new row
 * from a new date, so a decision made in 2023 is explained in 2027 by the rows it names.
 */
export interface RuleRow {
  /** Stable identity of this version of the rule, recorded with every decision that uses it. */
  id: string;
  /** `000000` national, `110000` Beijing, `120000` Tianjin, `130000` Hebei… */
  jurisdiction: string;
  effectiveFrom: LocalDate;
  /** Last day in force, inclusive; null while in force. */
  effectiveTo: LocalDate | null;
  /** Law and article, e.g. `LAL art.31`. */
  citation: string;
}

export const APPLICANT_CATEGORIES = [
  'minor',
  'elderly',
  'disabled',
  'no_fixed_income',
  'social_assistance',
  'judicial_relief',
  'military_benefit',
  'migrant_worker',
  'welfare_institution',
  'serious_illness',
  'hero_martyr_relative',
] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

export const FACTS = ['domesticViolenceVictim', 'retrialOrdered', 'acquittedOnRetrial'] as const;
export type Fact = (typeof FACTS)[number];

/** A matter in the catalogue (LAL art.31, BJR art.9, [OPN]); a more local row overrides a national one of the same code. */
export interface MatterRule extends RuleRow {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Facts that must hold for the matter to be in scope, e.g. national `appeal` needs `retrialOrdered` (LAL art.33). */
  requiresFacts: Fact[];
  /** False when the matter is outside the economic-hardship test altogether (e.g. notified criminal defence). */
  hardshipTested: boolean;
}

/** The economic-hardship line: household income per member per month at or below it (Beijing: the minimum wage). */
export interface ThresholdRule extends RuleRow {
  monthlyIncomePerMemberFen: number;
}

/**
 * A ground that lifts the hardship test: `no_condition` (LAL art.32: no hardship condition at all)
 * or `presumed` (LAL art.42, BJR art.19: hardship presumed, not checked). It applies when the
 * applicant has ALL `categories`, ALL `facts` and the matter is in `matters` (empty = any matter).
 */
export interface ExemptionRule extends RuleRow {
  code: string;
  kind: 'no_condition' | 'presumed';
  categories: ApplicantCategory[];
  facts: Fact[];
  matters: string[];
}

export interface RuleBook {
  /** The jurisdictions that apply, from the most general to the most local: `['000000', '110000']`. */
  jurisdictions: string[];
  matters: MatterRule[];
  thresholds: ThresholdRule[];
  exemptions: ExemptionRule[];
}

export function inForce(row: RuleRow, date: LocalDate): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo === null || date <= row.effectiveTo);
}

/** The rows in force on `date`, the most local jurisdiction winning for each key. */
export function effectiveByKey<R extends RuleRow>(
  rows: readonly R[],
  jurisdictions: readonly string[],
  date: LocalDate,
  keyOf: (row: R) => string,
): Map<string, R> {
  const rank = new Map(jurisdictions.map((j, i) => [j, i]));
  const chosen = new Map<string, { row: R; rank: number }>();
  for (const row of rows) {
    const r = rank.get(row.jurisdiction);
    if (r === undefined || !inForce(row, date)) continue;
    const key = keyOf(row);
    const current = chosen.get(key);
    if (!current || current.rank < r || (current.rank === r && current.row.effectiveFrom < row.effectiveFrom))
      chosen.set(key, { row, rank: r });
  }
  return new Map([...chosen].map(([key, { row }]) => [key, row]));
}
