import type { CaseState, Locale } from '@fayuan/domain';
import type { ConsultationChannel } from '../../db/schema/index.ts';
import { CONSULTATION_CHANNEL_WORDS, STATE_WORDS, wordsOf } from '../../platform/code-words.ts';

/** The few words a search result's subtitle needs, in both locales, so that no code reaches a person. */
export const stateWords = (state: CaseState, locale: Locale) => wordsOf(STATE_WORDS, state, locale);
export const channelWords = (channel: ConsultationChannel, locale: Locale) =>
  wordsOf(CONSULTATION_CHANNEL_WORDS, channel, locale);

export const WORDS = {
  born: (year: number, locale: Locale) => (locale === 'en-US' ? `born ${year}` : `${year}年生`),
  consultation: (locale: Locale) => (locale === 'en-US' ? 'Consultation' : '咨询'),
  noFirm: (locale: Locale) => (locale === 'en-US' ? 'No law firm' : '未登记律所'),
  separator: ' · ',
};
