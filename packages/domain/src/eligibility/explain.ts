import type { Locale } from '../shared/brand.ts';
import type { Counterfactual, Reason } from './assess.ts';
import type { ApplicantCategory } from './rules.ts';

/** Plain-language explanations of assessment reasons, in Chinese first, for staff and citizens alike. */
type Params = Record<string, string | number>;
type Template = (p: Params, locale: Locale) => string;

export function yuan(fen: number, locale: Locale): string {
  const amount = (fen / 100).toLocaleString(locale === 'en-US' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: fen % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return locale === 'en-US' ? `¥${amount}` : `${amount} 元`;
}

/** A fact's name from its rule row (the assessment puts it in the params), else its code. */
const factName = (p: Params, locale: Locale) =>
  String((locale === 'en-US' ? p.factEn : p.factZh) ?? p.fact ?? '');

export const CATEGORY_NAMES: Record<ApplicantCategory, [string, string]> = {
  minor: ['未成年人', 'minor'],
  elderly: ['老年人', 'elderly person'],
  disabled: ['残疾人', 'person with a disability'],
  no_fixed_income: ['无固定生活来源', 'no fixed income'],
  social_assistance: ['社会救助对象（低保、特困等）', 'social assistance recipient'],
  judicial_relief: ['司法救助对象', 'judicial relief recipient'],
  military_benefit: ['优抚对象', 'military benefit recipient'],
  migrant_worker: ['进城务工人员', 'migrant worker'],
  welfare_institution: ['社会福利机构中由政府供养的人员', 'person supported in a welfare institution'],
  serious_illness: ['重病患者', 'seriously ill person'],
  hero_martyr_relative: ['英雄烈士近亲属', 'close relative of a hero or martyr'],
};

const pick = (locale: Locale, zh: string, en: string) => (locale === 'en-US' ? en : zh);

const REASONS: Record<Reason['code'], Template> = {
  MATTER_IN_SCOPE: (_p, l) =>
    pick(l, '申请事项属于法律援助范围。', 'The matter is within the scope of legal aid.'),
  MATTER_OUT_OF_CATALOGUE: (_p, l) =>
    pick(l, '申请事项不在法律援助事项范围内。', 'The matter is not in the catalogue of legal aid matters.'),
  MATTER_NEEDS_FACT: (p, l) =>
    pick(
      l,
      `该事项须满足条件：${factName(p, 'zh-CN')}。`,
      `This matter is covered only when this holds: ${factName(p, 'en-US')}.`,
    ),
  HARDSHIP_NOT_TESTED: (_p, l) =>
    pick(l, '本类案件不审查经济困难状况。', 'Economic hardship is not examined for this case.'),
  HARDSHIP_EXEMPT: (_p, l) =>
    pick(l, '属于不受经济困难条件限制的情形。', 'No economic-hardship condition applies in this situation.'),
  HARDSHIP_PRESUMED: (_p, l) =>
    pick(
      l,
      '属于免予核查经济困难状况的人员。',
      'Economic hardship is presumed for this applicant and not checked.',
    ),
  HARDSHIP_MET: (p, l) =>
    pick(
      l,
      `家庭人均月收入 ${yuan(Number(p.perCapitaFen), l)}，不高于经济困难标准 ${yuan(Number(p.thresholdFen), l)}，符合经济困难条件。`,
      `Household income per member is ${yuan(Number(p.perCapitaFen), l)} a month, at or below the line of ${yuan(Number(p.thresholdFen), l)}: economic hardship is met.`,
    ),
  HARDSHIP_NOT_MET: (p, l) =>
    pick(
      l,
      `家庭人均月收入 ${yuan(Number(p.perCapitaFen), l)}，高于经济困难标准 ${yuan(Number(p.thresholdFen), l)}，不符合经济困难条件。`,
      `Household income per member is ${yuan(Number(p.perCapitaFen), l)} a month, above the line of ${yuan(Number(p.thresholdFen), l)}: economic hardship is not met.`,
    ),
  HARDSHIP_UNKNOWN: (p, l) =>
    pick(
      l,
      `需要家庭人口和月收入才能判断经济困难状况（标准：人均 ${yuan(Number(p.thresholdFen), l)}）。`,
      `Household size and monthly income are needed to judge hardship (line: ${yuan(Number(p.thresholdFen), l)} per member).`,
    ),
  NO_THRESHOLD: (p, l) =>
    pick(l, `${p.date} 没有生效的经济困难标准。`, `No economic-hardship line is in force on ${p.date}.`),
};

const COUNTERFACTUALS: Record<Counterfactual['code'], Template> = {
  ELIGIBLE_IF_INCOME_AT_MOST: (p, l) =>
    pick(
      l,
      `如果家庭人均月收入不高于 ${yuan(Number(p.perCapitaFen), l)}（家庭月收入合计不高于 ${yuan(Number(p.householdFen), l)}），即符合经济困难条件。`,
      `Eligible if household income per member were at most ${yuan(Number(p.perCapitaFen), l)} (household total at most ${yuan(Number(p.householdFen), l)}).`,
    ),
  INELIGIBLE_IF_INCOME_ABOVE: (p, l) =>
    pick(
      l,
      `如果家庭人均月收入高于 ${yuan(Number(p.perCapitaFen), l)}，则不符合经济困难条件。`,
      `Not eligible if household income per member were above ${yuan(Number(p.perCapitaFen), l)}.`,
    ),
  ELIGIBLE_IF_FACT: (p, l) =>
    pick(
      l,
      `如果符合条件“${factName(p, 'zh-CN')}”，该事项即属于援助范围。`,
      `In scope if this holds: ${factName(p, 'en-US')}.`,
    ),
};

export function explainReason(reason: Reason, locale: Locale): string {
  return REASONS[reason.code](reason.params ?? {}, locale);
}

export function explainCounterfactual(change: Counterfactual, locale: Locale): string {
  return COUNTERFACTUALS[change.code](change.params, locale);
}
