import type { ListItemRule } from '../reference/list-item.ts';
import { NOTIFYING_INSTITUTIONS } from '../lifecycle/events.ts';

/**
 * Asking the case-handling organs for their opinion of the legal aid given (征询办案机关意见):
 * one of the quality measures of LAL art.59, OPN (六) (征询司法机关意见) and SF/T 0032-2023 11.5.
 * A request is addressed to the court, procuratorate or police of the case; it goes through the
 * partner API when that organ is a partner, otherwise as a printed letter (征询意见函), and the
 * answer rates the handler on the `organ_opinion_item` rule rows in force (1–5 each).
 */
export const OPINION_ORGAN_KINDS = NOTIFYING_INSTITUTIONS;
export type OpinionOrganKind = (typeof OPINION_ORGAN_KINDS)[number];

export const ORGAN_OPINION_CHANNELS = ['partner', 'print'] as const;
export type OrganOpinionChannel = (typeof ORGAN_OPINION_CHANNELS)[number];

/**
 * drafted → sent (the partner API carried it) or printed (the letter was issued) → answered;
 * cancelled from any state before the answer.
 */
export const ORGAN_OPINION_STATUSES = ['drafted', 'sent', 'printed', 'answered', 'cancelled'] as const;
export type OrganOpinionStatus = (typeof ORGAN_OPINION_STATUSES)[number];

/** How an answer came in: the organ's system through the partner API, or staff typing a paper reply. */
export const ORGAN_OPINION_ANSWER_VIA = ['partner_api', 'paper'] as const;
export type OrganOpinionAnswerVia = (typeof ORGAN_OPINION_ANSWER_VIA)[number];

export type OrganOpinionAction = 'send' | 'answer' | 'cancel';

export const OPINION_RATING_MIN = 1;
export const OPINION_RATING_MAX = 5;
/** 1 and 2 of 5: the organ judged that part of the work poor. */
export const POOR_OPINION_AT_MOST = 2;
/**
 * The reply date a new request proposes, in calendar days: the centre's practice, not a
 * statutory period (none is set by LAL art.59), so staff may change it per request.
 */
export const DEFAULT_OPINION_REPLY_DAYS = 15;

/**
 * The state after an action, or null when the action is not open: sending goes to `sent` by the
 * partner channel and to `printed` by the paper one; a paper answer may follow a printed letter,
 * a partner's answer only a sent request.
 */
export function nextOpinionStatus(
  status: OrganOpinionStatus,
  action: OrganOpinionAction,
  channel: OrganOpinionChannel,
  via?: OrganOpinionAnswerVia,
): OrganOpinionStatus | null {
  switch (action) {
    case 'send':
      return status === 'drafted' ? (channel === 'partner' ? 'sent' : 'printed') : null;
    case 'answer':
      if (status === 'sent' && via === 'partner_api') return 'answered';
      // An organ that is a partner may still answer on paper: staff record it.
      if ((status === 'sent' || status === 'printed') && via === 'paper') return 'answered';
      return null;
    case 'cancel':
      return status === 'drafted' || status === 'sent' || status === 'printed' ? 'cancelled' : null;
  }
}

export type OpinionProblem =
  | { code: 'OPINION_RATING_MISSING'; item: string }
  | { code: 'OPINION_RATING_INVALID'; item: string }
  | { code: 'OPINION_ITEM_UNKNOWN'; item: string };

/** The rating items of a request in their order. */
export function opinionItems(items: readonly ListItemRule[]): ListItemRule[] {
  return [...items].sort((a, b) => Number(a.params.order ?? 0) - Number(b.params.order ?? 0));
}

/** Checks an answer's ratings against the request's items: each one rated, an integer 1–5, no other. */
export function checkOpinionRatings(
  ratings: Readonly<Record<string, number>>,
  items: readonly ListItemRule[],
): OpinionProblem | null {
  const known = new Set(items.map((i) => i.code));
  for (const code of Object.keys(ratings))
    if (!known.has(code)) return { code: 'OPINION_ITEM_UNKNOWN', item: code };
  for (const i of items) {
    const r = ratings[i.code];
    if (r === undefined) return { code: 'OPINION_RATING_MISSING', item: i.code };
    if (!Number.isInteger(r) || r < OPINION_RATING_MIN || r > OPINION_RATING_MAX)
      return { code: 'OPINION_RATING_INVALID', item: i.code };
  }
  return null;
}

/**
 * The items the organ rated poor (1 or 2), the overall one (`params.overall`) first: an answer with
 * any counts against the handler's quality record and is shown to the centre as a concern.
 */
export function poorOpinionItems(
  ratings: Readonly<Record<string, number>>,
  items: readonly ListItemRule[],
): string[] {
  const poor = opinionItems(items).filter((i) => {
    const r = ratings[i.code];
    return r !== undefined && r <= POOR_OPINION_AT_MOST;
  });
  return [
    ...poor.filter((i) => i.params.overall === true),
    ...poor.filter((i) => i.params.overall !== true),
  ].map((i) => i.code);
}
