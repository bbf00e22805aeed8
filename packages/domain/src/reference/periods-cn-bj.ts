import type { LocalDate } from '../shared/brand.ts';
import type { RuleRow } from '../eligibility/rules.ts';
import type { PeriodUnit } from '../calendar/periods.ts';
import { BEIJING, NATIONAL } from './rules-cn-bj.ts';

/** A statutory period as rule data: how long, counted how, from which event, on whose authority. */
export interface PeriodRule extends RuleRow {
  kind: string;
  amount: number;
  unit: PeriodUnit;
  nameZh: string;
  nameEn: string;
  /**
   * The kind of the period this one runs beside, when both bind the same step (Beijing's 5
   * working days beside LAL art.43's 7 days): the earlier due date governs, both are cited.
   */
  runsWith?: string;
}

const LAL_IN_FORCE = '2022-01-01' as LocalDate;
const period = (
  jurisdiction: string,
  kind: string,
  amount: number,
  unit: PeriodUnit,
  citation: string,
  nameZh: string,
  nameEn: string,
  effectiveFrom = LAL_IN_FORCE,
): PeriodRule => ({
  id: `${jurisdiction === NATIONAL ? 'cn' : 'bj'}.period.${kind}.v1`,
  jurisdiction,
  kind,
  amount,
  unit,
  citation,
  nameZh,
  nameEn,
  effectiveFrom,
  effectiveTo: null,
});

export const PERIODS: PeriodRule[] = [
  period(
    NATIONAL,
    'custody_transfer',
    24,
    'hours',
    'LAL art.39',
    '羁押场所转交申请',
    'Custody forwards an application',
  ),
  period(
    NATIONAL,
    'review_decision',
    7,
    'calendar_days',
    'LAL art.43',
    '审查并作出是否给予法律援助的决定',
    'Review and decision',
  ),
  // BJR art.21(1): "法律援助机构应当自受理法律援助申请之日起5个工作日内完成审查并作出是否提供法律援助的决定"
  // (《北京市法律援助条例》 2008, LawRefBook/Laws 地方性法规/北京/北京市法律援助条例.md). It runs beside
  // LAL art.43's 7 days; the earlier due date governs (docs/adr/0013-beijing-decision-period.md).
  {
    id: 'bj.period.review_decision_bjr.v1',
    jurisdiction: BEIJING,
    kind: 'review_decision_bjr',
    amount: 5,
    unit: 'working_days',
    citation: 'BJR art.21',
    nameZh: '审查并作出是否提供法律援助的决定（北京，5个工作日）',
    nameEn: 'Review and decision (Beijing, 5 working days)',
    runsWith: 'review_decision',
    effectiveFrom: '2009-03-01' as LocalDate,
    effectiveTo: null,
  },
  period(
    NATIONAL,
    'assignment',
    3,
    'calendar_days',
    'LAL art.36; LAL art.43',
    '指派法律援助人员',
    'Assignment of a handler',
  ),
  period(
    NATIONAL,
    'objection_review',
    5,
    'calendar_days',
    'LAL art.49',
    '司法行政部门审查异议',
    'Review of an objection',
  ),
  period(
    BEIJING,
    'objection_filing',
    15,
    'calendar_days',
    'BJR art.24',
    '对不予援助决定提出异议',
    'Filing an objection',
  ),
  period(
    NATIONAL,
    'agreement_signing',
    5,
    'calendar_days',
    'MOJ procedure rules 2023 art.27',
    '签订委托协议和授权委托书',
    'Signing the agreement and power of attorney',
  ),
  period(
    NATIONAL,
    'complaint_acceptance',
    5,
    'working_days',
    'MOJ complaint rules 2013',
    '受理投诉',
    'Accepting a complaint',
    '2013-11-01' as LocalDate,
  ),
  period(
    NATIONAL,
    'complaint_handling',
    45,
    'calendar_days',
    'MOJ complaint rules 2013',
    '办结投诉',
    'Finishing a complaint',
    '2013-11-01' as LocalDate,
  ),
  period(
    NATIONAL,
    'complaint_reply',
    5,
    'working_days',
    'MOJ complaint rules 2013',
    '答复投诉人',
    'Replying to the complainant',
    '2013-11-01' as LocalDate,
  ),
];
