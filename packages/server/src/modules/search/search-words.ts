import type { CaseState, Locale } from '@fayuan/domain';
import type { ConsultationChannel } from '../../db/schema/index.ts';

/**
 * The few words a search result's subtitle needs, in both locales (the same words as the web
 * catalogue's applications.states and desk.channels), so that no code reaches a person.
 */
const STATE_WORDS: Record<CaseState, [zh: string, en: string]> = {
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

const CHANNEL_WORDS: Record<ConsultationChannel, [zh: string, en: string]> = {
  window_visit: ['窗口来访', 'Walk-in'],
  hotline_12348: ['12348 热线', '12348 hotline'],
  online: ['网上咨询', 'Online'],
  letter: ['来信', 'Letter'],
  video: ['视频咨询', 'Video'],
  workstation: ['工作站', 'Workstation'],
  circuit_service: ['巡回服务', 'Circuit service'],
};

const pick = ([zh, en]: [string, string], locale: Locale) => (locale === 'en-US' ? en : zh);

export const stateWords = (state: CaseState, locale: Locale) => pick(STATE_WORDS[state], locale);
export const channelWords = (channel: ConsultationChannel, locale: Locale) =>
  pick(CHANNEL_WORDS[channel], locale);

export const WORDS = {
  born: (year: number, locale: Locale) => (locale === 'en-US' ? `born ${year}` : `${year}年生`),
  consultation: (locale: Locale) => (locale === 'en-US' ? 'Consultation' : '咨询'),
  noFirm: (locale: Locale) => (locale === 'en-US' ? 'No law firm' : '未登记律所'),
  separator: ' · ',
};
