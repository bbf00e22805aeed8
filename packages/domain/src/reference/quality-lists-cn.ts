import { BEIJING, NATIONAL } from './rules-cn-bj.ts';
import { item, type ListItemRule } from './list-item.ts';

/**
 * The coded lists of quality supervision: complaints handling, then the handlers' quality
 * thresholds. The two complaint lists come from the 2013 《法律援助投诉处理办法》 as local
 * justice bureaus publish it (facts.md §2: cqwx.gov.cn 2025-01-23 cites its 第八条 for the
 * acceptance conditions; xuanzhou.gov.cn 2024-02-13 lists the three ways a complaint is dealt
 * with). The 2025 rule (司法部令第149号) replaced that text; its own lists were not readable, so
 * these rows carry the 2013 citation until they are (docs/lifecycle.md, "to confirm").
 */
const RULES_2013 = 'MOJ complaint rules 2013';

export const COMPLAINT_ITEMS: ListItemRule[] = [
  // Not accepted: one of the acceptance conditions of art.8 is not met.
  item(
    NATIONAL,
    'complaint_decline_reason',
    'not_complainant',
    '投诉人不具有投诉人主体资格',
    'The complainant is not an applicant, recipient or interested party',
    `${RULES_2013} art.8`,
  ),
  item(
    NATIONAL,
    'complaint_decline_reason',
    'no_respondent_or_request',
    '没有明确的被投诉人和投诉请求',
    'No clear respondent or request',
    `${RULES_2013} art.8`,
  ),
  item(
    NATIONAL,
    'complaint_decline_reason',
    'no_facts',
    '没有具体的投诉事实和理由',
    'No specific facts or grounds',
    `${RULES_2013} art.8`,
  ),
  item(
    NATIONAL,
    'complaint_decline_reason',
    'not_our_jurisdiction',
    '不属于本机关管辖范围',
    'Not within this office’s jurisdiction',
    `${RULES_2013} art.8`,
  ),
  item(
    NATIONAL,
    'complaint_decline_reason',
    'not_complaint_matter',
    '不属于投诉事项范围',
    'Not a matter that can be complained about',
    `${RULES_2013} art.8`,
  ),
  // How a complaint was dealt with after the investigation (the same three kinds as stats form 13).
  item(
    NATIONAL,
    'complaint_outcome',
    'sanctioned',
    '给予行政处罚、行业惩戒或者纪律处分',
    'Administrative penalty, professional sanction or disciplinary action',
    RULES_2013,
    { upheld: true },
  ),
  item(
    NATIONAL,
    'complaint_outcome',
    'corrected',
    '批评教育、通报批评或者责令限期整改',
    'Criticism, a notice of criticism or an order to put it right by a date',
    RULES_2013,
    { upheld: true },
  ),
  item(
    NATIONAL,
    'complaint_outcome',
    'not_substantiated',
    '查证不实或者无法查实，不作处理',
    'Not borne out or cannot be verified: no action',
    RULES_2013,
    { upheld: false },
  ),
];

/**
 * When a handler's quality record is a concern (承办业绩, OPN (六) quality management, (七) the
 * admission and exit of legal aid lawyers): no law sets these numbers, so they are SAMPLE values
 * for Beijing for the bureau to replace with a new version from a date. Each is judged over its
 * window and only on enough facts (`minCount`).
 */
const QUALITY_BASIS = 'OPN (六); OPN (七)';
export const QUALITY_THRESHOLD_ITEMS: ListItemRule[] = [
  item(
    BEIJING,
    'quality_threshold',
    'low_average_score',
    '质量评估平均分低于 70 分',
    'Average evaluation score below 70',
    QUALITY_BASIS,
    {
      metric: 'average_score',
      min: 70,
      windowDays: 365,
      minCount: 3,
    },
  ),
  item(
    BEIJING,
    'quality_threshold',
    'low_inspection_score',
    '卷宗检查平均分低于 70 分',
    'Average file inspection score below 70',
    QUALITY_BASIS,
    {
      metric: 'inspection_score',
      min: 70,
      windowDays: 365,
      minCount: 2,
    },
  ),
  item(
    BEIJING,
    'quality_threshold',
    'upheld_complaints',
    '一年内两次以上投诉属实',
    'Two or more founded complaints in a year',
    QUALITY_BASIS,
    {
      metric: 'upheld_complaints',
      max: 1,
      windowDays: 365,
      minCount: 1,
    },
  ),
  item(
    BEIJING,
    'quality_threshold',
    'low_satisfaction',
    '受援人满意度平均低于 3 分',
    'Recipients’ average satisfaction below 3 of 5',
    QUALITY_BASIS,
    {
      metric: 'satisfaction',
      min: 3,
      windowDays: 365,
      minCount: 3,
    },
  ),
  item(
    BEIJING,
    'quality_threshold',
    'poor_organ_opinions',
    '一年内两次以上办案机关评价较差',
    'Two or more poor opinions from case-handling organs in a year',
    `${QUALITY_BASIS}; LAL art.59`,
    {
      metric: 'poor_organ_opinions',
      max: 1,
      windowDays: 365,
      minCount: 1,
    },
  ),
];

/**
 * The script of a follow-up call to a recipient (回访, LAL art.59): the centre's own questions, a
 * SAMPLE for Beijing to edit (a new version from a date). `answer`: `yes_no` or `text`; `concernIf`
 * the yes/no answer that flags the call for a review beside the satisfaction.
 */
export const VISIT_QUESTION_ITEMS: ListItemRule[] = [
  item(
    BEIJING,
    'visit_question',
    'contacted_promptly',
    '承办人员接受指派后是否及时与您联系？',
    'Did the handler contact you promptly after being assigned?',
    'LAL art.59',
    {
      answer: 'yes_no',
      concernIf: 'no',
      order: 1,
    },
  ),
  item(
    BEIJING,
    'visit_question',
    'informed_of_progress',
    '办理过程中是否向您告知案件进展？',
    'Were you told how the case was progressing?',
    'LAL art.46; LAL art.59',
    {
      answer: 'yes_no',
      concernIf: 'no',
      order: 2,
    },
  ),
  item(
    BEIJING,
    'visit_question',
    'asked_for_money',
    '承办人员是否向您收取过财物？',
    'Did the handler ask you for money or gifts?',
    'LAL art.59',
    {
      answer: 'yes_no',
      concernIf: 'yes',
      order: 3,
    },
  ),
  item(
    BEIJING,
    'visit_question',
    'suggestions',
    '您对法律援助工作还有什么意见和建议？',
    'Any comments or suggestions on the legal aid you received?',
    'LAL art.59',
    {
      answer: 'text',
      order: 4,
    },
  ),
];

/**
 * What a case-handling organ is asked to rate when the centre seeks its opinion of a case's legal
 * aid (征询办案机关意见, LAL art.59; OPN (六) 征询司法机关意见; SF/T 0032-2023 11.5), each 1–5: a
 * SAMPLE for Beijing to edit (a new version from a date). `overall` marks the overall rating.
 */
const OPINION_BASIS = 'LAL art.59; OPN (六); SF/T 0032-2023 11.5';
export const ORGAN_OPINION_ITEMS: ListItemRule[] = [
  item(
    BEIJING,
    'organ_opinion_item',
    'punctuality',
    '是否按时到庭、会见',
    'Attended hearings and met the client on time',
    OPINION_BASIS,
    { order: 1 },
  ),
  item(
    BEIJING,
    'organ_opinion_item',
    'opinion_quality',
    '辩护、代理意见质量',
    'Quality of the defence or representation opinions',
    OPINION_BASIS,
    { order: 2 },
  ),
  item(
    BEIJING,
    'organ_opinion_item',
    'communication',
    '与办案机关沟通',
    'Communication with the case-handling organ',
    OPINION_BASIS,
    { order: 3 },
  ),
  item(BEIJING, 'organ_opinion_item', 'overall', '总体评价', 'Overall', OPINION_BASIS, {
    order: 4,
    overall: true,
  }),
];

/**
 * The indicators of the bureau's evaluation of centres (考评, OPN (十二)), each a formula over
 * measures counted from the records (quality/centre-kpis.ts). Which indicators and how they are
 * weighed are the bureau's: these are SAMPLE formulas for Beijing, changed by a new version.
 */
const KPI_BASIS = 'OPN (十二)';
export const CENTRE_KPI_ITEMS: ListItemRule[] = [
  item(BEIJING, 'centre_kpi', 'on_time_rate', '按期办理率', 'On-time rate', `${KPI_BASIS}; LAL art.43`, {
    numerator: 'clocks_on_time',
    denominator: 'clocks_stopped',
    scale: 100,
    unit: '%',
    order: 1,
  }),
  item(
    BEIJING,
    'centre_kpi',
    'evaluation_score',
    '质量评估平均分',
    'Average evaluation score',
    `${KPI_BASIS}; LAL art.57`,
    {
      numerator: 'evaluation_score_sum',
      denominator: 'evaluations',
      scale: 1,
      unit: '分',
      order: 2,
    },
  ),
  item(
    BEIJING,
    'centre_kpi',
    'inspection_score',
    '卷宗抽查平均分',
    'Average file inspection score',
    `${KPI_BASIS}; LAL art.59`,
    {
      numerator: 'inspection_score_sum',
      denominator: 'inspections',
      scale: 1,
      unit: '分',
      order: 3,
    },
  ),
  item(
    BEIJING,
    'centre_kpi',
    'satisfaction',
    '受援人满意度',
    'Recipients’ satisfaction',
    `${KPI_BASIS}; LAL art.59`,
    {
      numerator: 'satisfaction_sum',
      denominator: 'satisfaction_count',
      scale: 1,
      unit: '/ 5',
      order: 4,
    },
  ),
  item(
    BEIJING,
    'centre_kpi',
    'complaint_rate',
    '每百件结案投诉数',
    'Complaints per 100 closed cases',
    `${KPI_BASIS}; LAL art.56`,
    {
      numerator: 'complaints_received',
      denominator: 'cases_closed',
      scale: 100,
      unit: '件',
      order: 5,
    },
  ),
  item(
    BEIJING,
    'centre_kpi',
    'upheld_rate',
    '投诉属实率',
    'Share of complaints founded',
    `${KPI_BASIS}; LAL art.56`,
    {
      numerator: 'complaints_upheld',
      denominator: 'complaints_decided',
      scale: 100,
      unit: '%',
      order: 6,
    },
  ),
  item(
    BEIJING,
    'centre_kpi',
    'defence_coverage',
    '刑事案件指派率',
    'Criminal cases with a defender assigned',
    `${KPI_BASIS}; LAL art.25`,
    {
      numerator: 'criminal_assigned',
      denominator: 'criminal_received',
      scale: 100,
      unit: '%',
      order: 7,
    },
  ),
];

/**
 * The score sheet of a hearing observation (庭审旁听, LAL art.59; OPN (六); SF/T 0032-2023 11.3):
 * what the observer scores of the handler's work in court. Neither the law nor the standard lists
 * the items or their weights: these are a SAMPLE for Beijing to set (a new version from a date).
 * `weight`: the item's share of the total (out of 100); `maxScore`: the scale it is scored on.
 */
const OBSERVATION_BASIS = 'SF/T 0032-2023 11.3; LAL art.59; OPN (六)';
const observationItem = (
  code: string,
  nameZh: string,
  nameEn: string,
  weight: number,
  order: number,
): ListItemRule =>
  item(BEIJING, 'hearing_observation_item', code, nameZh, nameEn, OBSERVATION_BASIS, {
    weight,
    maxScore: 5,
    order,
  });
export const HEARING_OBSERVATION_ITEMS: ListItemRule[] = [
  observationItem('preparation', '庭前准备', 'Preparation before the hearing', 15, 1),
  observationItem('courtroom_conduct', '出庭仪表与纪律', 'Appearance and discipline in court', 10, 2),
  observationItem('evidence', '举证质证', 'Presenting and challenging evidence', 20, 3),
  observationItem('questioning', '发问', 'Questioning', 15, 4),
  observationItem('argument', '辩论（辩护/代理）意见', 'Defence or representation arguments', 20, 5),
  observationItem('application_of_law', '法律适用', 'Application of the law', 10, 6),
  observationItem('client_rights', '当事人权益维护', 'Protecting the client’s rights', 10, 7),
];
