import type { DocumentKind, LocalDate } from '@fayuan/domain';

/**
 * What each written document needs, as plain data. Names, matters and citations arrive as the
 * text to print (the caller looks them up in rule tables and coded lists); periods arrive as
 * numbers from the period rules. Nothing legal is decided here: this layer only lays out.
 */

/**
 * A legal provision exactly as printed, e.g. `《中华人民共和国法律援助法》第四十三条`. Passed in,
 * never built here, so a changed article number is a data change.
 */
export type Citation = string;

/** The issuing legal aid centre (法律援助中心); its name signs the document. */
export interface Centre {
  name: string;
  address?: string;
  phone?: string;
}

/** Where the person can ask about the document. */
export interface Contact {
  person?: string;
  phone: string;
  address?: string;
}

/** A person the document is addressed to or names (申请人 / 受援人). */
export interface Party {
  name: string;
}

/** Every numbered document: who issues it, its number (京朝法援〔2026〕第00123号), and its date. */
export interface DocumentBase {
  centre: Centre;
  number: string;
  issuedOn: LocalDate;
}

/** An application the document answers. */
export interface ApplicationRef {
  applicant: Party;
  applicationNumber: string;
}

/** 法律援助申请材料接收凭证 (受理回执): proof of what was received and when the decision is due. */
export interface ReceiptData extends DocumentBase, ApplicationRef {
  receivedAt: Date;
  /** How the application came in, as printed: 窗口申请, 网上申请, 羁押场所转交… */
  channel: string;
  materials: ReceivedMaterial[];
  reviewDeadline: LocalDate;
  /** The provisions that set the review period (LAL art.43). */
  reviewBasis: Citation[];
  contact: Contact;
}

export interface ReceivedMaterial {
  name: string;
  copies?: number;
  /** 原件 (true) or 复印件 (false); left out when not recorded. */
  original?: boolean;
}

/** 补充材料通知书: every missing item at once (LAL art.43(2)), a due date, and the consequence. */
export interface SupplementNoticeData extends DocumentBase, ApplicationRef {
  appliedOn: LocalDate;
  missingItems: MissingItem[];
  dueDate: LocalDate;
  /** The provisions for supplementing and for deemed withdrawal (LAL art.43). */
  basis: Citation[];
  contact: Contact;
}

export interface MissingItem {
  name: string;
  /** What exactly is wanted, e.g. 近六个月的工资流水. */
  detail?: string;
}

/** 给予法律援助决定书. */
export interface GrantDecisionData extends DocumentBase, ApplicationRef {
  appliedOn: LocalDate;
  /** The matter aid is given for, e.g. 追索劳动报酬纠纷. */
  matter: string;
  /** 法律援助形式, e.g. 诉讼代理, 刑事辩护. */
  formOfAid: string;
  basis: Citation[];
  /** The handler is assigned within this period of the decision (LAL art.43, art.36). */
  assignment: { withinDays: number; basis: Citation[] };
  contact?: Contact;
}

/** 不予法律援助决定书: each reason with its provisions, and the right to object. */
export interface RefusalDecisionData extends DocumentBase, ApplicationRef {
  appliedOn: LocalDate;
  matter: string;
  reasons: RefusalReason[];
  /**
   * The figures behind a refusal for economic hardship, as the stored assessment computed them:
   * household income per member per month and the line in force on the application date, with
   * the provisions that set the line. Left out when hardship is not a reason.
   */
  hardship?: HardshipFigures;
  /**
   * The bureau that set up the centre hears objections (LAL art.49); the period, from receipt,
   * where a rule row sets one (BJR art.24: 15 days), else null.
   */
  objection: { bureau: string; withinDays: number | null; basis: Citation[] };
}

export interface HardshipFigures {
  perMemberMonthlyFen: number;
  lineFen: number;
  /** Household size, when recorded. */
  members?: number;
  /** Where the line comes from (OPN (三); the minimum-wage notice in force). */
  basis: Citation[];
}

export interface RefusalReason {
  text: string;
  citations: Citation[];
}

/**
 * The legal aid provider on a case (法律援助人员): a lawyer, a grassroots legal service worker or
 * a legal aid volunteer, with where they practise. A letter to a court or a detention centre
 * identifies them by licence number, so it is always printed.
 */
export interface Handler {
  name: string;
  /** As printed after the organisation: 律师, 基层法律服务工作者, 法律援助志愿者. */
  profession: string;
  /** 律师事务所, 基层法律服务所 or the centre itself, as printed. */
  organisation: string;
  /** 执业证号 (or the work card number of centre staff). */
  licenceNumber: string;
  phone?: string;
}

/** The case as the body handling it knows it, all as printed. */
export interface CaseRef {
  /** e.g. 张晓军涉嫌盗窃案, 刘某诉某公司劳动争议案. */
  description: string;
  /** The recipient's standing in it: 犯罪嫌疑人, 被告人, 原告, 被申请人. */
  recipientStanding: string;
  /** Charges in a criminal case (盗窃罪); left out otherwise. */
  charges?: string[];
  /** Stage of proceedings: 侦查阶段, 审查起诉阶段, 一审. */
  stage: string;
  /** The handling body's own number, once it has one: （2026）京0105刑初123号. */
  caseNumber?: string;
}

/** The notice by which a police, procuratorate or court asked for a defender (通知辩护, LAL art.36). */
export interface NoticeRef {
  /** The notice's name as printed, e.g. 提供法律援助通知书. */
  title: string;
  /** Its number, e.g. 京朝检通援〔2026〕12号. */
  reference: string;
  /** When the centre received it; printed when known. */
  receivedOn?: LocalDate;
}

/**
 * 法律援助公函 (指派函): tells the body handling the case whom the centre assigned, in what role,
 * and on which basis (LAL art.36 for notified cases, art.43/art.44 otherwise, as the caller cites).
 */
export interface AssignmentLetterData extends DocumentBase, ApplicationRef {
  /** The court, procuratorate, police or other body handling the case, as printed. */
  addressee: string;
  handler: Handler;
  /** What the handler acts as: 辩护人, 诉讼代理人, 代理人. */
  role: string;
  case: CaseRef;
  /** Present when the case came by notice rather than application. */
  notice?: NoticeRef;
  basis: Citation[];
  contact: Contact;
}

/**
 * 会见公函: asks a detention centre to let the assigned lawyer meet the detained recipient (CPL
 * art.39, as the caller cites), referring to the assignment letter that named the lawyer.
 */
export interface MeetingLetterData extends DocumentBase, ApplicationRef {
  /** The detention centre (看守所) holding the recipient. */
  detentionCentre: string;
  handler: Handler;
  /** What the assignment letter named the handler as (辩护人, 诉讼代理人), from the matter's rule data. */
  role: string;
  case: CaseRef;
  /** The police, procuratorate or court handling the case, which the detention centre checks with. */
  handlingBody: string;
  /** The number of the 法律援助公函 sent to the body handling the case. */
  assignmentLetterNumber: string;
  basis: Citation[];
  contact: Contact;
}

/**
 * 更换法律援助人员通知书: tells the recipient, with a copy to the body handling the case, who
 * replaces whom and why.
 */
export interface HandlerChangeNoticeData extends DocumentBase, ApplicationRef {
  /** The matter aid was given for, e.g. 追索劳动报酬. */
  matter: string;
  previousHandler: Handler;
  newHandler: Handler;
  /** Why, as printed: 原承办律师因身体原因不能继续履行职责. */
  reason: string;
  /** The provisions the change rests on; may be empty. */
  basis: Citation[];
  /** The body handling the case, sent a copy (抄送); left out before proceedings start. */
  copyTo?: string;
  contact: Contact;
}

/**
 * Data per kind. A later kind (termination_decision…) adds a
 * key here, its wording in templates.ts and a builder in kinds.ts; nothing else changes.
 */
/** 终止法律援助决定书 (LAL art.48): the ground with its provisions, and the right to object (art.49). */
export interface TerminationDecisionData extends DocumentBase, ApplicationRef {
  /** The matter aid was given for, e.g. 追索劳动报酬. */
  matter: string;
  /** The decision that gave aid, by its number. */
  grantDecisionNumber?: string;
  /** The ground, as printed, e.g. 受援人以欺骗方式获得法律援助, with the provisions it rests on. */
  ground: { text: string; citations: Citation[] };
  /** Further facts the centre states, as printed. */
  facts?: string;
  /**
   * LAL art.49 sets no filing period for an objection to a termination: `withinDays` is null
   * unless a period rule in force (objection_filing_termination) gives one.
   */
  objection: { bureau: string; withinDays: number | null; basis: Citation[] };
}

/**
 * 异议审查决定书 (LAL art.49): the justice bureau's own decision on an objection to a centre's
 * refusal or termination. `centre` is the bureau, which issues and signs it; the centre whose
 * decision was objected to is named in the text. A corrected refusal is followed by the centre's
 * own grant decision, a separate document.
 */
export interface ObjectionDecisionData extends DocumentBase, ApplicationRef {
  /** The legal aid centre whose decision was objected to. */
  decidingCentre: string;
  /** The decision objected to, as printed (不予法律援助决定书, 终止法律援助决定书), with its number. */
  decision: { title: string; number?: string };
  matter: string;
  filedOn: LocalDate;
  grounds: string;
  /**
   * `upheld`: the centre's decision stands (the objection fails); `corrected`: the centre is
   * ordered to correct it (the objection succeeds).
   */
  outcome: 'upheld' | 'corrected';
  against: 'refusal' | 'termination';
  /** The bureau's reasons, as recorded with its decision. */
  conclusion: string;
  basis: Citation[];
}

export interface DocumentDataByKind {
  receipt: ReceiptData;
  supplement_notice: SupplementNoticeData;
  grant_decision: GrantDecisionData;
  refusal_decision: RefusalDecisionData;
  assignment_letter: AssignmentLetterData;
  meeting_letter: MeetingLetterData;
  handler_change_notice: HandlerChangeNoticeData;
  termination_decision: TerminationDecisionData;
  objection_decision: ObjectionDecisionData;
}

/** The kinds this renderer can lay out so far; always a subset of the lifecycle's DOCUMENT_KINDS. */
export type RenderableKind = keyof DocumentDataByKind & DocumentKind;
