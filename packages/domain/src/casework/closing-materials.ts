import type { ListItemRule } from '../reference/lists-cn-bj.ts';
import { fingerprint } from '../eligibility/assess.ts';

/**
 * What the handler hands in at closing (结案材料, LAL art.50): the rows of the `closing_material`
 * list in force, read for one case. A row's `params`:
 * - `requiredFor`: `all`, or the case types it covers, comma-separated (`criminal,civil`);
 * - `required`: whether it must be on file before the closing goes to the centre (false: listed, optional);
 * - `requiredOnTermination`: whether it is still required when aid ended by termination (LAL
 *   art.48) — a terminated case has no judgment to copy, so it asks for fewer.
 */
export interface ClosingMaterial {
  ruleId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  citation: string;
  required: boolean;
}

export interface ClosingMaterialCase {
  caseType: string;
  /** Aid ended by termination rather than by the matter's end. */
  terminated: boolean;
}

function covers(rule: ListItemRule, caseType: string): boolean {
  const scope = rule.params.requiredFor;
  if (scope === 'all') return true;
  return typeof scope === 'string' && scope.split(',').some((t) => t.trim() === caseType);
}

/** The materials the case's closing lists: required ones first, each group by code (the same order however stored). */
export function closingMaterialsFor(
  rules: readonly ListItemRule[],
  kase: ClosingMaterialCase,
): ClosingMaterial[] {
  const listed = rules
    .filter((r) => r.list === 'closing_material' && covers(r, kase.caseType))
    .map((r) => ({
      ruleId: r.id,
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      citation: r.citation,
      required: r.params.required === true && (!kase.terminated || r.params.requiredOnTermination === true),
    }));
  listed.sort((a, b) => Number(b.required) - Number(a.required) || a.code.localeCompare(b.code));
  return listed;
}

/** The required materials with no attachment of their code on file: every one, so the handler sees them all at once. */
export function missingClosingMaterials(
  materials: readonly ClosingMaterial[],
  onFile: ReadonlySet<string>,
): ClosingMaterial[] {
  return materials.filter((m) => m.required && !onFile.has(m.code));
}

/** The rule version a closing was checked against: a fingerprint of the rows read (as eligibility's). */
export function closingRuleVersion(materials: readonly ClosingMaterial[]): string {
  return fingerprint(materials.map((m) => m.ruleId).sort());
}
