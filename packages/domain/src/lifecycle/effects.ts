import type { LocalDate } from '../shared/brand.ts';

/**
 * The periods a transition starts, pauses, resumes or stops. Their lengths are dated rule data
 * (reference/periods-cn-bj.ts, same keys), counted by calendar/periods.ts `dueDate`.
 */
export const PERIOD_KINDS = [
  'custody_transfer', // 24 h for custody to forward an application, LAL art.39
  'review_decision', // 7 days from receipt to decide, LAL art.43
  'assignment', // 3 days from the decision or notice to assign, LAL art.36, art.43
  'objection_review', // 5 days for the justice bureau to decide an objection, LAL art.49
  'objection_filing', // 15 days from receiving a refusal to object to it, BJR art.24 (runs from delivery)
  'objection_filing_termination', // none: LAL art.49 sets no period for objecting to a termination (no rule row)
  'supplement', // the date the centre set for supplementary materials, LAL art.43(2), art.44(2)
  'agreement_signing', // 5 days from the assignment to sign the agreement, MOJ procedure rules 2023 art.27
  // From the end of the matter (recorded by the handler) to hand in the closing materials, LAL
  // art.50; its length is rule data and none ships until its source is confirmed (TO_CONFIRM).
  'closing_materials',
  // A complaint's periods (quality/complaints.ts), counted on the same calendar: to accept it, to
  // finish handling it, to answer the complainant (the 2013 rules' lengths until the 2025 rule's are read).
  'complaint_acceptance',
  'complaint_handling',
  'complaint_reply',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type StatutoryPeriodKind = Exclude<PeriodKind, 'supplement'>;

/** Documents the centre issues (SF/T 0024-2017 standard forms). */
export const DOCUMENT_KINDS = [
  'receipt', // 受理回执 / 申请材料接收凭证
  'supplement_notice', // 补充材料通知书: lists every missing item at once, LAL art.43(2)
  'grant_decision', // 给予法律援助决定书
  'refusal_decision', // 不予法律援助决定书, with reasons and the right to object, LAL art.43, art.49
  'assignment_letter', // 法律援助公函
  'meeting_letter', // 会见公函, for a client in custody
  'handler_change_notice', // 更换法律援助人员通知书
  'termination_decision', // 终止法律援助决定书, LAL art.48
  'objection_decision', // 异议审查决定书: the justice bureau's own decision on an objection, LAL art.49
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** `applicant` is the applicant or, once aid is given, the recipient (申请人 / 受援人). */
export const RECIPIENTS = ['applicant', 'handler', 'director', 'centre'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** Message keys; texts live in the i18n catalogs. */
export const NOTIFICATION_TEMPLATES = [
  'application_received',
  'custody_application_recorded',
  'criminal_notice_received',
  'supplement_requested',
  'supplement_received',
  'application_deemed_withdrawn',
  'application_withdrawn',
  'aid_granted',
  'aid_refused',
  'provisional_aid_granted',
  'formalities_completed',
  'case_to_assign',
  'handler_assigned',
  'handler_accepted',
  'handler_declined',
  'handler_changed',
  'aid_terminated',
  'objection_filed',
  'objection_upheld',
  'objection_corrected',
  'closing_submitted',
  'closing_accepted',
  'closing_returned',
  'evaluation_recorded',
  'subsidy_paid',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** What the caller must do after a transition, in order, in the same transaction as the state change. */
export type CaseEffect =
  | { type: 'start_clock'; period: StatutoryPeriodKind }
  | { type: 'start_clock'; period: 'supplement'; dueDate: LocalDate }
  | { type: 'stop_clock'; period: PeriodKind }
  | { type: 'pause_clock'; period: PeriodKind }
  | { type: 'resume_clock'; period: PeriodKind }
  | { type: 'issue_document'; document: DocumentKind }
  | { type: 'notify'; to: Recipient; template: NotificationTemplate };

export const startClock = (period: StatutoryPeriodKind): CaseEffect => ({ type: 'start_clock', period });
export const startSupplementClock = (dueDate: LocalDate): CaseEffect => ({
  type: 'start_clock',
  period: 'supplement',
  dueDate,
});
export const stopClock = (period: PeriodKind): CaseEffect => ({ type: 'stop_clock', period });
export const pauseClock = (period: PeriodKind): CaseEffect => ({ type: 'pause_clock', period });
export const resumeClock = (period: PeriodKind): CaseEffect => ({ type: 'resume_clock', period });
export const issue = (document: DocumentKind): CaseEffect => ({ type: 'issue_document', document });
export const notify = (to: Recipient, template: NotificationTemplate): CaseEffect => ({
  type: 'notify',
  to,
  template,
});
