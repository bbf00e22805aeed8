import { NATIONAL } from './rules-cn-bj.ts';
import { item, type ListItemRule } from './list-item.ts';

/**
 * Words callers use for a matter (工资, 欠薪, 工伤, 家暴 …), so the staff matter picker and the
 * public self-test find the catalogue's matter from them. One row per matter (code = the matter's
 * code); the words are the row's names, separated by 、 (zh) and , (en). They are not law: their
 * source says so, and they are dated rows beside the matter catalogue so an editor can widen them.
 */
const EDITORIAL = 'Fayuan editorial, not law';

const words = (code: string, zh: string[], en: string[]): ListItemRule =>
  item(NATIONAL, 'matter_synonym', code, zh.join('、'), en.join(', '), EDITORIAL);

export const MATTER_SYNONYMS: ListItemRule[] = [
  words(
    'labour_remuneration',
    [
      '工资',
      '欠薪',
      '拖欠工资',
      '讨薪',
      '工钱',
      '劳务费',
      '加班费',
      '劳动合同',
      '劳动关系',
      '辞退',
      '开除',
      '劳动仲裁',
      '经济补偿',
    ],
    ['wages', 'salary', 'unpaid wages', 'overtime', 'employment', 'dismissal', 'labour arbitration'],
  ),
  words(
    'personal_injury_work',
    ['工伤', '工伤事故', '工伤赔偿', '工伤认定', '工地受伤', '干活受伤', '职业病'],
    ['work injury', 'injured at work', 'occupational disease'],
  ),
  words(
    'maintenance',
    ['抚养费', '赡养', '赡养费', '扶养费', '生活费', '子女抚养', '离婚'],
    ['child support', 'maintenance', 'support for parents', 'alimony', 'divorce'],
  ),
  words(
    'domestic_violence_protection',
    ['家暴', '家庭暴力', '虐待', '遗弃', '人身安全保护令', '离婚'],
    ['domestic violence', 'abuse', 'abandonment', 'protection order', 'divorce'],
  ),
  words(
    'personal_injury_traffic',
    ['车祸', '交通事故', '被车撞', '撞车', '交通肇事'],
    ['car accident', 'traffic accident', 'hit by a car'],
  ),
  words(
    'personal_injury_medical',
    ['医疗事故', '医疗纠纷', '误诊', '手术失误'],
    ['medical accident', 'medical malpractice', 'misdiagnosis'],
  ),
  words(
    'personal_injury_food_drug',
    ['食物中毒', '食品安全', '假药', '药品'],
    ['food poisoning', 'food safety', 'fake medicine'],
  ),
  words(
    'social_insurance',
    ['社保', '养老保险', '医保', '医疗保险', '失业保险', '失业金', '生育保险'],
    ['social security', 'pension insurance', 'medical insurance', 'unemployment benefit'],
  ),
  words(
    'social_assistance',
    ['低保', '救助', '救济', '特困', '五保'],
    ['minimum living allowance', 'welfare', 'relief'],
  ),
  words('survivor_pension', ['抚恤金', '抚恤'], ['survivor pension', 'death benefit']),
  words('state_compensation', ['国家赔偿', '错误羁押'], ['state compensation', 'wrongful detention']),
  words(
    'incapacity_declaration',
    ['无民事行为能力', '限制民事行为能力', '监护', '老年痴呆', '精神病'],
    ['incapacity', 'guardianship', 'dementia'],
  ),
  words('environmental_damage', ['污染', '环境污染', '噪音', '排污'], ['pollution', 'noise', 'environment']),
  words('good_samaritan', ['见义勇为'], ['good samaritan', 'rescuer']),
  words('hero_martyr_rights', ['英烈', '烈士', '英雄'], ['martyr', 'hero']),
  words('appeal', ['申诉', '再审', '不服判决'], ['appeal', 'retrial']),
  words('notarization', ['公证'], ['notary', 'notarisation']),
  words(
    'criminal_defense',
    ['辩护', '刑事', '被抓', '被拘留', '逮捕'],
    ['criminal defence', 'arrested', 'detained'],
  ),
  words('criminal_victim', ['被害人', '受害人', '自诉', '附带民事'], ['crime victim', 'private prosecution']),
  words('personal_injury_product', ['产品质量', '产品伤人', '爆炸'], ['defective product', 'product injury']),
  words(
    'personal_injury_other',
    ['人身损害', '受伤', '被打', '伤害赔偿'],
    ['personal injury', 'assaulted', 'injured'],
  ),
];

/**
 * What a notified case's matter is called (通知辩护 / 通知代理): a police, procuratorate or court
 * notice asks the centre for a defender (LAL art.25, art.36) or, in compulsory medical treatment, a
 * representative (art.28); there is no application, so the matter is not "申请辩护".
 * Code = the matter code the notice records.
 */
export const NOTIFIED_MATTERS: ListItemRule[] = [
  item(
    NATIONAL,
    'notified_matter',
    'criminal_defense',
    '通知辩护',
    'Notified defence',
    'LAL art.25; LAL art.36',
  ),
  item(
    NATIONAL,
    'notified_matter',
    'compulsory_medical_treatment',
    '通知代理',
    'Notified representation',
    'LAL art.28; LAL art.36',
  ),
];
