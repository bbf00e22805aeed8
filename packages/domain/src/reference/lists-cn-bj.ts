import type { LocalDate } from '../shared/brand.ts';
import { BEIJING, NATIONAL } from './rules-cn-bj.ts';
import { item, type ListItemRule } from './list-item.ts';
import { STATUTORY_HOLIDAYS } from './statutory-holidays-cn.ts';
import { FACT_ITEMS } from './facts-cn-bj.ts';
import { MATTER_SYNONYMS, NOTIFIED_MATTERS } from './matter-words-cn-bj.ts';
import { DUTY_SERVICE_TYPE_ITEMS } from './duty-service-types-cn.ts';
import {
  CENTRE_KPI_ITEMS,
  COMPLAINT_ITEMS,
  HEARING_OBSERVATION_ITEMS,
  ORGAN_OPINION_ITEMS,
  QUALITY_THRESHOLD_ITEMS,
  VISIT_QUESTION_ITEMS,
} from './quality-lists-cn.ts';

export { RULE_LISTS, type ListItemRule, type RuleList } from './list-item.ts';

/**
 * Every coded-list row Fayuan ships: notice and termination grounds, refusal reasons, handler
 * qualifications, application and closing materials, evaluation, the statutory holidays
 * (statutory-holidays-cn.ts), the eligibility facts (facts-cn-bj.ts) and the handler's standing.
 */
export const LIST_ITEMS: ListItemRule[] = [
  item(NATIONAL, 'criminal_notice_ground', 'minor', '未成年人', 'Minor', 'LAL art.25(1)'),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'sensory_disability',
    '视力、听力、言语残疾人',
    'Vision, hearing or speech disability',
    'LAL art.25(2)',
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'limited_understanding',
    '不能完全辨认自己行为的成年人',
    'Adult unable to fully understand own conduct',
    'LAL art.25(3)',
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'life_or_death_sentence',
    '可能被判处无期徒刑、死刑的人',
    'May face life imprisonment or death',
    'LAL art.25(4)',
    { minYearsPractice: 3 },
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'death_penalty_review',
    '申请法律援助的死刑复核案件被告人',
    'Death-penalty review applicant',
    'LAL art.25(5)',
    { minYearsPractice: 3 },
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'trial_in_absentia',
    '缺席审判案件的被告人',
    'Trial in absentia',
    'LAL art.25(6)',
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'compulsory_medical_treatment',
    '强制医疗案件的被申请人或者被告人',
    'Compulsory medical treatment',
    'LAL art.28',
  ),
  item(
    NATIONAL,
    'criminal_notice_ground',
    'court_discretion',
    '其他适用普通程序审理的刑事案件（刑事辩护全覆盖）',
    'Other ordinary-procedure cases (full-coverage pilot)',
    'LAL art.25; OPN (四)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'deception',
    '以欺骗或者其他不正当手段获得法律援助',
    'Aid obtained by deception',
    'LAL art.48(1)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'concealment_or_false_evidence',
    '故意隐瞒与案件有关的重要事实或者提供虚假证据',
    'Hiding key facts or false evidence',
    'LAL art.48(2)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'illegal_purpose',
    '利用法律援助从事违法活动',
    'Using aid for illegal ends',
    'LAL art.48(3)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'finances_improved',
    '经济状况发生变化，不再符合法律援助条件',
    'Finances improved',
    'LAL art.48(4)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'case_ended_or_withdrawn',
    '案件终止审理或者已经被撤销',
    'Case ended or withdrawn',
    'LAL art.48(5)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'own_lawyer_hired',
    '受援人自行委托律师或者其他代理人',
    'Recipient hired own lawyer',
    'LAL art.48(6)',
  ),
  item(
    NATIONAL,
    'termination_ground',
    'recipient_request',
    '受援人有正当理由要求终止法律援助',
    'Recipient asks with good reason',
    'LAL art.48(7)',
  ),
  item(
    BEIJING,
    'termination_ground',
    'agreement_breach',
    '受援人违反法律援助协议',
    'Breach of the aid agreement',
    'BJR art.30',
  ),
  item(
    NATIONAL,
    'refusal_reason',
    'out_of_scope',
    '申请事项不属于法律援助范围',
    'Matter outside the scope of legal aid',
    'LAL art.31',
  ),
  item(
    NATIONAL,
    'refusal_reason',
    'no_hardship',
    '不符合经济困难标准',
    'Economic hardship not met',
    'LAL art.34',
  ),
  item(
    NATIONAL,
    'refusal_reason',
    'materials_incomplete',
    '未按要求补充材料或者作出说明',
    'Materials not supplied as required',
    'LAL art.43',
    {},
    // Closed (issue 11 §4): under LAL art.43(2) an application whose materials are not supplied is
    // deemed withdrawn, never refused, so no refusal (and no objection right) may rest on it. The
    // row stays, so decisions made with it before the closing keep their reason and its name.
    { effectiveTo: '2026-12-03' as LocalDate },
  ),
  item(
    NATIONAL,
    'refusal_reason',
    'not_competent',
    '不属于本机构受理范围',
    'Not within this centre’s competence',
    'LAL art.38',
  ),
  item(
    NATIONAL,
    'handler_qualification',
    'life_or_death_cases',
    '可能判处无期徒刑、死刑及死刑复核案件须具有三年以上相关执业经历的律师',
    'Life/death cases need a lawyer with ≥3 years of relevant practice',
    'LAL art.26',
    { minYearsPractice: 3 },
  ),
  item(
    NATIONAL,
    'handler_qualification',
    'minors_cases',
    '未成年人案件须指派熟悉未成年人身心特点的律师',
    'Minors’ cases need a lawyer familiar with minors',
    'MPL art.104',
    { requiresMinorsExpertise: true },
  ),
  item(
    BEIJING,
    'handler_qualification',
    'appeal_cases',
    '申诉案件严格审核承办人员资质',
    'Strict checks of handlers for appeal cases',
    'OPN (六)',
    { requiresTeam: 'appeals' },
  ),
  // Duty service (值班律师): the agency places *lawyers* at courts, procuratorates and detention
  // centres (LAL art.14); `appliesTo: duty` keeps the row out of case assignment.
  item(
    NATIONAL,
    'handler_qualification',
    'duty_lawyer_service',
    '值班律师须为律师',
    'Duty service needs a lawyer',
    'LAL art.14',
    { requiresLawyer: true, appliesTo: 'duty' },
  ),
  // What an applicant hands in (LAL art.41; SF/T 0024-2017 receipt for materials). `requiredFor`
  // lists the hardship bases or `all`; the completeness check asks for every missing one at once.
  item(
    NATIONAL,
    'application_material',
    'identity_document',
    '申请人身份证件',
    'Applicant’s identity document',
    'LAL art.41',
    { requiredFor: 'all' },
  ),
  item(
    NATIONAL,
    'application_material',
    'integrity_pledge',
    '经济困难状况个人诚信承诺书',
    'Integrity pledge on economic hardship',
    'LAL art.41',
    { requiredFor: 'integrity_pledge' },
  ),
  item(
    NATIONAL,
    'application_material',
    'hardship_certificate',
    '经济困难证明材料',
    'Proof of economic hardship',
    'LAL art.41',
    { requiredFor: 'certificate' },
  ),
  item(
    NATIONAL,
    'application_material',
    'category_proof',
    '免予核查经济困难状况的证明（如低保证、残疾证）',
    'Proof of a category exempt from the hardship check (e.g. 低保 or disability card)',
    'LAL art.42',
    { requiredFor: 'presumed_category' },
  ),
  item(
    NATIONAL,
    'application_material',
    'ground_proof',
    '不受经济困难条件限制情形的证明',
    'Proof of a ground without the hardship condition',
    'LAL art.32',
    { requiredFor: 'no_condition_ground' },
  ),
  item(
    NATIONAL,
    'application_material',
    'case_materials',
    '与所申请法律援助事项有关的材料',
    'Materials on the matter applied for',
    'LAL art.41',
    { requiredFor: 'all' },
  ),
  item(
    NATIONAL,
    'application_material',
    'agent_authority',
    '代理人身份证明及代理权限证明',
    'Agent’s identity and proof of authority',
    'LAL art.40',
    { requiredFor: 'agent' },
  ),
  // What the handler hands in at closing (结案材料): LAL art.50 asks for copies of the legal
  // documents and the handling report (the report is the closing's own text, not a file). The
  // agreement and the work records come from the MOJ procedure rules (司法部《办理法律援助案件程序规定》,
  // 2012, revised 2023 as 司法部令第148号); article numbers there are TO BE CONFIRMED, so these rows
  // cite the rules without one. Params (see casework/closing-materials.ts): `requiredFor` is `all`
  // or case types, comma-separated; `required`; `requiredOnTermination` (a terminated case asks for fewer).
  item(
    NATIONAL,
    'closing_material',
    'legal_document',
    '判决书、裁定书、调解书或其他终结案件的法律文书副本（复印件）',
    'Copy of the judgment, ruling, mediation agreement or other legal document ending the matter',
    'LAL art.50',
    { requiredFor: 'all', required: true, requiredOnTermination: false },
  ),
  item(
    NATIONAL,
    'closing_material',
    'aid_agreement',
    '委托代理协议或委托辩护协议',
    'Representation or defence agreement',
    'LAL art.50; MOJ procedure rules 2023',
    {
      requiredFor: 'criminal,civil,administrative,state_compensation,appeal',
      required: true,
      requiredOnTermination: true,
    },
  ),
  item(
    NATIONAL,
    'closing_material',
    'meeting_record',
    '会见笔录',
    'Records of meetings with the defendant',
    'LAL art.50; MOJ procedure rules 2023',
    { requiredFor: 'criminal', required: true, requiredOnTermination: false },
  ),
  // The defence may read the file only from the review for prosecution on (CPL art.40): a defence
  // that ended at the investigation stage has none, so it is listed but not required.
  item(
    NATIONAL,
    'closing_material',
    'file_reading_record',
    '阅卷笔录',
    'Records of reading the case file',
    'LAL art.50; MOJ procedure rules 2023',
    { requiredFor: 'criminal', required: false, requiredOnTermination: false },
  ),
  item(
    NATIONAL,
    'closing_material',
    'defence_opinion',
    '辩护词或书面辩护意见',
    'Defence statement or written defence opinion',
    'LAL art.50; MOJ procedure rules 2023',
    { requiredFor: 'criminal', required: true, requiredOnTermination: false },
  ),
  // A civil or administrative matter may end in mediation before any hearing: listed, not required.
  item(
    NATIONAL,
    'closing_material',
    'representation_opinion',
    '代理词或书面代理意见',
    'Statement or written opinion of the representative',
    'LAL art.50; MOJ procedure rules 2023',
    {
      requiredFor: 'civil,administrative,state_compensation,appeal',
      required: false,
      requiredOnTermination: false,
    },
  ),
  // Flags a reviewer sees beside an application. Beijing's regulations treat a second application
  // on the same matter after aid was given, or after it was withdrawn, specially (BJR art.22–23).
  item(
    BEIJING,
    'review_flag',
    'repeat_application',
    '同一事项已申请或已获法律援助',
    'The same matter was already applied for or aided',
    'BJR art.22',
  ),
  item(
    BEIJING,
    'review_flag',
    'previously_withdrawn',
    '同一事项曾撤回申请或视为撤回',
    'The same matter was withdrawn (or deemed withdrawn) before',
    'BJR art.23',
  ),
  item(
    NATIONAL,
    'review_flag',
    'forwarded_late',
    '羁押场所或办案机关超过 24 小时转交申请',
    'Custody or the case-handling body forwarded it after 24 hours',
    'LAL art.39',
  ),
  // How a closed case's quality was checked (LAL art.59; [OPN] (六) adds the public lawyer's
  // follow, 跟案). `recordsSatisfaction`: the recipient's satisfaction is recorded with this method.
  item(NATIONAL, 'evaluation_method', 'file_inspection', '案卷检查', 'File inspection', 'LAL art.59'),
  item(NATIONAL, 'evaluation_method', 'hearing_observation', '庭审旁听', 'Hearing observation', 'LAL art.59'),
  item(
    NATIONAL,
    'evaluation_method',
    'recipient_visit',
    '回访受援人',
    'Follow-up visit to the recipient',
    'LAL art.59',
    { recordsSatisfaction: true },
  ),
  item(
    NATIONAL,
    'evaluation_method',
    'judicial_opinion',
    '征询司法机关意见',
    'Opinion of the judicial authority',
    'LAL art.59',
  ),
  item(
    BEIJING,
    'evaluation_method',
    'public_lawyer_follow',
    '法律援助公职律师跟案',
    'Public lawyer follows the case',
    'OPN (六)',
  ),
  // The grades of a quality evaluation with their score bands (whole points, both ends included).
  // LAL art.57 leaves the standards to the justice administration; these bands are SAMPLE values
  // for Beijing — edit the rule rows (a new version from a date) to the bureau's standard.
  item(BEIJING, 'quality_grade', 'excellent', '优秀', 'Excellent', 'LAL art.57; OPN (六)', {
    minScore: 90,
    maxScore: 100,
  }),
  item(BEIJING, 'quality_grade', 'good', '良好', 'Good', 'LAL art.57; OPN (六)', {
    minScore: 80,
    maxScore: 89,
  }),
  item(BEIJING, 'quality_grade', 'pass', '合格', 'Pass', 'LAL art.57; OPN (六)', {
    minScore: 60,
    maxScore: 79,
  }),
  item(BEIJING, 'quality_grade', 'fail', '不合格', 'Fail', 'LAL art.57; OPN (六)', {
    minScore: 0,
    maxScore: 59,
  }),
  ...STATUTORY_HOLIDAYS,
  ...FACT_ITEMS,
  // The handler's standing in the proceedings, by matter, as the official letter (公函) and the
  // meeting letter (会见函) print it and the case page shows it. Code = the matter's code; a
  // matter without a row is represented (诉讼代理人). A person facing compulsory medical
  // treatment gets a representative, never a defender: LAL art.28 ("没有委托诉讼代理人的…指派律师为其
  // 提供法律援助"). CPL's article on it is still to be confirmed (TO_CONFIRM), so it is not cited.
  item(NATIONAL, 'handler_role', 'criminal_defense', '辩护人', 'defence counsel', 'LAL art.24; LAL art.25'),
  item(NATIONAL, 'handler_role', 'criminal_victim', '诉讼代理人', 'litigation representative', 'LAL art.29'),
  item(
    NATIONAL,
    'handler_role',
    'compulsory_medical_treatment',
    '诉讼代理人',
    'litigation representative',
    'LAL art.28',
  ),
  // Callers' words for each matter (not law) and what a notified case's matter is called.
  ...MATTER_SYNONYMS,
  ...NOTIFIED_MATTERS,
  ...DUTY_SERVICE_TYPE_ITEMS,
  ...COMPLAINT_ITEMS,
  ...QUALITY_THRESHOLD_ITEMS,
  ...VISIT_QUESTION_ITEMS,
  ...CENTRE_KPI_ITEMS,
  ...HEARING_OBSERVATION_ITEMS,
  ...ORGAN_OPINION_ITEMS,
];
