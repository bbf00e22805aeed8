import type { LocalDate } from '@fayuan/domain';
import type { DocumentDataByKind, RenderableKind } from './types.ts';

/**
 * One worked document per kind, as a Beijing district centre would issue it. The tests build on
 * these and `npm run doc:sample -w @fayuan/server` prints them for a person to look at. Citations
 * and periods are what the caller would read from the rule tables (periods-cn-bj.ts, lists-cn-bj.ts).
 */
const date = (d: string) => d as LocalDate;

const centre = { name: '北京市朝阳区法律援助中心', phone: '010-65090000', address: '北京市朝阳区示例路1号' };
const applicant = { name: '张晓燕' };
const applicationNumber = 'SQ-2026-000123';
const contact = {
  person: '李明',
  phone: '010-65090000',
  address: '北京市朝阳区示例路1号法律援助中心一层窗口',
};

const LAL = '《中华人民共和国法律援助法》';
const BJR = '《北京市法律援助条例》';
const CPL = '《中华人民共和国刑事诉讼法》';

/** A notified criminal case (通知辩护): the procuratorate asked for a defender at review for prosecution. */
const detainee = { name: '赵小勇' };
const criminalCase = {
  description: '赵小勇涉嫌盗窃案',
  recipientStanding: '犯罪嫌疑人',
  charges: ['盗窃罪'],
  stage: '审查起诉阶段',
  caseNumber: '京朝检刑受〔2026〕456号',
};
const defender = {
  name: '王明',
  profession: '律师',
  organisation: '北京市京援律师事务所',
  licenceNumber: '11101201510123456',
  phone: '13912345678',
};

export const SAMPLES: { [K in RenderableKind]: DocumentDataByKind[K] } = {
  receipt: {
    centre,
    number: '京朝法援收〔2026〕第00123号',
    issuedOn: date('2026-03-02'),
    applicant,
    applicationNumber,
    receivedAt: new Date('2026-03-02T02:15:00Z'),
    channel: '窗口申请',
    materials: [
      { name: '法律援助申请表', copies: 1, original: true },
      { name: '居民身份证', copies: 1, original: false },
      { name: '经济困难状况说明表', copies: 1, original: true },
      { name: '劳动合同及工资支付记录', copies: 3, original: false },
    ],
    reviewDeadline: date('2026-03-09'),
    reviewBasis: [`${LAL}第四十三条`],
    contact,
  },
  supplement_notice: {
    centre,
    number: '京朝法援补〔2026〕第00045号',
    issuedOn: date('2026-03-04'),
    applicant,
    applicationNumber,
    appliedOn: date('2026-03-02'),
    missingItems: [
      { name: '户口簿或者居住证', detail: '复印件一份' },
      { name: '近六个月的工资流水', detail: '加盖银行印章' },
      { name: '与用人单位存在劳动关系的证明材料' },
    ],
    dueDate: date('2026-03-19'),
    basis: [`${LAL}第四十三条第二款`],
    contact,
  },
  grant_decision: {
    centre,
    number: '京朝法援〔2026〕第00123号',
    issuedOn: date('2026-03-06'),
    applicant,
    applicationNumber,
    appliedOn: date('2026-03-02'),
    matter: '追索劳动报酬',
    formOfAid: '劳动争议仲裁代理',
    basis: [`${LAL}第三十一条、第三十四条、第四十三条`],
    assignment: { withinDays: 3, basis: [`${LAL}第四十三条`] },
    contact,
  },
  refusal_decision: {
    centre,
    number: '京朝法援不〔2026〕第00017号',
    issuedOn: date('2026-03-06'),
    applicant,
    applicationNumber,
    appliedOn: date('2026-03-02'),
    matter: '房屋买卖合同纠纷',
    reasons: [
      { text: '申请事项不属于法律援助范围', citations: [`${LAL}第三十一条`, `${BJR}第十条`] },
      { text: '不符合经济困难标准', citations: [`${LAL}第三十四条`] },
    ],
    objection: {
      bureau: '北京市朝阳区司法局',
      withinDays: 15,
      basis: [`${LAL}第四十九条`, `${BJR}第二十四条`],
    },
  },
  termination_decision: {
    centre,
    number: '京朝法援终〔2026〕第00002号',
    issuedOn: date('2026-06-18'),
    applicant,
    applicationNumber,
    matter: '追索劳动报酬',
    grantDecisionNumber: '京朝法援〔2026〕第00123号',
    ground: { text: '受援人自行委托律师', citations: [`${LAL}第四十八条`] },
    facts: '受援人于2026年6月10日告知本中心，已自行委托北京某律师事务所律师代理本案。',
    objection: { bureau: '北京市朝阳区司法局', withinDays: null, basis: [`${LAL}第四十九条`] },
  },
  objection_decision: {
    centre: { name: '北京市朝阳区司法局' },
    number: '京朝司异〔2026〕第00003号',
    issuedOn: date('2026-03-20'),
    applicant,
    applicationNumber,
    decidingCentre: '北京市朝阳区法律援助中心',
    decision: { title: '不予法律援助决定书', number: '京朝法援不〔2026〕第00017号' },
    matter: '房屋买卖合同纠纷',
    filedOn: date('2026-03-16'),
    grounds: '申请人已于2026年3月失业，家庭收入低于标准。',
    outcome: 'corrected',
    against: 'refusal',
    conclusion: '申请人提交的失业证明属实，其家庭人均月收入已低于本市经济困难标准。',
    basis: [`${LAL}第四十九条`],
  },
  assignment_letter: {
    centre,
    number: '京朝法援函〔2026〕第00007号',
    issuedOn: date('2026-03-11'),
    applicant: detainee,
    applicationNumber: 'SQ-2026-000131',
    addressee: '北京市朝阳区人民检察院',
    handler: defender,
    role: '辩护人',
    case: criminalCase,
    notice: {
      title: '提供法律援助通知书',
      reference: '京朝检通援〔2026〕12号',
      receivedOn: date('2026-03-10'),
    },
    basis: [`${LAL}第二十五条、第三十六条`],
    contact,
  },
  meeting_letter: {
    centre,
    number: '京朝法援会〔2026〕第00003号',
    issuedOn: date('2026-03-11'),
    applicant: detainee,
    applicationNumber: 'SQ-2026-000131',
    detentionCentre: '北京市朝阳区看守所',
    handler: defender,
    role: '辩护人',
    case: criminalCase,
    handlingBody: '北京市朝阳区人民检察院',
    assignmentLetterNumber: '京朝法援函〔2026〕第00007号',
    basis: [`${CPL}第三十九条`],
    contact,
  },
  handler_change_notice: {
    centre,
    number: '京朝法援更〔2026〕第00002号',
    issuedOn: date('2026-04-08'),
    applicant,
    applicationNumber,
    matter: '追索劳动报酬',
    previousHandler: {
      name: '刘强',
      profession: '律师',
      organisation: '北京市朝阳律师事务所',
      licenceNumber: '11101201210654321',
      phone: '13800001111',
    },
    newHandler: {
      name: '陈静',
      profession: '律师',
      organisation: '北京市京援律师事务所',
      licenceNumber: '11101201810987654',
      phone: '13912340000',
    },
    reason: '你以原承办律师未依法告知案件办理情况为由申请更换，经核实属实',
    basis: [`${LAL}第五十五条`],
    copyTo: '北京市朝阳区劳动人事争议仲裁委员会',
    contact,
  },
};
