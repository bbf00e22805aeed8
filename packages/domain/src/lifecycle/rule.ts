import type { CaseEffect } from './effects.ts';
import type { CaseEventOf, CaseEventType } from './events.ts';
import type { GuardFailure, LifecycleActor, LifecycleContext } from './context.ts';
import type { CaseState } from './states.ts';

/**
 * One row of the transition table: from a state, on an event, to a state; who may (roles), when
 * (guards), with what consequences (effects), and on what legal basis (citation).
 */
export interface TransitionRule<T extends CaseEventType = CaseEventType> {
  /** `null`: the event creates the record. */
  from: CaseState | null;
  event: T;
  to: CaseState;
  roles: readonly LifecycleActor[];
  citation: string;
  /** Conditions on the case and the time, known before the user fills in the action. */
  when?(ctx: LifecycleContext): GuardFailure | undefined;
  /** Conditions on what the user filled in. */
  check?(event: CaseEventOf<T>, ctx: LifecycleContext): GuardFailure | undefined;
  effects(event: CaseEventOf<T>, ctx: LifecycleContext): CaseEffect[];
}

/** Lets each row type its event payload while the table holds rows of every event. */
export const defineRule = <T extends CaseEventType>(rule: TransitionRule<T>): TransitionRule =>
  rule as unknown as TransitionRule;
