import type { RuleRow } from '../eligibility/rules.ts';
import { CRIMINAL_STAGES, type CriminalStage } from '../lifecycle/events.ts';

/**
 * The subsidy standard (法律援助补贴标准, LAL art.52) as rule rows of the table `subsidy_rate`, in
 * the structure of 《关于完善法律援助补贴标准的指导意见》 (司发通〔2019〕27号): a base amount per
 * service (a case by type and criminal stage, a day of consultation duty, a duty lawyer's half-day
 * or case), differentiated supplements (more stages, more parties, remote travel, a complex case,
 * extra hearings, termination), costs reimbursed within caps, and quality bands that move the base
 * up or down. An amount of `null` is "to be set by the centre" (待中心设定): the structure is
 * shipped, the figure is not invented, and a calculation that needs it says so.
 */

/** What a base rate pays for. */
export const SUBSIDY_SERVICES = ['case', 'consultation_duty', 'duty_lawyer'] as const;
export type SubsidyService = (typeof SUBSIDY_SERVICES)[number];

export const SUBSIDY_UNITS = ['per_case', 'per_working_day', 'per_half_day'] as const;
export type SubsidyUnit = (typeof SUBSIDY_UNITS)[number];

/** What a supplement is paid for; how its count is known is in `SUPPLEMENT_EVIDENCE`. */
export const SUPPLEMENT_TRIGGERS = [
  'extra_stage', // 多阶段: stages handled beyond the first under one assignment
  'extra_party', // 多受援人/多当事人: parties beyond the first
  'remote_travel', // 异地办案
  'complex', // 重大、疑难、复杂
  'extra_hearing', // 多次开庭: hearings held beyond those the base includes
  'terminated', // 终止: aid ended before the matter did (usually a reduction)
] as const;
export type SupplementTrigger = (typeof SUPPLEMENT_TRIGGERS)[number];

/** Where a supplement's count comes from: the casework record, or finance's statement at review. */
export const SUPPLEMENT_EVIDENCE: Record<SupplementTrigger, 'record' | 'declared'> = {
  extra_stage: 'declared',
  extra_party: 'declared',
  remote_travel: 'declared',
  complex: 'declared',
  extra_hearing: 'record',
  terminated: 'record',
};

export const COST_KINDS = [
  'copying', // 复印
  'travel', // 交通差旅
  'communication', // 通讯
  'meals', // 误餐
  'investigation', // 调查取证
  'interpretation', // 翻译
  'other',
] as const;
export type CostKind = (typeof COST_KINDS)[number];

/**
 * How a claimed cost is reimbursed: within a cap per case (`capFen`, null while the centre has not
 * set it), in full at cost (据实报销), or not at all because the base rate already includes it.
 */
export const COST_TREATMENTS = ['capped', 'at_cost', 'included'] as const;
export type CostTreatment = (typeof COST_TREATMENTS)[number];

interface RateNames {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface BaseRate extends RateNames {
  kind: 'base';
  service: SubsidyService;
  /** For `case`: the case types it pays (e.g. `criminal`); empty for the other services. */
  caseTypes: string[];
  /** For a criminal case: the stage it pays; a row without one pays the case types at any stage. */
  stage?: CriminalStage;
  unit: SubsidyUnit;
  amountFen: number | null;
}

export interface SupplementRate extends RateNames {
  kind: 'supplement';
  caseTypes: string[];
  trigger: SupplementTrigger;
  /** A fixed amount per occurrence, or a share of the base in basis points (1 000 = 10 %; negative reduces). */
  method: 'fixed' | 'percent_of_base';
  amountFen: number | null;
  percentBp: number | null;
  /** Occurrences the base already pays for (e.g. the first hearing). */
  includedCount: number;
  /** The most the supplement pays on one case; none when null. */
  capFen: number | null;
}

export interface CostRate extends RateNames {
  kind: 'cost';
  costKind: CostKind;
  treatment: CostTreatment;
  capFen: number | null;
}

export interface QualityBand extends RateNames {
  kind: 'quality_band';
  minScore: number;
  maxScore: number;
  /** The change to the base in basis points: +1 000 adds 10 %, −2 000 takes 20 % off. */
  percentBp: number | null;
}

export type SubsidyRateData = BaseRate | SupplementRate | CostRate | QualityBand;
export type SubsidyRateRule = SubsidyRateData & RuleRow;

/**
 * The centre's finance policy (rule table `subsidy_policy`, one row): which date picks the
 * standard a case is paid by, and the adjustment above which a second person must approve.
 */
export interface SubsidyPolicy {
  dateBasis: 'assignment' | 'closing';
  secondApprovalAboveFen: number;
}
export type SubsidyPolicyRule = SubsidyPolicy & RuleRow;

/** The rule key: versions of the same code replace each other. */
export const subsidyRateKey = (r: { code: string }): string => r.code;

export function isCriminalStage(s: string | null | undefined): s is CriminalStage {
  return (CRIMINAL_STAGES as readonly string[]).includes(s ?? '');
}
