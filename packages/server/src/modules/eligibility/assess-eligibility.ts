import {
  assessEligibility,
  explainCounterfactual,
  explainReason,
  formatCitation,
  factsInForce,
  type ApplicantCategory,
  type RuleBook,
  type Locale,
  type LocalDate,
} from '@fayuan/domain';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionChain, loadRuleBook } from '../rules/rules.repository.ts';

/** Every fact asked must be a row of the list `fact` in force on the date (a fact is data, not an enum). */
export function checkFacts(rules: RuleBook, facts: Record<string, boolean>, on: LocalDate, field = 'facts') {
  const known = factsInForce(rules.facts ?? [], rules.jurisdictions, on);
  for (const fact of Object.keys(facts))
    if (!known.has(fact)) throw new AppError('FACT_UNKNOWN', { field: `${field}.${fact}`, fact, on });
}
import type { assessmentBody, assessmentResponse } from './eligibility.schemas.ts';

/** The public eligibility assessment: the rule rows of the jurisdiction, the pure engine, explained in the caller's language. */
export async function assessApplication(
  deps: AppDeps,
  input: z.infer<typeof assessmentBody>,
  locale: Locale,
): Promise<z.infer<typeof assessmentResponse>> {
  const chain = await jurisdictionChain(deps.db, input.jurisdiction);
  if (chain.length === 0) throw new AppError('JURISDICTION_UNKNOWN', { jurisdiction: input.jurisdiction });
  const rules = await loadRuleBook(deps.db, chain);
  checkFacts(rules, input.facts, input.applicationDate as LocalDate);
  const result = assessEligibility(
    {
      applicationDate: input.applicationDate as LocalDate,
      matter: input.matter,
      categories: input.applicant.categories as ApplicantCategory[],
      household: input.household,
      facts: input.facts,
    },
    rules,
  );
  return {
    ...result,
    reasons: result.reasons.map((r) => ({
      code: r.code,
      citation: r.citation,
      citationText: formatCitation(r.citation, locale),
      message: explainReason(r, locale),
    })),
    whatWouldChange: result.whatWouldChange.map((c) => ({
      code: c.code,
      message: explainCounterfactual(c, locale),
    })),
  };
}
