import { beijingDateOf, compareDates, isLocalDate } from '../calendar/local-date.ts';
import type { LocalDate } from '../shared/brand.ts';
import type { DecisionReason } from './events.ts';
import type { GuardFailure, LifecycleContext } from './context.ts';

type Guard = GuardFailure | undefined;

export const firstFailure = (...guards: (() => Guard)[]): Guard => {
  for (const guard of guards) {
    const failure = guard();
    if (failure) return failure;
  }
  return undefined;
};

// BJR art.24: an objection to a refusal is filed within 15 days of receiving it; LAL art.49 sets
// no period (a termination). The caller says whether the window is open (delivery, rule rows).
export const objectionWindowOpen = (ctx: LifecycleContext): Guard =>
  ctx.facts?.objectionWindowOpen === true
    ? undefined
    : { reason: 'OBJECTION_PERIOD_CLOSED', citation: 'BJR art.24' };

// A refusal or termination is filed away once nobody can object any more (LAL art.49), or at
// once when no filing period applies: an objection without a deadline cannot hold a case open.
export const objectionNoLongerPending = (ctx: LifecycleContext): Guard =>
  ctx.facts?.objectionWindowOpen === false || ctx.facts?.objectionHasNoDeadline === true
    ? undefined
    : { reason: 'OBJECTION_PERIOD_OPEN', citation: 'LAL art.49; BJR art.24' };

// LAL art.43(2): deemed withdrawn only once the set date has passed without the materials.
export const supplementOverdue = (ctx: LifecycleContext): Guard =>
  ctx.facts?.supplementDueDatePassed === true
    ? undefined
    : { reason: 'SUPPLEMENT_NOT_YET_DUE', citation: 'LAL art.43(2)' };

export const supplementInTime = (ctx: LifecycleContext): Guard =>
  ctx.facts?.supplementDueDatePassed === true
    ? { reason: 'SUPPLEMENT_PERIOD_EXPIRED', citation: 'LAL art.43(2)' }
    : undefined;

// LAL art.26: life-imprisonment and death-penalty cases need a lawyer with ≥ 3 years' practice;
// MPL art.104: minors' cases need a lawyer familiar with minors. The matcher decides; we insist.
export const handlerQualified = (ctx: LifecycleContext): Guard =>
  ctx.facts?.handlerQualified === true
    ? undefined
    : { reason: 'HANDLER_NOT_QUALIFIED', citation: 'LAL art.26; MPL art.104' };

/** A date the centre sets must lie after the day of the action, Beijing time. */
export const dueDateInFuture = (dueDate: LocalDate, ctx: LifecycleContext, citation: string): Guard => {
  if (Number.isNaN(Date.parse(ctx.at))) return { reason: 'INVALID_INSTANT' };
  if (!isLocalDate(dueDate)) return { reason: 'DUE_DATE_INVALID', citation };
  return compareDates(dueDate, beijingDateOf(ctx.at)) > 0
    ? undefined
    : { reason: 'DUE_DATE_NOT_IN_FUTURE', citation };
};

// LAL art.43(2): tell the applicant every missing item at once (一次性告知), so the list is
// complete, not empty, and says each thing once.
export const missingItemsListed = (items: readonly string[]): Guard => {
  if (items.length === 0) return { reason: 'MISSING_ITEMS_REQUIRED', citation: 'LAL art.43(2)' };
  const names = items.map((item) => item.trim());
  if (names.some((name) => name === '') || new Set(names).size !== names.length)
    return { reason: 'MISSING_ITEMS_INVALID', citation: 'LAL art.43(2)' };
  return undefined;
};

// LAL art.43: a decision states its grounds; a refusal states them in writing with the law.
export const reasonsGiven = (reasons: readonly DecisionReason[]): Guard => {
  if (reasons.length === 0) return { reason: 'REASONS_REQUIRED', citation: 'LAL art.43' };
  if (reasons.some((r) => r.code.trim() === '' || r.citation.trim() === ''))
    return { reason: 'REASON_INVALID', citation: 'LAL art.43' };
  return undefined;
};

export const reasonStated = (reason: string, citation: string): Guard =>
  reason.trim() === '' ? { reason: 'REASON_REQUIRED', citation } : undefined;
