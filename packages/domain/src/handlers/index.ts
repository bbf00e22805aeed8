import { compareDates } from '../calendar/local-date.ts';
import type { LocalDate } from '../shared/brand.ts';

/**
 * Legal aid handlers (法律援助人员, LAL art.12–13, art.16): who may take an assigned case. The
 * assignment engine reads these values from a handler's profile; the registry records them.
 */
export const HANDLER_KINDS = [
  'social_lawyer', // 社会律师
  'public_lawyer', // 公职律师
  'centre_lawyer', // 法律援助中心律师
  'grassroots_worker', // 基层法律服务工作者
  'volunteer', // 志愿者 (LAL art.17)
] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

/** Volunteers come from law schools or social work (LAL art.17). */
export const VOLUNTEER_SUBKINDS = ['student', 'social_worker'] as const;
export type VolunteerSubkind = (typeof VOLUNTEER_SUBKINDS)[number];

/** Kinds that hold a practising licence (执业证号). Volunteers may have none. */
export function needsLicence(kind: HandlerKind): boolean {
  return kind !== 'volunteer';
}

/**
 * Admission and exit (准入退出, [OPN]): a handler applies to join the pool, the centre approves,
 * may suspend and reinstate, and the handler exits. Only an active handler gets new cases.
 */
export const HANDLER_STATUSES = ['applying', 'active', 'suspended', 'exited'] as const;
export type HandlerStatus = (typeof HANDLER_STATUSES)[number];

export const HANDLER_STATUS_ACTIONS = ['approve', 'suspend', 'reinstate', 'exit'] as const;
export type HandlerStatusAction = (typeof HANDLER_STATUS_ACTIONS)[number];

const MOVES: Record<HandlerStatusAction, { from: readonly HandlerStatus[]; to: HandlerStatus }> = {
  approve: { from: ['applying'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  // An application may be turned down, and an admitted handler may leave or be removed.
  exit: { from: ['applying', 'active', 'suspended'], to: 'exited' },
};

/** The status an action leads to, or null when the action is not open from `status`. */
export function nextHandlerStatus(status: HandlerStatus, action: HandlerStatusAction): HandlerStatus | null {
  const move = MOVES[action];
  return move.from.includes(status) ? move.to : null;
}

/** The actions open from a status (what the screen offers). */
export function handlerStatusActions(status: HandlerStatus): HandlerStatusAction[] {
  return HANDLER_STATUS_ACTIONS.filter((action) => nextHandlerStatus(status, action) !== null);
}

/** A suspended or exited handler gets no new case (issue 5, "Admission and exit"). */
export function mayTakeNewCases(status: HandlerStatus): boolean {
  return status === 'active';
}

/**
 * Whole years from `since` up to `today` (both Beijing dates): the years of practice that
 * LAL art.26 counts (≥ 3 for life imprisonment and death-penalty cases). Derived on each read so
 * the number never goes stale; 0 before the date or when there is none.
 */
export function completedYears(since: LocalDate | null, today: LocalDate): number {
  if (since === null || compareDates(since, today) >= 0) return 0;
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split('-').map(Number) as [number, number, number];
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years -= 1;
  return Math.max(0, years);
}

/** The teams [OPN] names; a centre may add its own codes. */
export const STANDARD_TEAM_CODES = [
  'labour',
  'marriage_family',
  'death_penalty',
  'minors',
  'appeals',
] as const;
export type StandardTeamCode = (typeof STANDARD_TEAM_CODES)[number];

/** Recorded conflicts of interest (回避): the assignment engine keeps such a handler off a case. */
export const HANDLER_CONFLICT_KINDS = ['opposing_party', 'relation'] as const;
export type HandlerConflictKind = (typeof HANDLER_CONFLICT_KINDS)[number];

/**
 * Languages a handler serves in besides Mandarin: ISO 639 codes for minority and foreign
 * languages, and `sign` for Chinese Sign Language. The list the screens offer; other codes pass.
 */
export const HANDLER_LANGUAGES = [
  'sign',
  'en',
  'bo',
  'ug',
  'mn',
  'ko',
  'ii',
  'za',
  'yue',
  'ja',
  'ru',
  'fr',
] as const;
export const HANDLER_LANGUAGE_PATTERN = /^(sign|[a-z]{2,3})$/;
