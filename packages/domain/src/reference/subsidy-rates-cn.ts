import type { LocalDate } from '../shared/brand.ts';
import type { CriminalStage } from '../lifecycle/events.ts';
import type { SubsidyPolicyRule, SubsidyRateData, SubsidyRateRule } from '../subsidies/standard.ts';
import { BEIJING, NATIONAL } from './rules-cn-bj.ts';

/**
 * The subsidy standard Fayuan ships (rule table `subsidy_rate`), see subsidies/standard.ts.
 *
 * Sources (shared/design/facts.md §4):
 * - National rows carry the STRUCTURE of 司发通〔2019〕27号 (base per case type and stage, duty
 *   services by day or half-day, differentiated supplements, direct costs) as read from secondary
 *   sources [S]; LAL art.52 leaves the figures to each province. Every national amount is null:
 *   待中心设定, to be set by the centre on 规则管理 → 补贴标准.
 * - Beijing rows: 《北京市法律援助补贴办法》 京财行〔2011〕2483号 (北京市财政局、北京市司法局,
 *   2011-11-22), read from a repost [S]: 第三条 (the standard includes 交通、差旅、通讯、复印、误餐、
 *   调查取证 costs; 翻译费 reimbursed at cost), 第四条 (consultation or 代书 duty: 150元 per working
 *   day), 第五条(一) (criminal investigation stage: 1200元 per case). The later stages of 第五条 and
 *   the articles after it were cut off in every stored copy: those figures stay unset. Whether a
 *   newer Beijing standard replaced the 2011 one is TO CONFIRM (to-confirm.ts); the rows start on
 *   the notice's date, its own commencement date being unread.
 * - Quality bands follow the `quality_grade` score bands (LAL art.57; OPN (六)); 司发通〔2019〕27号
 *   ties pay to quality [S] but no figure was read, so every band's percentage is unset.
 */
const LAL_IN_FORCE = '2022-01-01' as LocalDate;
const BJ_2011 = '2011-11-22' as LocalDate;
const NATIONAL_CITATION = 'LAL art.52; 司发通〔2019〕27号';
const BJ_DOC = '京财行〔2011〕2483号';

function rate(
  jurisdiction: string,
  data: SubsidyRateData,
  citation: string,
  effectiveFrom: LocalDate,
): SubsidyRateRule {
  return {
    ...data,
    id: `${jurisdiction === NATIONAL ? 'cn' : 'bj'}.subsidy.${data.code}.v1`,
    jurisdiction,
    citation,
    effectiveFrom,
    effectiveTo: null,
  };
}

const national = (data: SubsidyRateData) => rate(NATIONAL, data, NATIONAL_CITATION, LAL_IN_FORCE);

const CRIMINAL_STAGE_RATES: [CriminalStage, string, string][] = [
  ['investigation', '刑事案件·侦查阶段', 'Criminal case, investigation stage'],
  ['prosecution_review', '刑事案件·审查起诉阶段', 'Criminal case, prosecution review stage'],
  ['trial_first_instance', '刑事案件·一审阶段', 'Criminal case, first-instance trial'],
  ['trial_second_instance', '刑事案件·二审阶段', 'Criminal case, second-instance trial'],
  ['death_penalty_review', '刑事案件·死刑复核', 'Criminal case, death-penalty review'],
  ['compulsory_medical_treatment', '强制医疗案件', 'Compulsory medical treatment case'],
];

const CASE_TYPE_RATES: [string, string, string][] = [
  ['civil', '民事案件', 'Civil case'],
  ['administrative', '行政案件', 'Administrative case'],
  ['state_compensation', '国家赔偿案件', 'State compensation case'],
  ['appeal', '申诉案件', 'Petition (申诉) case'],
  ['notarial', '公证事项', 'Notarial matter'],
  ['non_litigation', '非诉讼事项', 'Non-litigation matter'],
];

const COSTS: (SubsidyRateData & { kind: 'cost' })[] = (
  [
    ['copying', '复印费', 'Copying'],
    ['travel', '交通差旅费', 'Travel'],
    ['communication', '通讯费', 'Communication'],
    ['meals', '误餐费', 'Meals'],
    ['investigation', '调查取证费', 'Investigation'],
    ['interpretation', '翻译费', 'Interpretation'],
  ] as const
).map(([costKind, nameZh, nameEn]) => ({
  kind: 'cost',
  code: `cost_${costKind}`,
  nameZh,
  nameEn,
  costKind,
  treatment: 'capped',
  capFen: null,
}));

const QUALITY_BANDS: [string, string, string, number, number][] = [
  ['excellent', '质量优秀', 'Quality excellent', 90, 100],
  ['good', '质量良好', 'Quality good', 80, 89],
  ['pass', '质量合格', 'Quality pass', 60, 79],
  ['fail', '质量不合格', 'Quality fail', 0, 59],
];

export const SUBSIDY_RATES: readonly SubsidyRateRule[] = [
  ...CRIMINAL_STAGE_RATES.map(([stage, nameZh, nameEn]) =>
    national({
      kind: 'base',
      code: `case_criminal_${stage}`,
      nameZh,
      nameEn,
      service: 'case',
      caseTypes: ['criminal'],
      stage,
      unit: 'per_case',
      amountFen: null,
    }),
  ),
  national({
    kind: 'base',
    code: 'case_criminal',
    nameZh: '刑事案件（其他）',
    nameEn: 'Criminal case (other)',
    service: 'case',
    caseTypes: ['criminal'],
    unit: 'per_case',
    amountFen: null,
  }),
  ...CASE_TYPE_RATES.map(([caseType, nameZh, nameEn]) =>
    national({
      kind: 'base',
      code: `case_${caseType}`,
      nameZh,
      nameEn,
      service: 'case',
      caseTypes: [caseType],
      unit: 'per_case',
      amountFen: null,
    }),
  ),
  national({
    kind: 'base',
    code: 'consultation_duty',
    nameZh: '法律咨询、代书值班',
    nameEn: 'Consultation and document-drafting duty',
    service: 'consultation_duty',
    caseTypes: [],
    unit: 'per_working_day',
    amountFen: null,
  }),
  national({
    kind: 'base',
    code: 'duty_lawyer',
    nameZh: '值班律师法律帮助',
    nameEn: 'Duty-lawyer legal help',
    service: 'duty_lawyer',
    caseTypes: [],
    unit: 'per_half_day',
    amountFen: null,
  }),
  ...(
    [
      ['extra_stage', '多阶段办理', 'More than one stage', 'fixed', 0],
      ['extra_party', '多名受援人', 'More than one recipient', 'fixed', 0],
      ['remote_travel', '异地办案', 'Remote travel', 'fixed', 0],
      ['complex', '重大疑难复杂案件', 'Major, difficult or complex case', 'fixed', 0],
      ['extra_hearing', '多次开庭', 'Extra hearings', 'fixed', 1],
      ['terminated', '终止法律援助', 'Aid terminated', 'percent_of_base', 0],
    ] as const
  ).map(([trigger, nameZh, nameEn, method, includedCount]) =>
    national({
      kind: 'supplement',
      code: `supplement_${trigger}`,
      nameZh,
      nameEn,
      caseTypes: [],
      trigger,
      method,
      amountFen: null,
      percentBp: null,
      includedCount,
      capFen: null,
    }),
  ),
  ...COSTS.map((data) => national(data)),
  ...QUALITY_BANDS.map(([grade, nameZh, nameEn, minScore, maxScore]) =>
    rate(
      NATIONAL,
      { kind: 'quality_band', code: `quality_${grade}`, nameZh, nameEn, minScore, maxScore, percentBp: null },
      'LAL art.52; LAL art.57; 司发通〔2019〕27号',
      LAL_IN_FORCE,
    ),
  ),
  // Beijing, 京财行〔2011〕2483号.
  rate(
    BEIJING,
    {
      kind: 'base',
      code: 'case_criminal_investigation',
      nameZh: '刑事案件·侦查阶段',
      nameEn: 'Criminal case, investigation stage',
      service: 'case',
      caseTypes: ['criminal'],
      stage: 'investigation',
      unit: 'per_case',
      amountFen: 120_000,
    },
    `${BJ_DOC} 第五条(一)`,
    BJ_2011,
  ),
  rate(
    BEIJING,
    {
      kind: 'base',
      code: 'consultation_duty',
      nameZh: '法律咨询、代书值班',
      nameEn: 'Consultation and document-drafting duty',
      service: 'consultation_duty',
      caseTypes: [],
      unit: 'per_working_day',
      amountFen: 15_000,
    },
    `${BJ_DOC} 第四条`,
    BJ_2011,
  ),
  ...COSTS.map((data) =>
    data.costKind === 'interpretation'
      ? rate(BEIJING, { ...data, treatment: 'at_cost' }, `${BJ_DOC} 第三条第二款`, BJ_2011)
      : rate(BEIJING, { ...data, treatment: 'included' }, `${BJ_DOC} 第三条第一款`, BJ_2011),
  ),
];

/**
 * The finance policy row: the standard in force on the assignment date pays the case (the
 * standard the handler accepted the case under), and an adjustment above 500元 needs a second
 * approver. Both are Fayuan's defaults, not law: the centre sets its own (TO CONFIRM).
 */
export const SUBSIDY_POLICIES: readonly SubsidyPolicyRule[] = [
  {
    id: 'cn.subsidy_policy.v1',
    jurisdiction: NATIONAL,
    citation: 'Fayuan default (centre finance rules, to be set by the centre)',
    effectiveFrom: LAL_IN_FORCE,
    effectiveTo: null,
    dateBasis: 'assignment',
    secondApprovalAboveFen: 50_000,
  },
];
