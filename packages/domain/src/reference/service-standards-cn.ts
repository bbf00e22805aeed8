import type { LocalDate } from '../shared/brand.ts';
import type { ServiceStandardItem } from '../quality/service-standard.ts';
import { PERIODS } from './periods-cn-bj.ts';
import { NATIONAL } from './rules-cn-bj.ts';

/**
 * The service-standard checklist items Fayuan ships (quality/service-standard.ts), national rows.
 *
 * Sources (shared/design/facts.md §3):
 * - SF/T 0032-2023 《全国刑事法律援助服务规范》 replaced SF/T 0032-2019. Its sections are cited only
 *   as facts.md gives them: 8.5 承办, 8.6 终止, 10 结案归档与补贴发放, 11.4 案卷检查, 附录A (the
 *   files to archive). Its implementation date 2024-06-01 was read beside a wrong description on a
 *   vendor page: TO CONFIRM from the MOJ announcement; until then the 2019 rows run to 2024-05-31.
 * - SF/T 0032-2019 (effective 2019-02-25) and SF/T 0058-2019 《全国民事行政法律援助服务规范》
 *   (诉讼案件代理, 非诉讼案件代理; section numbers not read) are cited by the standard alone. Their
 *   rows start with the Legal Aid Law (2022-01-01), as every Fayuan rule row does.
 * - The standards' texts themselves were not read: each item is what the chapter heading and the
 *   law it rests on ask for. Check each against the text before a bureau relies on the wording.
 * - No standard's internal time limit is known, so no item has one except the agreement, whose
 *   5 days are the period row `agreement_signing` (MOJ procedure rules 2023 art.27), reused here.
 *   The closing materials have no period: LAL art.50 says only "及时" and no `closing_materials`
 *   period row ships (TO_CONFIRM).
 * - Closing-material codes are those the `closing_material` list requires for the case type,
 *   with and without termination (test: service-standards.test.ts).
 *
 * WEIGHTS ARE SAMPLE VALUES: LAL art.57 leaves the quality standard to the justice
 * administration, so the bureau sets them (a new row version from a date).
 */
const LAL_IN_FORCE = '2022-01-01' as LocalDate;
const SFT_0032_2023_FROM = '2024-06-01' as LocalDate;
const SFT_0032_2019_TO = '2024-05-31' as LocalDate;

type ItemFields = Omit<ServiceStandardItem, 'id' | 'jurisdiction' | 'effectiveFrom' | 'effectiveTo'>;

const row = (
  version: number,
  fields: ItemFields,
  effectiveFrom: LocalDate = LAL_IN_FORCE,
  effectiveTo: LocalDate | null = null,
): ServiceStandardItem => ({
  id: `cn.service_standard.${fields.code}.v${version}`,
  jurisdiction: NATIONAL,
  ...fields,
  effectiveFrom,
  effectiveTo,
});

const agreement = PERIODS.find((p) => p.kind === 'agreement_signing');
if (!agreement || agreement.unit !== 'calendar_days')
  throw new Error('the agreement_signing period row (MOJ procedure rules 2023 art.27) is missing');

const ALL: ServiceStandardItem['caseTypes'] = ['criminal', 'civil', 'administrative', 'non_litigation'];
const LITIGATION: ServiceStandardItem['caseTypes'] = ['civil', 'administrative'];

/** The items every case type shares: the handler's duties under the law itself. */
const SHARED: ServiceStandardItem[] = [
  row(
    1,
    {
      standard: 'MOJ',
      caseTypes: ALL,
      stage: 'acceptance',
      code: 'sign_agreement',
      nameZh: '自指派之日起五日内签订委托协议和授权委托书',
      nameEn: 'Agreement and power of attorney signed within 5 days of the assignment',
      citation: agreement.citation,
      evidence: { kind: 'activity', activityKinds: ['agreement_signed'] },
      withinDays: agreement.amount,
      periodCitation: agreement.citation,
      periodKind: 'agreement_signing',
      weight: 10,
    },
    agreement.effectiveFrom,
  ),
  row(1, {
    standard: 'LAL',
    caseTypes: ALL,
    stage: 'handling',
    code: 'keep_informed',
    nameZh: '按照规定向受援人通报法律援助事项办理情况',
    nameEn: 'Recipient kept informed of the progress of the matter',
    citation: 'LAL art.46',
    evidence: { kind: 'judgement' },
    weight: 10,
  }),
  row(1, {
    standard: 'LAL',
    caseTypes: ALL,
    stage: 'closing',
    code: 'termination_reported',
    nameZh: '发现终止情形及时向法律援助机构报告',
    nameEn: 'Ground for termination reported to the centre in time',
    citation: 'LAL art.48',
    evidence: { kind: 'judgement' },
    when: 'terminated',
    weight: 10,
  }),
];

/** Criminal items in both versions of SF/T 0032: the 2019 rows cite the standard alone. */
function criminal(standard: 'SF/T 0032-2019' | 'SF/T 0032-2023'): ServiceStandardItem[] {
  const v2 = standard === 'SF/T 0032-2023';
  const at = (section: string) => (v2 ? `${standard} ${section}` : standard);
  const version = v2 ? 2 : 1;
  const span: [LocalDate, LocalDate | null] = v2
    ? [SFT_0032_2023_FROM, null]
    : [LAL_IN_FORCE, SFT_0032_2019_TO];
  const items: ItemFields[] = [
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'handling',
      code: 'criminal.meet_client',
      nameZh: '会见受援人',
      nameEn: 'Met the client',
      citation: at('8.5'),
      evidence: { kind: 'activity', activityKinds: ['meeting'] },
      weight: 15,
    },
    {
      // Not applicable where the defence ended before the file could be read (CPL art.40): the reviewer says so.
      standard,
      caseTypes: ['criminal'],
      stage: 'handling',
      code: 'criminal.read_file',
      nameZh: '阅卷',
      nameEn: 'Read the case file',
      citation: at('8.5'),
      evidence: { kind: 'activity', activityKinds: ['file_reading'] },
      weight: 10,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'handling',
      code: 'criminal.attend_hearing',
      nameZh: '出庭辩护或代理',
      nameEn: 'Appeared at the hearing',
      citation: at('8.5'),
      evidence: { kind: 'activity', activityKinds: ['hearing'] },
      weight: 10,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'handling',
      code: 'criminal.defence_opinion',
      nameZh: '辩护词或书面辩护意见在案',
      nameEn: 'Defence statement or written defence opinion on file',
      citation: `${at('8.5')}; LAL art.50`,
      evidence: { kind: 'closing_material', codes: ['defence_opinion'] },
      when: 'not_terminated',
      weight: 15,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'handling',
      code: 'criminal.work_quality',
      nameZh: '辩护、代理工作质量（案卷检查）',
      nameEn: 'Quality of the defence or representation (file inspection)',
      citation: `${at('11.4')}; LAL art.59`,
      evidence: { kind: 'judgement' },
      weight: 20,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'closing',
      code: 'criminal.termination_decision',
      nameZh: '终止法律援助决定书在案',
      nameEn: 'Decision to terminate aid on file',
      citation: `${at('8.6')}; LAL art.48`,
      evidence: { kind: 'document', documentKinds: ['termination_decision'] },
      when: 'terminated',
      weight: 5,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'closing',
      code: 'criminal.closing_files',
      nameZh: '结案归档材料齐全',
      nameEn: 'Closing files complete',
      citation: v2 ? `${standard} 10; ${standard} 附录A; LAL art.50` : `${standard}; LAL art.50`,
      evidence: { kind: 'closing_material', codes: ['legal_document', 'aid_agreement', 'meeting_record'] },
      when: 'not_terminated',
      weight: 10,
    },
    {
      standard,
      caseTypes: ['criminal'],
      stage: 'closing',
      code: 'criminal.closing_files_terminated',
      nameZh: '结案归档材料齐全（终止）',
      nameEn: 'Closing files complete (terminated)',
      citation: v2 ? `${standard} 10; ${standard} 附录A; LAL art.50` : `${standard}; LAL art.50`,
      evidence: { kind: 'closing_material', codes: ['aid_agreement'] },
      when: 'terminated',
      weight: 10,
    },
  ];
  return items.map((fields) => row(version, fields, ...span));
}

const SFT_0058: ServiceStandardItem['standard'] = 'SF/T 0058-2019';

/** Civil and administrative litigation (诉讼案件代理) and non-litigation (非诉讼案件代理), SF/T 0058-2019. */
const CIVIL_ADMINISTRATIVE_FIELDS: ItemFields[] = [
  {
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'handling',
    code: 'litigation.meet_client',
    nameZh: '会见受援人，了解案情',
    nameEn: 'Met the client about the case',
    citation: SFT_0058,
    evidence: { kind: 'activity', activityKinds: ['meeting'] },
    weight: 15,
  },
  {
    // Not applicable when the matter ended before any hearing or mediation: the reviewer says so.
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'handling',
    code: 'litigation.attend_hearing',
    nameZh: '出庭或参加调解',
    nameEn: 'Appeared at the hearing or mediation',
    citation: SFT_0058,
    evidence: { kind: 'activity', activityKinds: ['hearing', 'mediation'] },
    weight: 15,
  },
  {
    // The closing list does not require it (a matter may end in mediation before a hearing).
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'handling',
    code: 'litigation.representation_opinion',
    nameZh: '代理词或书面代理意见在案',
    nameEn: 'Statement or written opinion of the representative on file',
    citation: `${SFT_0058}; LAL art.50`,
    evidence: { kind: 'closing_material', codes: ['representation_opinion'] },
    when: 'not_terminated',
    weight: 10,
  },
  {
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'handling',
    code: 'litigation.work_quality',
    nameZh: '代理工作质量（案卷检查）',
    nameEn: 'Quality of the representation (file inspection)',
    citation: `${SFT_0058}; LAL art.59`,
    evidence: { kind: 'judgement' },
    weight: 20,
  },
  {
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'closing',
    code: 'litigation.closing_files',
    nameZh: '结案归档材料齐全',
    nameEn: 'Closing files complete',
    citation: `${SFT_0058}; LAL art.50`,
    evidence: { kind: 'closing_material', codes: ['legal_document', 'aid_agreement'] },
    when: 'not_terminated',
    weight: 10,
  },
  {
    standard: SFT_0058,
    caseTypes: LITIGATION,
    stage: 'closing',
    code: 'litigation.closing_files_terminated',
    nameZh: '结案归档材料齐全（终止）',
    nameEn: 'Closing files complete (terminated)',
    citation: `${SFT_0058}; LAL art.50`,
    evidence: { kind: 'closing_material', codes: ['aid_agreement'] },
    when: 'terminated',
    weight: 10,
  },
  {
    standard: SFT_0058,
    caseTypes: ['non_litigation'],
    stage: 'handling',
    code: 'non_litigation.meet_client',
    nameZh: '会见受援人，了解案情',
    nameEn: 'Met the client about the matter',
    citation: SFT_0058,
    evidence: { kind: 'activity', activityKinds: ['meeting'] },
    weight: 15,
  },
  {
    standard: SFT_0058,
    caseTypes: ['non_litigation'],
    stage: 'handling',
    code: 'non_litigation.act_on_matter',
    nameZh: '开展调解、调查取证或参加仲裁庭审等代理活动',
    nameEn: 'Acted on the matter: mediation, investigation or an arbitration hearing',
    citation: SFT_0058,
    evidence: { kind: 'activity', activityKinds: ['mediation', 'investigation', 'hearing'] },
    weight: 15,
  },
  {
    standard: SFT_0058,
    caseTypes: ['non_litigation'],
    stage: 'handling',
    code: 'non_litigation.work_quality',
    nameZh: '代理工作质量（案卷检查）',
    nameEn: 'Quality of the representation (file inspection)',
    citation: `${SFT_0058}; LAL art.59`,
    evidence: { kind: 'judgement' },
    weight: 20,
  },
  {
    standard: SFT_0058,
    caseTypes: ['non_litigation'],
    stage: 'closing',
    code: 'non_litigation.closing_files',
    nameZh: '结案归档材料齐全',
    nameEn: 'Closing files complete',
    citation: `${SFT_0058}; LAL art.50`,
    evidence: { kind: 'closing_material', codes: ['legal_document'] },
    when: 'not_terminated',
    weight: 10,
  },
];
const CIVIL_ADMINISTRATIVE = CIVIL_ADMINISTRATIVE_FIELDS.map((fields) => row(1, fields));

export const SERVICE_STANDARD_ITEMS: ServiceStandardItem[] = [
  ...SHARED,
  ...criminal('SF/T 0032-2019'),
  ...criminal('SF/T 0032-2023'),
  ...CIVIL_ADMINISTRATIVE,
];
