import type { CaseState, DocumentKind, Locale } from '@fayuan/domain';

type Words = [zh: string, en: string];
const pick = (w: Words | undefined, locale: Locale, fallback: string) =>
  w ? w[locale === 'en-US' ? 1 : 0] : fallback;

/** Where the application stands, as an applicant would say it. */
const STATE_WORDS: Partial<Record<CaseState, Words>> = {
  awaiting_transfer: ['等待转交', 'Being forwarded'],
  received: ['已受理，等待审查', 'Received, waiting for review'],
  supplement_requested: ['需要补充材料', 'Materials needed'],
  withdrawn: ['已撤回', 'Withdrawn'],
  under_review: ['审查中', 'Under review'],
  granted: ['已决定给予法律援助，正在安排律师', 'Legal aid granted; a lawyer is being arranged'],
  refused: ['不予法律援助', 'Legal aid refused'],
  objection_to_refusal: ['异议审查中', 'Objection under review'],
  provisional_aid: ['先行提供法律援助', 'Legal aid given ahead of formalities'],
  to_assign: ['正在安排律师', 'A lawyer is being arranged'],
  assigned: ['已指派律师', 'A lawyer has been assigned'],
  in_progress: ['律师正在办理', 'Your lawyer is working on the case'],
  terminated: ['法律援助已终止', 'Legal aid ended'],
  objection_to_termination: ['异议审查中', 'Objection under review'],
  closing_submitted: ['案件办结，中心审核中', 'Case finished; the centre is checking it'],
  closed: ['已结案', 'Closed'],
  evaluated: ['已结案', 'Closed'],
  subsidy_paid: ['已结案', 'Closed'],
  archived: ['已结案归档', 'Closed and archived'],
};

/** Each lifecycle event as a line of the applicant's timeline; events only staff care about are left out. */
const EVENT_WORDS: Record<string, Words> = {
  receive_application: ['中心收到您的申请', 'The centre received your application'],
  receive_transferred_application: ['中心收到转交的申请', 'The centre received the forwarded application'],
  request_supplement: ['中心请您补充材料', 'The centre asked you for more materials'],
  supplement_received: ['材料已补齐，继续审查', 'Materials complete; the review continues'],
  supplement_overdue: [
    '未在期限内补充材料，申请视为撤回',
    'Materials not supplied in time; the application is deemed withdrawn',
  ],
  start_review: ['工作人员开始审查', 'A reviewer started on your application'],
  grant: ['决定给予法律援助', 'Legal aid was granted'],
  grant_provisional_aid: ['先行提供法律援助', 'Legal aid was given ahead of formalities'],
  refuse: ['决定不予法律援助', 'Legal aid was refused'],
  file_objection: ['您提出了异议', 'You objected'],
  objection_upheld: ['司法行政机关维持了原决定', 'The justice bureau upheld the decision'],
  objection_corrected: ['司法行政机关责令改正', 'The justice bureau ordered the decision corrected'],
  assign: ['中心指派了律师', 'The centre assigned a lawyer'],
  change_handler: ['中心更换了律师', 'The centre changed your lawyer'],
  handler_accept: ['律师已接受指派', 'Your lawyer accepted the case'],
  terminate: ['法律援助终止', 'Legal aid ended'],
  withdraw: ['申请已撤回', 'The application was withdrawn'],
  submit_closing: ['律师提交了结案材料', 'Your lawyer handed in the closing file'],
  accept_closing: ['案件已结案', 'The case is closed'],
  archive: ['案卷已归档', 'The file was archived'],
};

const DOCUMENT_WORDS: Partial<Record<DocumentKind, Words>> = {
  receipt: ['受理回执', 'Receipt'],
  supplement_notice: ['补充材料通知书', 'Notice to supply materials'],
  grant_decision: ['给予法律援助决定书', 'Decision to grant legal aid'],
  refusal_decision: ['不予法律援助决定书', 'Decision to refuse legal aid'],
  handler_change_notice: ['更换法律援助人员通知书', 'Notice of a change of lawyer'],
  termination_decision: ['终止法律援助决定书', 'Decision to end legal aid'],
  objection_decision: ['异议审查决定书', 'Decision on the objection'],
};

/** The documents an applicant receives (not the letters to the organs or the lawyer). */
export const APPLICANT_DOCUMENTS = new Set(Object.keys(DOCUMENT_WORDS));

export const stateWords = (state: CaseState, locale: Locale) => pick(STATE_WORDS[state], locale, state);
export const eventWords = (event: string, locale: Locale) =>
  EVENT_WORDS[event] ? pick(EVENT_WORDS[event], locale, event) : null;
export const documentWords = (kind: DocumentKind, locale: Locale) => pick(DOCUMENT_WORDS[kind], locale, kind);

/** Why someone opened the file, from the audit action. */
const PURPOSE_WORDS: Record<string, Words> = {
  'applications.read': ['查看申请', 'Read the application'],
  'application.read': ['查看申请', 'Read the application'],
  'attachment.read': ['查看材料', 'Opened a material'],
  'application.attachment_read': ['查看材料', 'Opened a material'],
  'document.read': ['查看文书', 'Opened a document'],
  'application.document_read': ['查看文书', 'Opened a document'],
  'person.unmask': ['查看完整身份信息', 'Viewed your full identity details'],
  'case.brief_read': ['查看案情摘要', 'Read the case summary'],
  'case_archive.read': ['查看归档案卷', 'Read the archived file'],
  'persons.read': ['查看当事人信息', 'Read your personal details'],
};
export const purposeWords = (action: string, locale: Locale) =>
  pick(PURPOSE_WORDS[action], locale, locale === 'en-US' ? 'Read the file' : '查看案卷');

/** "中心应在 12月10日前作出决定": the running statutory clock in the applicant's words. */
const CLOCK_WORDS: Record<string, Words> = {
  review_decision: ['中心应在 {date}前作出决定', 'The centre must decide by {date}'],
  supplement: ['请在 {date}前补充材料', 'Please supply the materials by {date}'],
  assignment: ['中心应在 {date}前指派律师', 'The centre must assign a lawyer by {date}'],
  objection_review: [
    '司法行政机关应在 {date}前作出异议审查决定',
    'The justice bureau must decide the objection by {date}',
  ],
};
export function countdownWords(period: string, dueDate: string, locale: Locale): string | null {
  const words = CLOCK_WORDS[period];
  if (!words) return null;
  const [, month, day] = dueDate.split('-').map(Number);
  const date = locale === 'en-US' ? dueDate : `${month}月${day}日`;
  return pick(words, locale, '').replace('{date}', date);
}
