import type { LocalDate } from '../shared/brand.ts';
import type { RuleRow } from '../eligibility/rules.ts';
import { NATIONAL } from './rules-cn-bj.ts';

/**
 * Coded lists the later areas decide with: criminal notice grounds, termination grounds, refusal
 * reasons, handler qualification rules, quality-evaluation methods and grades. Each item is a
 * dated rule row with its citation.
 */
export const RULE_LISTS = [
  'criminal_notice_ground',
  'termination_ground',
  'refusal_reason',
  'handler_qualification',
  'application_material',
  'review_flag',
  'evaluation_method',
  'quality_grade',
  'closing_material',
  'statutory_holiday',
  'fact',
  'handler_role',
  'matter_synonym',
  'notified_matter',
  'duty_service_type',
  'applicant_pledge', // the applicant's integrity pledge shown and kept with an online application (LAL art.41)
  'complaint_decline_reason', // why a complaint is not accepted (the acceptance conditions)
  'complaint_outcome', // how a complaint was dealt with; `upheld`: the complaint was founded
  'quality_threshold', // a handler's quality record below (or above) which the centre is concerned
  'visit_question', // the script of a follow-up call to a recipient (回访): the centre's questions
  'centre_kpi', // an indicator of the bureau's evaluation of its centres (考评): a formula over measures
  'organ_opinion_item', // what a case-handling organ is asked to rate (征询办案机关意见), 1–5 each
  'hearing_observation_item', // a line of the score sheet of a hearing observation (庭审旁听): weight, maximum
] as const;
export type RuleList = (typeof RULE_LISTS)[number];

export interface ListItemRule extends RuleRow {
  list: RuleList;
  code: string;
  nameZh: string;
  nameEn: string;
  /** Machine-readable conditions, e.g. `{minYearsPractice: 3}` for a qualification rule. */
  params: Record<string, string | number | boolean>;
}

const LAL_IN_FORCE = '2022-01-01' as LocalDate;
/** One list item as a rule row (`cn.` or `bj.` id, version 1, in force from the Legal Aid Law). */
export const item = (
  jurisdiction: string,
  list: RuleList,
  code: string,
  nameZh: string,
  nameEn: string,
  citation: string,
  params: ListItemRule['params'] = {},
  span: { effectiveFrom?: LocalDate; effectiveTo?: LocalDate | null } = {},
): ListItemRule => ({
  id: `${jurisdiction === NATIONAL ? 'cn' : 'bj'}.${list}.${code}.v1`,
  jurisdiction,
  list,
  code,
  nameZh,
  nameEn,
  citation,
  params,
  effectiveFrom: span.effectiveFrom ?? LAL_IN_FORCE,
  effectiveTo: span.effectiveTo ?? null,
});
