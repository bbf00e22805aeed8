import type { LocalDate } from '../shared/brand.ts';
import { item, type ListItemRule } from './list-item.ts';
import { BEIJING, NATIONAL } from './rules-cn-bj.ts';

/**
 * 两高两部《关于刑事诉讼法律援助工作的规定》 (2013-02-04, in force 2013-03-01) art.2(2): the "other
 * reasons" (LAL art.24, CPL art.35) for which a suspect or defendant may apply. Its wording was read
 * in secondary reposts only, not in LawRefBook/Laws: see TO_CONFIRM.
 */
const CRIMINAL_AID_2013 = '两高两部刑事诉讼法律援助规定(2013) art.2';
const CRIMINAL_AID_2013_IN_FORCE = '2013-03-01' as LocalDate;
/**
 * A yes/no fact asked for the matters listed (comma-separated; empty = every matter), with the
 * question the citizen's self-test puts (`questionZh`/`questionEn`; forms for staff show the name).
 */
const fact = (
  jurisdiction: string,
  code: string,
  names: { nameZh: string; nameEn: string; questionZh: string; questionEn: string },
  citation: string,
  matters: string,
  span: { effectiveFrom?: LocalDate; effectiveTo?: LocalDate | null } = {},
) =>
  item(
    jurisdiction,
    'fact',
    code,
    names.nameZh,
    names.nameEn,
    citation,
    { type: 'boolean', matters, questionZh: names.questionZh, questionEn: names.questionEn },
    span,
  );

export const FACT_ITEMS: ListItemRule[] = [
  // Facts the eligibility forms ask (yes/no); matters and exemptions name them by code.
  fact(
    NATIONAL,
    'domesticViolenceVictim',
    {
      nameZh: '遭受虐待、遗弃或者家庭暴力',
      nameEn: 'Victim of abuse, abandonment or domestic violence',
      questionZh: '您是否遭受虐待、遗弃或者家庭暴力？',
      questionEn: 'Are you a victim of abuse, abandonment or domestic violence?',
    },
    'LAL art.32(4)',
    '',
  ),
  fact(
    NATIONAL,
    'retrialOrdered',
    {
      nameZh: '人民法院已决定再审或者人民检察院已提出抗诉',
      nameEn: 'Retrial ordered or protest lodged',
      questionZh: '您的案件是否已由法院决定再审，或者由检察院提出抗诉？',
      questionEn: 'Has a court ordered a retrial of your case, or a procuratorate lodged a protest?',
    },
    'LAL art.33',
    '',
  ),
  fact(
    NATIONAL,
    'acquittedOnRetrial',
    {
      nameZh: '再审改判无罪',
      nameEn: 'Acquitted on retrial',
      questionZh: '您是否在再审中被改判无罪？',
      questionEn: 'Were you acquitted on retrial?',
    },
    'LAL art.32(3)',
    '',
  ),
  fact(
    NATIONAL,
    'intellectualDisability',
    {
      nameZh: '有证据证明犯罪嫌疑人、被告人属于一级或者二级智力残疾',
      nameEn: 'Evidence that the suspect or defendant has an intellectual disability of grade 1 or 2',
      questionZh: '是否有证据证明犯罪嫌疑人、被告人属于一级或者二级智力残疾？',
      questionEn:
        'Is there evidence that the suspect or defendant has an intellectual disability of grade 1 or 2?',
    },
    `${CRIMINAL_AID_2013}(1)`,
    'criminal_defense',
    { effectiveFrom: CRIMINAL_AID_2013_IN_FORCE },
  ),
  fact(
    NATIONAL,
    'coDefendantHasCounsel',
    {
      nameZh: '共同犯罪案件中，其他犯罪嫌疑人、被告人已委托辩护人',
      nameEn: 'In a joint crime, another suspect or defendant has retained counsel',
      questionZh: '这是共同犯罪案件，且其他犯罪嫌疑人、被告人已委托辩护人吗？',
      questionEn: 'Is this a joint crime in which another suspect or defendant has retained counsel?',
    },
    `${CRIMINAL_AID_2013}(2)`,
    'criminal_defense',
    { effectiveFrom: CRIMINAL_AID_2013_IN_FORCE },
  ),
  fact(
    NATIONAL,
    'procuratorateProtest',
    {
      nameZh: '人民检察院抗诉',
      nameEn: 'The procuratorate has lodged a protest (抗诉)',
      questionZh: '人民检察院是否已对本案提出抗诉？',
      questionEn: 'Has the procuratorate lodged a protest (抗诉) in the case?',
    },
    `${CRIMINAL_AID_2013}(3)`,
    'criminal_defense',
    { effectiveFrom: CRIMINAL_AID_2013_IN_FORCE },
  ),
  fact(
    NATIONAL,
    'majorSocialImpact',
    {
      nameZh: '案件具有重大社会影响',
      nameEn: 'The case has a major social impact',
      questionZh: '案件是否具有重大社会影响？',
      questionEn: 'Does the case have a major social impact?',
    },
    `${CRIMINAL_AID_2013}(4)`,
    'criminal_defense',
    { effectiveFrom: CRIMINAL_AID_2013_IN_FORCE },
  ),
  // BJR art.19(4): "重度残疾或者患有重大疾病且无固定生活来源的" — hardship found without proof. From 2022
  // LAL art.42(1) covers disabled people without fixed income by category, so the question closes.
  fact(
    BEIJING,
    'severeDisability',
    {
      nameZh: '重度残疾',
      nameEn: 'Severe disability',
      questionZh: '您是否为重度残疾人？',
      questionEn: 'Do you have a severe disability?',
    },
    'BJR art.19(4)',
    '',
    { effectiveFrom: '2009-03-01' as LocalDate, effectiveTo: '2021-12-31' as LocalDate },
  ),
];
