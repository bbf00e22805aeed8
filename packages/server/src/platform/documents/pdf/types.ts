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
  /** The bureau that set up the centre hears objections (LAL art.49; BJR art.24 sets the period). */
  objection: { bureau: string; withinDays: number; basis: Citation[] };
}

export interface RefusalReason {
  text: string;
  citations: Citation[];
}

/**
 * Data per kind. A later kind (assignment_letter, meeting_letter, termination_decision…) adds a
 * key here, its wording in templates.ts and a builder in kinds.ts; nothing else changes.
 */
export interface DocumentDataByKind {
  receipt: ReceiptData;
  supplement_notice: SupplementNoticeData;
  grant_decision: GrantDecisionData;
  refusal_decision: RefusalDecisionData;
}

/** The kinds this renderer can lay out so far; always a subset of the lifecycle's DOCUMENT_KINDS. */
export type RenderableKind = keyof DocumentDataByKind & DocumentKind;
