import type { LocalDate } from '../shared/brand.ts';
import type { ExemptionRule, MatterRule, ThresholdRule } from '../eligibility/rules.ts';

/**
 * The rule rows Fayuan ships (seeded by migration; administrators add versions in the UI).
 * National rows are jurisdiction 000000 from the Legal Aid Law's entry into force (2022-01-01);
 * Beijing rows are 110000. Sources: domain.md, with article citations.
 */
export const NATIONAL = '000000';
export const BEIJING = '110000';
const LAL_IN_FORCE = '2022-01-01' as LocalDate;
const BEFORE_LAL = '2021-12-31' as LocalDate;
const OPN_DATE = '2017-10-11' as LocalDate;
/** 《北京市法律援助条例》 adopted 2008-12-19, in force 2009-03-01. */
const BJR_IN_FORCE = '2009-03-01' as LocalDate;

type Seed<T> = Omit<T, 'effectiveTo'> & { effectiveTo?: LocalDate | null };
const row = <T>(r: Seed<T>): T => ({ effectiveTo: null, ...r }) as T;

function matter(
  jurisdiction: string,
  code: string,
  nameZh: string,
  nameEn: string,
  citation: string,
  extra: Partial<Pick<MatterRule, 'requiresFacts' | 'hardshipTested' | 'effectiveFrom' | 'effectiveTo'>> & {
    version?: string;
  } = {},
): MatterRule {
  return row<MatterRule>({
    id: `${jurisdiction === NATIONAL ? 'cn' : 'bj'}.matter.${code}.${extra.version ?? 'v1'}`,
    jurisdiction,
    code,
    nameZh,
    nameEn,
    citation,
    requiresFacts: extra.requiresFacts ?? [],
    hardshipTested: extra.hardshipTested ?? true,
    effectiveFrom: extra.effectiveFrom ?? LAL_IN_FORCE,
    effectiveTo: extra.effectiveTo ?? null,
  });
}

export const MATTERS: MatterRule[] = [
  matter(NATIONAL, 'state_compensation', '依法请求国家赔偿', 'State compensation', 'LAL art.31(1)'),
  matter(NATIONAL, 'social_insurance', '请求给予社会保险待遇', 'Social insurance benefits', 'LAL art.31(2)'),
  matter(
    NATIONAL,
    'social_assistance',
    '请求给予社会救助（含最低生活保障）',
    'Social assistance (incl. minimum living allowance)',
    'LAL art.31(2); BJR art.9',
  ),
  matter(NATIONAL, 'survivor_pension', '请求发给抚恤金', 'Survivor pension', 'LAL art.31(3)'),
  matter(
    NATIONAL,
    'maintenance',
    '请求给付赡养费、抚养费、扶养费',
    'Maintenance for parents, children or spouse',
    'LAL art.31(4)',
  ),
  matter(
    NATIONAL,
    'labour_remuneration',
    '请求确认劳动关系或者支付劳动报酬',
    'Employment relationship or unpaid wages',
    'LAL art.31(5)',
  ),
  matter(
    NATIONAL,
    'incapacity_declaration',
    '请求认定公民无民事行为能力或者限制民事行为能力',
    'Declaring civil incapacity',
    'LAL art.31(6)',
  ),
  matter(
    NATIONAL,
    'personal_injury_work',
    '请求工伤事故人身损害赔偿',
    'Personal injury from a work accident',
    'LAL art.31(7)',
  ),
  matter(
    NATIONAL,
    'personal_injury_traffic',
    '请求交通事故人身损害赔偿',
    'Personal injury from a traffic accident',
    'LAL art.31(7)',
  ),
  matter(
    NATIONAL,
    'personal_injury_food_drug',
    '请求食品药品安全事故人身损害赔偿',
    'Personal injury from a food or drug safety accident',
    'LAL art.31(7)',
  ),
  matter(
    NATIONAL,
    'personal_injury_medical',
    '请求医疗事故人身损害赔偿',
    'Personal injury from a medical accident',
    'LAL art.31(7)',
  ),
  matter(
    NATIONAL,
    'environmental_damage',
    '请求环境污染、生态破坏损害赔偿',
    'Environmental pollution or ecological damage',
    'LAL art.31(8)',
  ),
  matter(
    NATIONAL,
    'hero_martyr_rights',
    '英雄烈士近亲属维护英雄烈士人格权益',
    "Protecting a hero or martyr's personality rights",
    'LAL art.32(1)',
  ),
  matter(
    NATIONAL,
    'good_samaritan',
    '因见义勇为行为主张相关民事权益',
    'Civil claims arising from a good-Samaritan act',
    'LAL art.32(2)',
  ),
  matter(
    NATIONAL,
    'state_compensation_after_acquittal',
    '再审改判无罪请求国家赔偿',
    'State compensation after acquittal on retrial',
    'LAL art.32(3)',
  ),
  // LAL art.32(4) presupposes that a victim of abuse, abandonment or domestic violence may apply for aid
  // to assert the related rights (e.g. a personal safety protection order) anywhere in China.
  matter(
    NATIONAL,
    'domestic_violence_protection',
    '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
    'Protection from domestic violence, abuse or abandonment',
    'LAL art.32(4)',
  ),
  matter(
    NATIONAL,
    'appeal',
    '不服已生效判决、裁定的再审案件',
    'Retrial of an effective judgment or ruling',
    'LAL art.33',
    {
      requiresFacts: ['retrialOrdered'],
    },
  ),
  matter(
    NATIONAL,
    'criminal_defense',
    '刑事案件犯罪嫌疑人、被告人申请辩护',
    'Defence of a criminal suspect or defendant',
    'LAL art.24',
  ),
  matter(
    NATIONAL,
    'criminal_victim',
    '刑事案件被害人、自诉人、附带民事诉讼当事人',
    'Victim, private prosecutor or civil party in a criminal case',
    'LAL art.29',
  ),
  // Beijing widens the catalogue (BJR art.9) and takes in the appeal stage and notarial aid ([OPN]).
  matter(
    BEIJING,
    'domestic_violence_protection',
    '请求家庭暴力、虐待、遗弃保护',
    'Protection from domestic violence, abuse or abandonment',
    'BJR art.9',
  ),
  matter(
    BEIJING,
    'personal_injury_product',
    '请求产品质量事故人身损害赔偿',
    'Personal injury from a defective product',
    'BJR art.9',
  ),
  matter(BEIJING, 'personal_injury_other', '请求其他人身损害赔偿', 'Other personal injury', 'BJR art.9'),
  matter(
    BEIJING,
    'appeal',
    '不服已生效判决、裁定提出申诉',
    'Appeal (申诉) against an effective judgment or ruling',
    'OPN (三); LAL art.33',
    {
      effectiveFrom: LAL_IN_FORCE,
    },
  ),
  matter(BEIJING, 'notarization', '公证援助', 'Notarial aid', 'OPN (三)'),
  // Before the Legal Aid Law (to 2021-12-31) Beijing's catalogue was BJR art.9 (in force 2009-03-01),
  // widened by [OPN] (2017-10-11) to appeals and notarial aid. These rows keep 2019–2021 applications
  // (the minimum-wage lines from 2019-07-01) decidable on the law then in force.
  ...(
    [
      ['state_compensation', '依法请求国家赔偿', 'State compensation'],
      ['social_insurance', '请求给予社会保险待遇', 'Social insurance benefits'],
      ['social_assistance', '请求给予最低生活保障待遇或者发给救济金', 'Minimum living allowance or relief'],
      ['survivor_pension', '请求发给抚恤金', 'Survivor pension'],
      ['maintenance', '请求给付赡养费、抚养费、扶养费', 'Maintenance for parents, children or spouse'],
      ['labour_remuneration', '请求支付劳动报酬', 'Unpaid wages'],
      [
        'domestic_violence_protection',
        '因家庭暴力、虐待、遗弃请求司法保护',
        'Protection from domestic violence, abuse or abandonment',
      ],
      ['personal_injury_work', '请求工伤事故人身损害赔偿', 'Personal injury from a work accident'],
      ['personal_injury_traffic', '请求交通事故人身损害赔偿', 'Personal injury from a traffic accident'],
      ['personal_injury_medical', '请求医疗事故人身损害赔偿', 'Personal injury from a medical accident'],
      ['personal_injury_product', '请求产品质量事故人身损害赔偿', 'Personal injury from a defective product'],
      [
        'personal_injury_food_drug',
        '请求食品药品安全事故人身损害赔偿（其他人身伤害事故）',
        'Personal injury from a food or drug safety accident',
      ],
      ['personal_injury_other', '请求其他人身伤害事故赔偿', 'Other personal injury'],
    ] as const
  ).map(([code, nameZh, nameEn]) =>
    matter(BEIJING, code, nameZh, nameEn, 'BJR art.9', {
      version: 'v0',
      effectiveFrom: BJR_IN_FORCE,
      effectiveTo: BEFORE_LAL,
    }),
  ),
  matter(
    BEIJING,
    'appeal',
    '不服已生效判决、裁定提出申诉',
    'Appeal (申诉) against an effective judgment or ruling',
    'OPN (三)',
    { version: 'v0', effectiveFrom: OPN_DATE, effectiveTo: BEFORE_LAL },
  ),
  // BJR art.12: "公民因实施见义勇为行为致使自身合法权益受到损害的，可以申请法律援助，不受本条例规定的
  // 经济困难条件的限制" (in force 2009-03-01; from 2022 LAL art.32(2) takes over nationally).
  matter(
    BEIJING,
    'good_samaritan',
    '因见义勇为行为致使自身合法权益受到损害',
    'Harm suffered through a good-Samaritan act',
    'BJR art.12',
    { version: 'v0', effectiveFrom: BJR_IN_FORCE, effectiveTo: BEFORE_LAL },
  ),
  matter(BEIJING, 'notarization', '公证援助', 'Notarial aid', 'OPN (三)', {
    version: 'v0',
    effectiveFrom: OPN_DATE,
    effectiveTo: BEFORE_LAL,
  }),
];

function exemption(
  jurisdiction: string,
  code: string,
  kind: ExemptionRule['kind'],
  citation: string,
  when: Partial<Pick<ExemptionRule, 'categories' | 'facts' | 'matters' | 'effectiveFrom' | 'effectiveTo'>> & {
    version?: string;
  },
): ExemptionRule {
  return row<ExemptionRule>({
    id: `${jurisdiction === NATIONAL ? 'cn' : 'bj'}.exemption.${code}.${when.version ?? 'v1'}`,
    jurisdiction,
    code,
    kind,
    citation,
    categories: when.categories ?? [],
    facts: when.facts ?? [],
    matters: when.matters ?? [],
    effectiveFrom: when.effectiveFrom ?? LAL_IN_FORCE,
    effectiveTo: when.effectiveTo ?? null,
  });
}

export const EXEMPTIONS: ExemptionRule[] = [
  // LAL art.32: no economic-hardship condition at all.
  exemption(NATIONAL, 'hero_martyr_relative', 'no_condition', 'LAL art.32(1)', {
    categories: ['hero_martyr_relative'],
    matters: ['hero_martyr_rights'],
  }),
  exemption(NATIONAL, 'good_samaritan', 'no_condition', 'LAL art.32(2)', { matters: ['good_samaritan'] }),
  exemption(NATIONAL, 'acquitted_on_retrial', 'no_condition', 'LAL art.32(3)', {
    matters: ['state_compensation_after_acquittal'],
  }),
  exemption(NATIONAL, 'acquitted_on_retrial_claim', 'no_condition', 'LAL art.32(3)', {
    facts: ['acquittedOnRetrial'],
    matters: ['state_compensation'],
  }),
  exemption(NATIONAL, 'abuse_victim', 'no_condition', 'LAL art.32(4)', {
    facts: ['domesticViolenceVictim'],
    matters: ['domestic_violence_protection', 'maintenance', 'personal_injury_other'],
  }),
  // LAL art.42: hardship presumed, not checked.
  exemption(NATIONAL, 'minor_without_income', 'presumed', 'LAL art.42(1)', {
    categories: ['minor', 'no_fixed_income'],
  }),
  exemption(NATIONAL, 'elderly_without_income', 'presumed', 'LAL art.42(1)', {
    categories: ['elderly', 'no_fixed_income'],
  }),
  exemption(NATIONAL, 'disabled_without_income', 'presumed', 'LAL art.42(1)', {
    categories: ['disabled', 'no_fixed_income'],
  }),
  exemption(NATIONAL, 'social_assistance', 'presumed', 'LAL art.42(2)', {
    categories: ['social_assistance'],
  }),
  exemption(NATIONAL, 'judicial_relief', 'presumed', 'LAL art.42(2)', { categories: ['judicial_relief'] }),
  exemption(NATIONAL, 'military_benefit', 'presumed', 'LAL art.42(2)', { categories: ['military_benefit'] }),
  exemption(NATIONAL, 'migrant_worker_wages_injury', 'presumed', 'LAL art.42(3)', {
    categories: ['migrant_worker'],
    matters: ['labour_remuneration', 'personal_injury_work'],
  }),
  // LAL art.24 (CPL art.35): a suspect or defendant may apply "因经济困难或者其他原因"; the other
  // reasons (2013 provisions art.2) are not means-tested. One row a reason: a new reason is a new
  // fact row and a new exemption row, no code.
  ...(
    [
      ['criminal_intellectual_disability', 'intellectualDisability', '(1)'],
      ['criminal_co_defendant_counsel', 'coDefendantHasCounsel', '(2)'],
      ['criminal_procuratorate_protest', 'procuratorateProtest', '(3)'],
      ['criminal_major_social_impact', 'majorSocialImpact', '(4)'],
    ] as const
  ).map(([code, fact, item]) =>
    exemption(
      NATIONAL,
      code,
      'no_condition',
      `LAL art.24; CPL art.35; 两高两部刑事诉讼法律援助规定(2013) art.2${item}`,
      { facts: [fact], matters: ['criminal_defense'] },
    ),
  ),
  // Beijing adds (BJR art.19: hardship found without proof).
  exemption(BEIJING, 'seriously_ill_without_income', 'presumed', 'BJR art.19', {
    categories: ['serious_illness', 'no_fixed_income'],
  }),
  exemption(BEIJING, 'welfare_institution', 'presumed', 'BJR art.19', {
    categories: ['welfare_institution'],
  }),
  // Before the Legal Aid Law (BJR in force 2009-03-01 to 2021-12-31 for these rows): BJR art.19 alone.
  // From 2022 LAL art.42(2) covers 五保/低保 recipients and judicial relief under the same codes.
  // Earlier versions (v0) ahead of the v1 rows, so seeded rows are added, never edited (ADR 0002).
  exemption(BEIJING, 'seriously_ill_without_income', 'presumed', 'BJR art.19', {
    categories: ['serious_illness', 'no_fixed_income'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  exemption(BEIJING, 'welfare_institution', 'presumed', 'BJR art.19', {
    categories: ['welfare_institution'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  exemption(BEIJING, 'social_assistance', 'presumed', 'BJR art.19', {
    categories: ['social_assistance'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  exemption(BEIJING, 'judicial_relief', 'presumed', 'BJR art.19', {
    categories: ['judicial_relief'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  // BJR art.19(4): "重度残疾……且无固定生活来源的" — hardship found without proof (from 2022 LAL art.42(1)
  // covers disabled people without fixed income).
  exemption(BEIJING, 'severely_disabled_without_income', 'presumed', 'BJR art.19(4)', {
    categories: ['no_fixed_income'],
    facts: ['severeDisability'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  // BJR art.11: "农民工因请求支付劳动报酬或者工伤赔偿申请法律援助的，不受本条例规定的经济困难条件的限制".
  exemption(BEIJING, 'migrant_worker_wages_injury', 'no_condition', 'BJR art.11', {
    categories: ['migrant_worker'],
    matters: ['labour_remuneration', 'personal_injury_work'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
  // BJR art.12 (see the matter row): no hardship condition for a good-Samaritan claim.
  exemption(BEIJING, 'good_samaritan', 'no_condition', 'BJR art.12', {
    matters: ['good_samaritan'],
    version: 'v0',
    effectiveFrom: BJR_IN_FORCE,
    effectiveTo: BEFORE_LAL,
  }),
];

/**
 * Beijing's economic-hardship line is the city minimum wage in force on the application date
 * ([OPN]). Earlier values (2000 in 2017, 2120 in 2018) have unconfirmed start dates and are left out.
 */
export const THRESHOLDS: ThresholdRule[] = [
  row<ThresholdRule>({
    id: 'bj.threshold.2019-07-01',
    jurisdiction: BEIJING,
    monthlyIncomePerMemberFen: 220_000,
    citation: 'OPN (三); Beijing minimum wage from 2019-07-01',
    effectiveFrom: '2019-07-01' as LocalDate,
    effectiveTo: '2021-07-31' as LocalDate,
  }),
  row<ThresholdRule>({
    id: 'bj.threshold.2021-08-01',
    jurisdiction: BEIJING,
    monthlyIncomePerMemberFen: 232_000,
    citation: 'OPN (三); Beijing minimum wage from 2021-08-01',
    effectiveFrom: '2021-08-01' as LocalDate,
    effectiveTo: '2023-08-31' as LocalDate,
  }),
  row<ThresholdRule>({
    id: 'bj.threshold.2023-09-01',
    jurisdiction: BEIJING,
    monthlyIncomePerMemberFen: 242_000,
    citation: 'OPN (三); Beijing minimum wage from 2023-09-01',
    effectiveFrom: '2023-09-01' as LocalDate,
    effectiveTo: '2025-08-31' as LocalDate,
  }),
  row<ThresholdRule>({
    id: 'bj.threshold.2025-09-01',
    jurisdiction: BEIJING,
    monthlyIncomePerMemberFen: 254_000,
    citation: 'OPN (三); 京人社劳发〔2025〕7号',
    effectiveFrom: '2025-09-01' as LocalDate,
  }),
];

export { OPN_DATE };
