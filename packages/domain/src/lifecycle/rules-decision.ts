import type { LifecycleContext } from './context.ts';
import { issue, notify, startClock, startSupplementClock, stopClock, type CaseEffect } from './effects.ts';
import {
  dueDateInFuture,
  firstFailure,
  handlerQualified,
  objectionWindowOpen,
  reasonsGiven,
} from './guards.ts';
import { ASSIGNERS, DECIDERS, OBJECTION_FILERS } from './roles.ts';
import { defineRule, type TransitionRule } from './rule.ts';
import type { CaseState } from './states.ts';

/** The letters a handler needs to act: the official letter, and a meeting letter for a detainee. */
export const handlerLetters = (ctx: LifecycleContext): CaseEffect[] => [
  issue('assignment_letter'),
  ...(ctx.facts?.clientDetained === true ? [issue('meeting_letter')] : []),
];

// LAL art.44: in urgent cases the centre gives aid at once, assigning a handler on the spot who
// starts work at once: there is no acceptance step (`handler_accept` is for ordinary assignments),
// so once the recipient completes the formalities by the date the centre set, the case goes on
// in progress with the same handler. The decision period ends here, and the handler's 5 days to
// sign the agreement start at once (MOJ procedure rules 2023 art.27).
const provisionalAid = (from: CaseState): TransitionRule =>
  defineRule({
    from,
    event: 'grant_provisional_aid',
    to: 'provisional_aid',
    roles: ASSIGNERS,
    citation: 'LAL art.44',
    check: (event, ctx) =>
      firstFailure(
        () => handlerQualified(ctx),
        () => dueDateInFuture(event.formalitiesDueDate, ctx, 'LAL art.44(2)'),
      ),
    effects: (event, ctx) => [
      stopClock('review_decision'),
      ...(from === 'supplement_requested' ? [stopClock('supplement')] : []),
      startSupplementClock(event.formalitiesDueDate),
      startClock('agreement_signing'),
      ...handlerLetters(ctx),
      notify('handler', 'handler_assigned'),
      notify('applicant', 'provisional_aid_granted'),
    ],
  });

const fileObjection = (from: 'refused' | 'terminated'): TransitionRule =>
  defineRule({
    from,
    event: 'file_objection',
    to: from === 'refused' ? 'objection_to_refusal' : 'objection_to_termination',
    roles: OBJECTION_FILERS,
    citation: from === 'refused' ? 'LAL art.49; BJR art.24' : 'LAL art.49',
    when: objectionWindowOpen,
    effects: () => [
      stopClock(from === 'refused' ? 'objection_filing' : 'objection_filing_termination'),
      startClock('objection_review'),
      notify('centre', 'objection_filed'),
    ],
  });

/** Decisions on applications, aid in advance, and objections to the justice bureau (LAL art.49). */
export const DECISION_RULES: readonly TransitionRule[] = [
  defineRule({
    from: 'under_review',
    event: 'grant',
    to: 'granted',
    roles: DECIDERS,
    // LAL art.43: decide within 7 days; then assign within 3 days of the decision.
    citation: 'LAL art.43',
    check: (event) => reasonsGiven(event.reasons),
    effects: () => [
      stopClock('review_decision'),
      startClock('assignment'),
      issue('grant_decision'),
      notify('applicant', 'aid_granted'),
      notify('director', 'case_to_assign'),
    ],
  }),
  defineRule({
    from: 'under_review',
    event: 'refuse',
    to: 'refused',
    roles: DECIDERS,
    // LAL art.43: a refusal is written and reasoned; it opens the objection period (art.49, BJR art.24).
    citation: 'LAL art.43; LAL art.49',
    check: (event) => reasonsGiven(event.reasons),
    effects: () => [
      stopClock('review_decision'),
      startClock('objection_filing'),
      issue('refusal_decision'),
      notify('applicant', 'aid_refused'),
    ],
  }),
  provisionalAid('received'),
  provisionalAid('supplement_requested'),
  provisionalAid('under_review'),
  defineRule({
    from: 'provisional_aid',
    event: 'complete_formalities',
    to: 'in_progress',
    roles: DECIDERS,
    citation: 'LAL art.44(2)',
    effects: () => [
      stopClock('supplement'),
      issue('grant_decision'),
      notify('applicant', 'formalities_completed'),
      notify('handler', 'formalities_completed'),
    ],
  }),
  fileObjection('refused'),
  fileObjection('terminated'),
  ...(['objection_to_refusal', 'objection_to_termination'] as const).map((from) =>
    defineRule({
      from,
      event: 'objection_upheld',
      to: from === 'objection_to_refusal' ? 'refused' : 'terminated',
      roles: ['supervisor'],
      // LAL art.49: the justice bureau decides within 5 days to uphold the centre's decision.
      // The decision is the bureau's, so it is the bureau's document (异议审查决定书).
      citation: 'LAL art.49',
      effects: () => [
        stopClock('objection_review'),
        issue('objection_decision'),
        notify('applicant', 'objection_upheld'),
        notify('centre', 'objection_upheld'),
      ],
    }),
  ),
  // LAL art.49: or to order the centre to correct it: a refusal becomes a grant (assign within
  // 3 days, art.43); a termination is undone and the same handler carries on.
  defineRule({
    from: 'objection_to_refusal',
    event: 'objection_corrected',
    to: 'granted',
    roles: ['supervisor'],
    citation: 'LAL art.49; LAL art.43',
    // The bureau's decision orders the correction; the centre's own grant decision follows it.
    effects: () => [
      stopClock('objection_review'),
      startClock('assignment'),
      issue('objection_decision'),
      issue('grant_decision'),
      notify('applicant', 'objection_corrected'),
      notify('director', 'case_to_assign'),
    ],
  }),
  defineRule({
    from: 'objection_to_termination',
    event: 'objection_corrected',
    to: 'in_progress',
    roles: ['supervisor'],
    citation: 'LAL art.49',
    effects: () => [
      stopClock('objection_review'),
      issue('objection_decision'),
      notify('applicant', 'objection_corrected'),
      notify('handler', 'objection_corrected'),
      notify('director', 'objection_corrected'),
    ],
  }),
];
