import type { LocalDate } from '../shared/brand.ts';
import {
  effectiveByKey,
  factsInForce,
  type ApplicantCategory,
  type ExemptionRule,
  type Fact,
  type RuleBook,
  type RuleRow,
} from './rules.ts';

export interface AssessmentInput {
  applicationDate: LocalDate;
  matter: string;
  categories: readonly ApplicantCategory[];
  household?: { members: number; monthlyIncomeFen: number } | undefined;
  facts: Partial<Record<Fact, boolean>>;
}

export type HardshipStatus = 'met' | 'not_met' | 'exempt' | 'presumed' | 'not_tested' | 'unknown';

export interface Reason {
  code: ReasonCode;
  citation: string;
  params?: Record<string, string | number>;
}

export type ReasonCode =
  | 'MATTER_IN_SCOPE'
  | 'MATTER_OUT_OF_CATALOGUE'
  | 'MATTER_NEEDS_FACT'
  | 'HARDSHIP_NOT_TESTED'
  | 'HARDSHIP_EXEMPT'
  | 'HARDSHIP_PRESUMED'
  | 'HARDSHIP_MET'
  | 'HARDSHIP_NOT_MET'
  | 'HARDSHIP_UNKNOWN'
  | 'NO_THRESHOLD';

export interface Counterfactual {
  code: 'ELIGIBLE_IF_INCOME_AT_MOST' | 'INELIGIBLE_IF_INCOME_ABOVE' | 'ELIGIBLE_IF_FACT';
  params: Record<string, string | number>;
}

export interface Assessment {
  eligible: boolean;
  scope: { inScope: boolean; matter: string; citations: string[] };
  hardship: {
    status: HardshipStatus;
    perCapitaMonthlyIncomeFen: number | null;
    thresholdFen: number | null;
    citations: string[];
  };
  reasons: Reason[];
  whatWouldChange: Counterfactual[];
  /** The rule rows the decision rests on, and a short fingerprint of them. */
  rulesApplied: string[];
  ruleVersion: string;
}

/**
 * The eligibility decision for a civil/administrative application: is the matter in the
 * catalogue (LAL art.31, BJR art.9, [OPN]) and is the hardship test met, lifted (LAL art.32),
 * presumed (LAL art.42, BJR art.19) or failed (household income per member above the line).
 * Pure: rules are passed in; every branch leaves a reason with its citation.
 */
export function assessEligibility(input: AssessmentInput, rules: RuleBook): Assessment {
  const { applicationDate: date } = input;
  const applied: RuleRow[] = [];
  const reasons: Reason[] = [];
  const whatWouldChange: Counterfactual[] = [];

  const factNames = factsInForce(rules.facts ?? [], rules.jurisdictions, date);
  const named = (fact: string): Record<string, string> => {
    const row = factNames.get(fact);
    return row ? { fact, factZh: row.nameZh, factEn: row.nameEn } : { fact };
  };
  const matter = effectiveByKey(rules.matters, rules.jurisdictions, date, (m) => m.code).get(input.matter);
  const missingFacts = matter ? matter.requiresFacts.filter((f) => !input.facts[f]) : [];
  const inScope = matter !== undefined && missingFacts.length === 0;
  if (!matter) {
    reasons.push({
      code: 'MATTER_OUT_OF_CATALOGUE',
      citation: 'LAL art.31',
      params: { matter: input.matter },
    });
  } else {
    applied.push(matter);
    if (missingFacts.length > 0) {
      for (const fact of missingFacts) {
        reasons.push({
          code: 'MATTER_NEEDS_FACT',
          citation: matter.citation,
          params: { matter: matter.code, ...named(fact) },
        });
        whatWouldChange.push({ code: 'ELIGIBLE_IF_FACT', params: named(fact) });
      }
    } else
      reasons.push({ code: 'MATTER_IN_SCOPE', citation: matter.citation, params: { matter: matter.code } });
  }

  const hardship = assessHardship(
    input,
    rules,
    matter?.hardshipTested ?? true,
    applied,
    reasons,
    whatWouldChange,
  );
  const eligible = inScope && ['met', 'exempt', 'presumed', 'not_tested'].includes(hardship.status);
  if (!inScope)
    whatWouldChange.splice(
      0,
      whatWouldChange.length,
      ...whatWouldChange.filter((c) => c.code === 'ELIGIBLE_IF_FACT'),
    );
  const rulesApplied = applied.map((r) => r.id).sort();
  return {
    eligible,
    scope: { inScope, matter: input.matter, citations: matter ? [matter.citation] : ['LAL art.31'] },
    hardship,
    reasons,
    whatWouldChange,
    rulesApplied,
    ruleVersion: fingerprint(rulesApplied),
  };
}

function assessHardship(
  input: AssessmentInput,
  rules: RuleBook,
  tested: boolean,
  applied: RuleRow[],
  reasons: Reason[],
  whatWouldChange: Counterfactual[],
): Assessment['hardship'] {
  const date = input.applicationDate;
  const perCapita = input.household ? perCapitaOf(input.household) : null;
  if (!tested) {
    reasons.push({ code: 'HARDSHIP_NOT_TESTED', citation: 'LAL art.25' });
    return { status: 'not_tested', perCapitaMonthlyIncomeFen: perCapita, thresholdFen: null, citations: [] };
  }
  const lifted = applicableExemptions(input, rules).sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'no_condition' ? -1 : 1,
  );
  const first = lifted[0];
  if (first) {
    const same = lifted.filter((e) => e.kind === first.kind);
    applied.push(...same);
    for (const e of same)
      reasons.push({
        code: e.kind === 'no_condition' ? 'HARDSHIP_EXEMPT' : 'HARDSHIP_PRESUMED',
        citation: e.citation,
        params: { ground: e.code },
      });
    return {
      status: first.kind === 'no_condition' ? 'exempt' : 'presumed',
      perCapitaMonthlyIncomeFen: perCapita,
      thresholdFen: null,
      citations: [...new Set(same.map((e) => e.citation))],
    };
  }
  const threshold = effectiveByKey(rules.thresholds, rules.jurisdictions, date, () => 'threshold').get(
    'threshold',
  );
  if (!threshold) {
    reasons.push({ code: 'NO_THRESHOLD', citation: 'LAL art.34', params: { date } });
    return {
      status: 'unknown',
      perCapitaMonthlyIncomeFen: perCapita,
      thresholdFen: null,
      citations: ['LAL art.34'],
    };
  }
  applied.push(threshold);
  const line = threshold.monthlyIncomePerMemberFen;
  const citations = ['LAL art.34', threshold.citation];
  if (!input.household) {
    reasons.push({ code: 'HARDSHIP_UNKNOWN', citation: 'LAL art.41', params: { thresholdFen: line } });
    return { status: 'unknown', perCapitaMonthlyIncomeFen: null, thresholdFen: line, citations };
  }
  // Compare totals, not a rounded average: income ≤ line × members is "at or below" exactly.
  const met = input.household.monthlyIncomeFen <= line * input.household.members;
  const perCapitaFen = perCapitaOf(input.household);
  reasons.push({
    code: met ? 'HARDSHIP_MET' : 'HARDSHIP_NOT_MET',
    citation: threshold.citation,
    params: { perCapitaFen, thresholdFen: line },
  });
  whatWouldChange.push({
    code: met ? 'INELIGIBLE_IF_INCOME_ABOVE' : 'ELIGIBLE_IF_INCOME_AT_MOST',
    params: { perCapitaFen: line, householdFen: line * input.household.members },
  });
  return {
    status: met ? 'met' : 'not_met',
    perCapitaMonthlyIncomeFen: perCapitaFen,
    thresholdFen: line,
    citations,
  };
}

/**
 * Household income per member, rounded UP to the fen so the figure shown never contradicts the
 * decision: 12,700.01 yuan for five is 2,540.002 each, above a 2,540 line; rounding to the nearest fen
 * would print "2,540, above 2,540".
 */
function perCapitaOf(household: NonNullable<AssessmentInput['household']>): number {
  return Math.ceil(household.monthlyIncomeFen / household.members);
}

function applicableExemptions(input: AssessmentInput, rules: RuleBook): ExemptionRule[] {
  const inForce = effectiveByKey(rules.exemptions, rules.jurisdictions, input.applicationDate, (e) => e.code);
  return [...inForce.values()].filter(
    (e) =>
      e.categories.every((c) => input.categories.includes(c)) &&
      e.facts.every((f) => input.facts[f] === true) &&
      (e.matters.length === 0 || e.matters.includes(input.matter)),
  );
}

/** FNV-1a over the rule ids: a short, stable name for "these rows, these versions". */
export function fingerprint(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of ids.join('|')) {
    hash ^= ch.codePointAt(0) as number; // for…of yields whole code points: never undefined
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `rv-${hash.toString(16).padStart(8, '0')}`;
}
