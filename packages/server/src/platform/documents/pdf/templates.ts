import type { Locale } from '@fayuan/domain';
import type { Citation } from './types.ts';

/**
 * The fixed wording of every written document, Chinese first (the form of SF/T 0024-2017 legal
 * aid documents), English for partners and reviewers. Only wording lives here: dates come
 * formatted, periods and citations come from the caller's rule data, so no article number,
 * period or amount is written into a sentence.
 */
export interface Wording {
  seal: string;
  salutation: (name: string) => string;
  /** Joins citations into one reference, e.g. `《法律援助法》第三十一条、第三十四条`. */
  cite: (citations: Citation[]) => string;
  /** A list item with the provisions it rests on. */
  withBasis: (text: string, citations: Citation[]) => string;
  missingItem: (name: string, detail?: string) => string;
  labelled: (label: string, value: string) => string;
  /** Puts short labelled values on one line. */
  inline: (parts: string[]) => string;
  contact: { person: string; phone: string; address: string };
  receipt: {
    title: string;
    intro: string;
    labels: {
      applicant: string;
      applicationNumber: string;
      receivedAt: string;
      channel: string;
      reviewDeadline: string;
    };
    deadline: (date: string) => string;
    materialsHeader: [no: string, name: string, copies: string, form: string];
    original: string;
    copy: string;
    noticeHeading: string;
    notices: (p: { reviewDeadline: string; reviewBasis: string }) => string[];
  };
  supplementNotice: {
    title: string;
    intro: (p: { appliedOn: string; applicationNumber: string; basis: string }) => string;
    due: (dueDate: string) => string;
  };
  grantDecision: {
    title: string;
    intro: (p: { appliedOn: string; matter: string; applicationNumber: string; basis: string }) => string;
    labels: { recipient: string; matter: string; formOfAid: string };
    assignment: (p: { basis: string; withinDays: number }) => string;
    duties: string;
  };
  refusalDecision: {
    title: string;
    intro: (p: { appliedOn: string; matter: string; applicationNumber: string }) => string;
    /** The hardship figures: income per member, the line, where the line comes from. */
    hardship: (p: { perMember: string; line: string; members?: number | undefined; basis: string }) => string;
    conclusion: string;
    objection: ObjectionRight;
  };
  terminationDecision: {
    title: string;
    intro: (p: {
      matter: string;
      applicationNumber: string;
      grantDecisionNumber?: string | undefined;
    }) => string;
    groundHeading: string;
    conclusion: string;
    objection: ObjectionRight;
  };
  objectionDecision: {
    title: string;
    intro: (p: {
      decidingCentre: string;
      decision: string;
      filedOn: string;
      applicationNumber: string;
      basis: string;
    }) => string;
    labels: { objector: string; matter: string; decision: string; grounds: string };
    finding: (conclusion: string) => string;
    outcome: (p: {
      outcome: 'upheld' | 'corrected';
      against: 'refusal' | 'termination';
      decidingCentre: string;
    }) => string;
    /** LAL art.49: a decision upholding the centre's may be taken to administrative review or court. */
    remedy: string;
  };
  /** A handler as named in a sentence, e.g. 北京市京援律师事务所律师王明. */
  handler: (h: { name: string; profession: string; organisation: string }) => string;
  handlerLabels: { name: string; organisation: string; licenceNumber: string; phone: string };
  caseLabels: { charges: string; stage: string; caseNumber: string; handlingBody: string };
  /** Joins charges, e.g. `盗窃罪、诈骗罪`. */
  list: (items: string[]) => string;
  assignmentLetter: {
    title: string;
    /** The sentence acknowledging the handling body's notice, for a notified case. */
    notice: (p: { title: string; reference: string; receivedOn?: string }) => string;
    intro: (p: {
      /** The notice sentence, for a notified case; the letter's first sentence. */
      notice?: string;
      basis: string;
      handler: string;
      caseDescription: string;
      standing: string;
      recipient: string;
      role: string;
    }) => string;
    request: string;
    closing: string;
  };
  meetingLetter: {
    title: string;
    intro: (p: {
      assignmentLetterNumber: string;
      handler: string;
      caseDescription: string;
      standing: string;
      recipient: string;
      role: string;
    }) => string;
    request: (p: {
      basis: string;
      handlerName: string;
      profession: string;
      standing: string;
      recipient: string;
    }) => string;
    labels: { detainee: string; lawyer: string; assignmentLetter: string };
    closing: string;
  };
  handlerChangeNotice: {
    title: string;
    intro: (p: { matter: string; applicationNumber: string; previous: string }) => string;
    change: (p: { reason: string; basis?: string; next: string }) => string;
    header: [field: string, previous: string, next: string];
    labels: { name: string; organisation: string; licenceNumber: string };
    duties: (phone?: string) => string;
    closing: string;
    copyTo: (body: string) => string;
  };
}

/**
 * The right to object to a refusal or termination (LAL art.49), with its period counted from
 * receipt where a rule row sets one (BJR art.24 for a refusal), without one where none does.
 */
type ObjectionRight = (p: { withinDays: number | null; bureau: string; basis: string }) => string;
const objectionRightZh: ObjectionRight = (p) =>
  p.withinDays === null
    ? `如对本决定有异议，你可以向${p.bureau}提出（${p.basis}）。`
    : `如对本决定有异议，你可以自收到本决定之日起${p.withinDays}日内，向${p.bureau}提出（${p.basis}）。`;
const objectionRightEn: ObjectionRight = (p) =>
  p.withinDays === null
    ? `If you disagree with this decision, you may object to ${p.bureau} (${p.basis}).`
    : `If you disagree with this decision, you may object to ${p.bureau} within ${p.withinDays} days of receiving it (${p.basis}).`;

const zhCN: Wording = {
  seal: '（印章）',
  salutation: (name) => `${name}：`,
  cite: (citations) => citations.join('、'),
  withBasis: (text, citations) => (citations.length ? `${text}（依据：${citations.join('、')}）` : text),
  missingItem: (name, detail) => (detail ? `${name}（${detail}）` : name),
  labelled: (label, value) => `${label}：${value}`,
  inline: (parts) => parts.join('　　'),
  contact: { person: '联系人', phone: '联系电话', address: '地址' },
  receipt: {
    title: '法律援助申请材料接收凭证',
    intro: '本中心已收到你提交的法律援助申请及下列材料，特此出具凭证。',
    labels: {
      applicant: '申请人',
      applicationNumber: '申请编号',
      receivedAt: '接收时间',
      channel: '申请方式',
      reviewDeadline: '审查期限',
    },
    deadline: (date) => `${date}前作出是否给予法律援助的决定`,
    materialsHeader: ['序号', '材料名称', '份数', '原件／复印件'],
    original: '原件',
    copy: '复印件',
    noticeHeading: '告知事项',
    notices: (p) => [
      `本中心将于${p.reviewDeadline}前审查并作出是否给予法律援助的决定（${p.reviewBasis}）。`,
      '申请材料不齐全的，本中心将一次性告知需要补充的全部材料或者需要作出的说明；未按要求补充材料或者作出说明的，视为撤回申请。',
      '本凭证仅证明本中心已收到上列材料，不表示已决定给予法律援助。',
      '你可以凭申请编号向本中心查询办理进度。',
    ],
  },
  supplementNotice: {
    title: '补充材料通知书',
    intro: (p) =>
      `你于${p.appliedOn}提出的法律援助申请（申请编号：${p.applicationNumber}），经审查，申请材料不齐全。根据${p.basis}的规定，现一次性告知你需要补充的全部材料（或者作出说明）如下：`,
    due: (dueDate) =>
      `请于${dueDate}前将上述材料一并提交本中心或者作出说明。逾期未补充材料或者作出说明的，视为撤回申请。`,
  },
  grantDecision: {
    title: '给予法律援助决定书',
    intro: (p) =>
      `你于${p.appliedOn}提出的${p.matter}法律援助申请（申请编号：${p.applicationNumber}），本中心已依法审查。经审查，你的申请符合法律援助条件。根据${p.basis}的规定，决定给予你法律援助。`,
    labels: { recipient: '受援人', matter: '法律援助事项', formOfAid: '法律援助形式' },
    assignment: (p) =>
      `本中心将依照${p.basis}的规定，自本决定作出之日起${p.withinDays}日内指派法律援助人员为你提供法律援助，并将法律援助人员的姓名和联系方式告知你。`,
    duties:
      '请你如实陈述案件事实、提供相关证据材料，配合法律援助人员开展工作；案件情况或者经济状况发生变化的，请及时告知本中心。',
  },
  refusalDecision: {
    title: '不予法律援助决定书',
    intro: (p) =>
      `你于${p.appliedOn}提出的${p.matter}法律援助申请（申请编号：${p.applicationNumber}），本中心已依法审查。经审查，你的申请不符合法律援助条件，理由如下：`,
    hardship: (p) =>
      `经核算，你${p.members ? `家庭共${p.members}人，` : ''}家庭人均月收入为${p.perMember}，高于申请之日适用的经济困难标准${p.line}（${p.basis}）。`,
    conclusion: '据此，本中心决定不予法律援助。',
    objection: objectionRightZh,
  },
  terminationDecision: {
    title: '终止法律援助决定书',
    intro: (p) =>
      `本中心${p.grantDecisionNumber ? `以${p.grantDecisionNumber}决定` : ''}对你的${p.matter}事项（申请编号：${p.applicationNumber}）给予法律援助。经审查，出现下列应当终止法律援助的情形：`,
    groundHeading: '终止理由',
    conclusion: '据此，本中心决定终止对你的法律援助。',
    objection: objectionRightZh,
  },
  objectionDecision: {
    title: '异议审查决定书',
    intro: (p) =>
      `你对${p.decidingCentre}作出的${p.decision}（申请编号：${p.applicationNumber}）提出的异议，本局于${p.filedOn}收到。根据${p.basis}的规定，本局已依法审查。`,
    labels: { objector: '异议人', matter: '法律援助事项', decision: '原决定', grounds: '异议理由' },
    finding: (conclusion) => `经审查，${conclusion}`,
    outcome: (p) =>
      p.outcome === 'upheld'
        ? `你的异议不成立，本局决定维持${p.decidingCentre}作出的原决定。`
        : p.against === 'refusal'
          ? `你的异议成立，本局决定责令${p.decidingCentre}改正原决定，给予你法律援助；${p.decidingCentre}将另行作出给予法律援助决定。`
          : `你的异议成立，本局决定责令${p.decidingCentre}撤销终止法律援助的决定，继续为你提供法律援助。`,
    remedy: '对本决定不服的，你可以依法申请行政复议或者提起行政诉讼。',
  },
  handler: (h) => `${h.organisation}${h.profession}${h.name}`,
  handlerLabels: {
    name: '法律援助人员',
    organisation: '执业机构',
    licenceNumber: '执业证号',
    phone: '联系电话',
  },
  caseLabels: { charges: '罪名', stage: '诉讼阶段', caseNumber: '案号', handlingBody: '办案机关' },
  list: (items) => items.join('、'),
  assignmentLetter: {
    title: '法律援助公函',
    notice: (p) =>
      p.receivedOn
        ? `本中心于${p.receivedOn}收到你单位《${p.title}》（${p.reference}）。`
        : `你单位《${p.title}》（${p.reference}）收悉。`,
    intro: (p) =>
      `${p.notice ?? ''}根据${p.basis}的规定，本中心指派${p.handler}担任${p.caseDescription}${p.standing}${p.recipient}的${p.role}，为其提供法律援助。`,
    request: '请你单位依法支持法律援助人员开展工作。',
    closing: '特此函告。',
  },
  meetingLetter: {
    title: '会见在押犯罪嫌疑人、被告人公函',
    intro: (p) =>
      `本中心已以${p.assignmentLetterNumber}法律援助公函指派${p.handler}担任${p.caseDescription}${p.standing}${p.recipient}的${p.role}。`,
    request: (p) =>
      `根据${p.basis}的规定，${p.handlerName}${p.profession}申请会见在押的${p.standing}${p.recipient}，请予安排。`,
    labels: { detainee: '在押人员', lawyer: '会见律师', assignmentLetter: '法律援助公函' },
    closing: '特此函告。',
  },
  handlerChangeNotice: {
    title: '更换法律援助人员通知书',
    intro: (p) =>
      `你的${p.matter}法律援助案件（申请编号：${p.applicationNumber}），原由本中心指派${p.previous}承办。`,
    change: (p) =>
      p.basis
        ? `因${p.reason}，根据${p.basis}的规定，本中心决定更换法律援助人员，改由${p.next}承办。`
        : `因${p.reason}，本中心决定更换法律援助人员，改由${p.next}承办。`,
    header: ['', '原法律援助人员', '新法律援助人员'],
    labels: { name: '姓名', organisation: '执业机构', licenceNumber: '执业证号' },
    duties: (phone) =>
      `请你与新的法律援助人员联系${phone ? `（联系电话：${phone}）` : ''}，如实陈述案件事实，配合其开展工作。`,
    closing: '特此通知。',
    copyTo: (body) => `抄送：${body}`,
  },
};

const enUS: Wording = {
  seal: '(Seal)',
  salutation: (name) => `To: ${name}`,
  cite: (citations) => citations.join('; '),
  withBasis: (text, citations) => (citations.length ? `${text} (${citations.join('; ')})` : text),
  missingItem: (name, detail) => (detail ? `${name} (${detail})` : name),
  labelled: (label, value) => `${label}: ${value}`,
  inline: (parts) => parts.join('    '),
  contact: { person: 'Contact', phone: 'Telephone', address: 'Address' },
  receipt: {
    title: 'Receipt for Legal Aid Application Materials',
    intro: 'This centre has received your legal aid application and the materials listed below.',
    labels: {
      applicant: 'Applicant',
      applicationNumber: 'Application number',
      receivedAt: 'Received at',
      channel: 'Channel',
      reviewDeadline: 'Decision due',
    },
    deadline: (date) => `a decision on legal aid by ${date}`,
    materialsHeader: ['No.', 'Material', 'Copies', 'Original / copy'],
    original: 'original',
    copy: 'copy',
    noticeHeading: 'Please note',
    notices: (p) => [
      `This centre will review the application and decide whether to grant legal aid by ${p.reviewDeadline} (${p.reviewBasis}).`,
      'If materials are missing, this centre will tell you at once everything that must be supplied or explained; if it is not supplied or explained as required, the application is deemed withdrawn.',
      'This receipt only confirms that the materials listed were received; it is not a decision to grant legal aid.',
      'You can ask this centre about progress with your application number.',
    ],
  },
  supplementNotice: {
    title: 'Notice to Supply Further Materials',
    intro: (p) =>
      `Your legal aid application of ${p.appliedOn} (number ${p.applicationNumber}) is incomplete. Under ${p.basis}, this notice lists at once everything you need to supply or explain:`,
    due: (dueDate) =>
      `Please supply all of the above, or explain, by ${dueDate}. If they are not supplied or explained by then, the application is deemed withdrawn.`,
  },
  grantDecision: {
    title: 'Decision to Grant Legal Aid',
    intro: (p) =>
      `This centre has reviewed your legal aid application of ${p.appliedOn} concerning ${p.matter} (number ${p.applicationNumber}). The application meets the conditions for legal aid, and under ${p.basis} legal aid is granted.`,
    labels: { recipient: 'Recipient', matter: 'Matter', formOfAid: 'Form of legal aid' },
    assignment: (p) =>
      `Under ${p.basis}, this centre will assign a legal aid provider within ${p.withinDays} days of this decision and tell you the provider's name and contact details.`,
    duties:
      'Please state the facts truthfully, provide the evidence you have and work with your legal aid provider; tell this centre promptly if your case or your financial situation changes.',
  },
  refusalDecision: {
    title: 'Decision to Refuse Legal Aid',
    intro: (p) =>
      `This centre has reviewed your legal aid application of ${p.appliedOn} concerning ${p.matter} (number ${p.applicationNumber}). The application does not meet the conditions for legal aid, for these reasons:`,
    hardship: (p) =>
      `Your household${p.members ? ` of ${p.members}` : ''} has a monthly income of ${p.perMember} per member, above the economic-hardship line of ${p.line} that applied on the application date (${p.basis}).`,
    conclusion: 'Legal aid is therefore refused.',
    objection: objectionRightEn,
  },
  terminationDecision: {
    title: 'Decision to Terminate Legal Aid',
    intro: (p) =>
      `This centre gave you legal aid${p.grantDecisionNumber ? ` by decision ${p.grantDecisionNumber}` : ''} concerning ${p.matter} (application ${p.applicationNumber}). On review, a ground for terminating legal aid has arisen:`,
    groundHeading: 'Ground',
    conclusion: 'Legal aid is therefore terminated.',
    objection: objectionRightEn,
  },
  objectionDecision: {
    title: 'Decision on an Objection',
    intro: (p) =>
      `This bureau received on ${p.filedOn} your objection to the ${p.decision} of ${p.decidingCentre} (application ${p.applicationNumber}) and has reviewed it under ${p.basis}.`,
    labels: { objector: 'Objector', matter: 'Matter', decision: 'Decision objected to', grounds: 'Grounds' },
    finding: (conclusion) => `Findings: ${conclusion}`,
    outcome: (p) =>
      p.outcome === 'upheld'
        ? `Your objection is dismissed; the decision of ${p.decidingCentre} stands.`
        : p.against === 'refusal'
          ? `Your objection is upheld: ${p.decidingCentre} is ordered to correct its decision and give you legal aid; it will issue a decision to grant legal aid.`
          : `Your objection is upheld: ${p.decidingCentre} is ordered to revoke the termination and continue your legal aid.`,
    remedy:
      'If you disagree with this decision, you may apply for administrative reconsideration or bring an administrative lawsuit.',
  },
  handler: (h) => `${h.name}, ${h.profession}, ${h.organisation}`,
  handlerLabels: {
    name: 'Legal aid provider',
    organisation: 'Practising at',
    licenceNumber: 'Licence number',
    phone: 'Telephone',
  },
  caseLabels: { charges: 'Charges', stage: 'Stage', caseNumber: 'Case number', handlingBody: 'Handled by' },
  list: (items) => items.join('; '),
  assignmentLetter: {
    title: 'Legal Aid Assignment Letter',
    notice: (p) =>
      p.receivedOn
        ? `On ${p.receivedOn} this centre received your ${p.title} (${p.reference}).`
        : `This centre has received your ${p.title} (${p.reference}).`,
    intro: (p) =>
      `${p.notice ? `${p.notice} ` : ''}Under ${p.basis}, this centre has assigned ${p.handler} to act as ${p.role} for ${p.recipient}, ${p.standing} in ${p.caseDescription}, as legal aid.`,
    request: 'Please support the legal aid provider in this work as the law provides.',
    closing: 'Yours faithfully,',
  },
  meetingLetter: {
    title: 'Letter for a Meeting with a Detained Client',
    intro: (p) =>
      `By legal aid letter ${p.assignmentLetterNumber}, this centre assigned ${p.handler} as ${p.role} for ${p.recipient}, ${p.standing} in ${p.caseDescription}.`,
    request: (p) =>
      `Under ${p.basis}, ${p.handlerName} asks to meet ${p.recipient}, ${p.standing}, held in your custody. Please arrange the meeting.`,
    labels: { detainee: 'Detainee', lawyer: 'Lawyer', assignmentLetter: 'Assignment letter' },
    closing: 'Yours faithfully,',
  },
  handlerChangeNotice: {
    title: 'Notice of Change of Legal Aid Provider',
    intro: (p) =>
      `Your legal aid case concerning ${p.matter} (application number ${p.applicationNumber}) was assigned by this centre to ${p.previous}.`,
    change: (p) =>
      p.basis
        ? `Because ${p.reason}, under ${p.basis}, this centre has decided to change the provider: the case is now handled by ${p.next}.`
        : `Because ${p.reason}, this centre has decided to change the provider: the case is now handled by ${p.next}.`,
    header: ['', 'Previous provider', 'New provider'],
    labels: { name: 'Name', organisation: 'Practising at', licenceNumber: 'Licence number' },
    duties: (phone) =>
      `Please contact your new legal aid provider${phone ? ` (telephone ${phone})` : ''}, state the facts truthfully and work with them.`,
    closing: 'This notice is given accordingly.',
    copyTo: (body) => `Copy to: ${body}`,
  },
};

const WORDING: Record<Locale, Wording> = { 'zh-CN': zhCN, 'en-US': enUS };

export function wordingFor(locale: Locale): Wording {
  return WORDING[locale];
}
