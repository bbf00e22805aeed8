import type { CaseEventType } from './events.ts';
import type { TransitionRule } from './rule.ts';
import { APPLICATION_RULES } from './rules-application.ts';
import { CASEWORK_RULES } from './rules-casework.ts';
import { DECISION_RULES } from './rules-decision.ts';
import type { CaseState } from './states.ts';

/**
 * The transition table of applications and cases, as data: at most one rule per state and
 * event, so a transition is decided by (state, event) alone. Diagrams and docs are drawn from it.
 */
export const TRANSITION_RULES: readonly TransitionRule[] = [
  ...APPLICATION_RULES,
  ...DECISION_RULES,
  ...CASEWORK_RULES,
];

export function rulesFrom(state: CaseState | null): TransitionRule[] {
  return TRANSITION_RULES.filter((rule) => rule.from === state);
}

export function findRule(state: CaseState | null, event: CaseEventType): TransitionRule | undefined {
  return TRANSITION_RULES.find((rule) => rule.from === state && rule.event === event);
}
