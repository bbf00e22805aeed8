import { effectiveByKey } from '../eligibility/rules.ts';
import type { ListItemRule } from '../reference/lists-cn-bj.ts';
import type { LocalDate } from '../shared/brand.ts';
import type { QualificationRule } from './types.ts';

/**
 * The `handler_qualification` rows in force on `date`, the most local jurisdiction winning for each
 * code: what `evaluateCandidate` and the planners take as `rules`.
 */
export function qualificationRulesInForce(
  rows: readonly ListItemRule[],
  jurisdictions: readonly string[],
  date: LocalDate,
): QualificationRule[] {
  const qualification = rows.filter((row) => row.list === 'handler_qualification');
  return [...effectiveByKey(qualification, jurisdictions, date, (row) => row.code).values()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}
