import type { Role } from '../access/roles.ts';
import type { CaseEffect } from './effects.ts';
import type { CaseEventType } from './events.ts';
import type { CaseState } from './states.ts';

/**
 * Who acts: a staff role, the applicant (online portal: applies, supplies materials, withdraws,
 * objects), or the scheduler that fires time-driven events (a supplement date that has passed).
 */
export type LifecycleActor = Role | 'applicant' | 'scheduler';

/**
 * Facts the caller knows and the domain cannot: the domain has no clock and no database, so
 * time-dependent and case-dependent conditions arrive as explicit values. A guard that needs a
 * fact and does not get it fails closed.
 */
export interface LifecycleFacts {
  /**
   * An objection to the decision may be filed now: not yet delivered (the period has not begun),
   * delivered and within the filing period, or no period applies; and none was filed yet.
   * BJR art.24; LAL art.49.
   */
  objectionWindowOpen?: boolean;
  /** No filing period is in force for the decision (LAL art.49 sets none for a termination). */
  objectionHasNoDeadline?: boolean;
  /** The date set for supplementary materials has passed (LAL art.43(2): deemed withdrawn). */
  supplementDueDatePassed?: boolean;
  /** The client is in custody, so the handler needs a meeting letter (会见公函). */
  clientDetained?: boolean;
  /** The chosen handler meets the case's requirements (LAL art.26; MPL art.104). */
  handlerQualified?: boolean;
  /**
   * The handler's period to sign the agreement runs or is paused by a recipient delay (the
   * `agreement_signing` clock was started on assignment and the agreement has not been recorded
   * signed). MOJ procedure rules 2023 art.27.
   */
  agreementPending?: boolean;
  /**
   * The period to hand in the closing materials runs (the handler recorded the end of the matter
   * and a `closing_materials` period rule is in force). LAL art.50.
   */
  closingMaterialsPending?: boolean;
  /**
   * This assignment follows a change of handler (更换) with no handler assigned since: the
   * recipient is told who replaces whom, now that the new handler is known (LAL art.55).
   */
  replacesHandler?: boolean;
}

export interface LifecycleContext {
  actorRoles: readonly LifecycleActor[];
  /** ISO instant of the action, from the caller's clock. */
  at: string;
  facts?: LifecycleFacts;
}

/** Why a guard refused: a stable code for the i18n catalogs, and the rule it applies. */
export interface GuardFailure {
  reason: GuardReason;
  citation?: string;
}

export type GuardReason =
  | 'APPLICANT_ONLINE_ONLY'
  | 'MISSING_ITEMS_REQUIRED'
  | 'MISSING_ITEMS_INVALID'
  | 'DUE_DATE_INVALID'
  | 'DUE_DATE_NOT_IN_FUTURE'
  | 'INVALID_INSTANT'
  | 'SUPPLEMENT_NOT_YET_DUE'
  | 'SUPPLEMENT_PERIOD_EXPIRED'
  | 'REASONS_REQUIRED'
  | 'REASON_INVALID'
  | 'REASON_REQUIRED'
  | 'HANDLER_NOT_QUALIFIED'
  | 'OBJECTION_PERIOD_CLOSED'
  | 'OBJECTION_PERIOD_OPEN'
  | 'GROUND_NOT_APPLICABLE';

export type TransitionResult =
  | {
      ok: true;
      from: CaseState | null;
      state: CaseState;
      effects: CaseEffect[];
      /** The legal basis of the rule applied, to record with the event. */
      citation: string;
    }
  | TransitionRejection;

/** A rejected transition leaves the state as it was (`state` is the state given). */
export type TransitionRejection =
  | {
      ok: false;
      code: 'TRANSITION_NOT_ALLOWED';
      reason: 'TERMINAL_STATE' | 'NO_SUCH_TRANSITION';
      state: CaseState | null;
      event: string;
    }
  | {
      ok: false;
      code: 'TRANSITION_FORBIDDEN_ROLE';
      reason: 'ROLE_NOT_PERMITTED';
      state: CaseState | null;
      event: CaseEventType;
      allowedRoles: readonly LifecycleActor[];
      citation: string;
    }
  | {
      ok: false;
      code: 'TRANSITION_GUARD_FAILED';
      reason: GuardReason;
      state: CaseState | null;
      event: CaseEventType;
      citation?: string;
    };
