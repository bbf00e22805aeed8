import type { CaseEffect } from './effects.ts';
import type { CaseEvent, CaseEventType } from './events.ts';
import type { LifecycleContext, TransitionResult } from './context.ts';
import type { TransitionRule } from './rule.ts';
import { findRule, rulesFrom } from './rules.ts';
import { isCaseState, type CaseState } from './states.ts';

const mayAct = (rule: TransitionRule, ctx: LifecycleContext): boolean =>
  ctx.actorRoles.some((actor) => rule.roles.includes(actor));

/**
 * Applies one event to an application or case: who may (roles), when (guards), and what follows
 * (effects). Pure; an illegal transition comes back as a value with a stable code and the state
 * unchanged, never as an exception.
 */
export function transition(
  state: CaseState | null,
  event: CaseEvent,
  ctx: LifecycleContext,
): TransitionResult {
  const known = state === null || isCaseState(state);
  const rule = known ? findRule(state, event.type) : undefined;
  if (!rule) {
    const terminal = known && rulesFrom(state).length === 0;
    return {
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      reason: terminal ? 'TERMINAL_STATE' : 'NO_SUCH_TRANSITION',
      state,
      event: event.type,
    };
  }
  if (!mayAct(rule, ctx)) {
    return {
      ok: false,
      code: 'TRANSITION_FORBIDDEN_ROLE',
      reason: 'ROLE_NOT_PERMITTED',
      state,
      event: event.type,
      allowedRoles: rule.roles,
      citation: rule.citation,
    };
  }
  const failure = rule.when?.(ctx) ?? rule.check?.(event, ctx);
  if (failure) {
    return {
      ok: false,
      code: 'TRANSITION_GUARD_FAILED',
      reason: failure.reason,
      state,
      event: event.type,
      ...(failure.citation === undefined ? {} : { citation: failure.citation }),
    };
  }
  const effects: CaseEffect[] = rule.effects(event, ctx);
  return { ok: true, from: state, state: rule.to, effects, citation: rule.citation };
}

export interface AllowedEvent {
  event: CaseEventType;
  to: CaseState;
  citation: string;
}

/**
 * What the actor may do next, with the legal basis: the rules from this state that the actor's
 * roles permit and whose case and time conditions hold. Conditions on the details the user has
 * yet to fill in (missing items, reasons, the handler's qualification) are checked on submit.
 */
export function allowedEvents(state: CaseState | null, ctx: LifecycleContext): AllowedEvent[] {
  return rulesFrom(state)
    .filter((rule) => mayAct(rule, ctx) && rule.when?.(ctx) === undefined)
    .map((rule) => ({ event: rule.event, to: rule.to, citation: rule.citation }));
}
