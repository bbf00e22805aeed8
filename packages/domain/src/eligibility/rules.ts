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

/**
 * A yes/no fact about the applicant or the case (`retrialOrdered`, `coDefendantHasCounsel`…). Facts
 * are rule data, not code: each is a row of the rule list `fact` (reference/facts-cn-bj.ts) with
 * its names, citation and span in force, so a new ground is a new row. Input is validated against
 * the rows in force (`factsInForce`).
 */
export type Fact = string;
/** Fact codes are camelCase, as they travel as JSON keys (`facts: { retrialOrdered: true }`). */
export const FACT_CODE_PATTERN = /^[a-z][a-zA-Z0-9]{1,63}$/;

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
  /** The `fact` list rows, for their names in reasons; optional (reasons then show the code). */
  facts?: readonly FactRow[];
}

/** The part of a `fact` list row the engine reads (reference ListItemRule with list `fact`). */
export interface FactRow extends RuleRow {
  list: string;
  code: string;
  nameZh: string;
  nameEn: string;
  params: Record<string, string | number | boolean>;
}

/**
 * The facts in force on `date` in the jurisdictions (most local winning), by code. `matters`
 * (param, comma-separated matter codes; empty = every matter) says where a form asks for it.
 */
export function factsInForce<F extends FactRow>(
  rows: readonly F[],
  jurisdictions: readonly string[],
  date: LocalDate,
): Map<string, F> {
  return effectiveByKey(
    rows.filter((r) => r.list === 'fact'),
    jurisdictions,
    date,
    (r) => r.code,
  );
}

/** Whether a form for `matter` asks for the fact (param `matters`, comma-separated; empty = all). */
export function factAppliesTo(fact: Pick<FactRow, 'params'>, matter: string | undefined): boolean {
  const list = String(fact.params.matters ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return list.length === 0 || matter === undefined || list.includes(matter);
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
