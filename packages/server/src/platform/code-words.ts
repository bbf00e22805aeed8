import type { CaseState, HandlerKind, HandlerStatus, Locale } from '@fayuan/domain';
import type { CaseChannel, ConsultationChannel, ConsultationOutcome } from '../db/schema/index.ts';

/**
 * The words the server prints for coded values (an exported sheet, a search result), in both locales. Records over the code
 * types, so a state or kind added to the domain fails to compile until it has words here: a
 * spreadsheet never shows a code. The same words as the web catalogs (packages/web/src/i18n).
 */
type Words<K extends string> = Record<K, readonly [zh: string, en: string]>;

export const STATE_WORDS: Words<CaseState> = {
  awaiting_transfer: ['待转交', 'Awaiting transfer'],
  received: ['已受理', 'Received'],
  supplement_requested: ['待补充材料', 'Materials requested'],
  withdrawn: ['已撤回', 'Withdrawn'],
  under_review: ['审查中', 'Under review'],
  granted: ['给予援助', 'Granted'],
  refused: ['不予援助', 'Refused'],
  objection_to_refusal: ['异议审查中', 'Objection under review'],
  provisional_aid: ['先行提供援助', 'Aid in advance'],
  to_assign: ['待指派', 'To assign'],
  assigned: ['已指派', 'Assigned'],
  in_progress: ['承办中', 'In progress'],
  terminated: ['已终止', 'Terminated'],
  objection_to_termination: ['终止异议审查中', 'Termination objection under review'],
  closing_submitted: ['已提交结案', 'Closing submitted'],
  closed: ['已结案', 'Closed'],
  evaluated: ['已评估', 'Evaluated'],
  subsidy_paid: ['补贴已发放', 'Subsidy paid'],
  archived: ['已归档', 'Archived'],
};

export const CASE_CHANNEL_WORDS: Words<CaseChannel> = {
  window: ['窗口', 'Walk-in'],
  phone: ['电话', 'Phone'],
  home_visit: ['上门', 'Home visit'],
  online: ['网上', 'Online'],
  workstation: ['工作站', 'Workstation'],
  forwarded: ['转交', 'Forwarded'],
  criminal_notice: ['通知辩护/代理', 'Criminal notice'],
};

export const CONSULTATION_CHANNEL_WORDS: Words<ConsultationChannel> = {
  window_visit: ['窗口来访', 'Walk-in'],
  hotline_12348: ['12348 热线', '12348 hotline'],
  online: ['网上咨询', 'Online'],
  letter: ['来信', 'Letter'],
  video: ['视频咨询', 'Video'],
  workstation: ['工作站', 'Workstation'],
  circuit_service: ['巡回服务', 'Circuit service'],
};

export const CONSULTATION_OUTCOME_WORDS: Words<ConsultationOutcome> = {
  answered: ['已解答', 'Answered'],
  referred: ['已转介', 'Referred'],
  converted: ['转为申请', 'Application'],
  pending: ['待处理', 'Pending'],
};

export const HANDLER_KIND_WORDS: Words<HandlerKind> = {
  social_lawyer: ['社会律师', 'Social lawyer'],
  public_lawyer: ['公职律师', 'Public lawyer'],
  centre_lawyer: ['法律援助中心律师', 'Legal aid centre lawyer'],
  grassroots_worker: ['基层法律服务工作者', 'Grassroots legal worker'],
  volunteer: ['志愿者', 'Volunteer'],
};

export const HANDLER_STATUS_WORDS: Words<HandlerStatus> = {
  applying: ['申请中', 'Applying'],
  active: ['在册', 'Active'],
  suspended: ['暂停', 'Suspended'],
  exited: ['已退出', 'Exited'],
};

/** A coded value's words in the locale. */
export function wordsOf<K extends string>(table: Words<K>, code: K, locale: Locale): string {
  const [zh, en] = table[code];
  return locale === 'en-US' ? en : zh;
}

/** A pair of words picked by locale. */
export const say = (locale: Locale, zh: string, en: string) => (locale === 'en-US' ? en : zh);
