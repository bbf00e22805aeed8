import type { LifecycleContext } from './context.ts';
import { issue, notify, startClock, stopClock, type CaseEffect } from './effects.ts';
import { handlerQualified, objectionNoLongerPending, reasonStated } from './guards.ts';
import { handlerLetters } from './rules-decision.ts';
import { ASSIGNERS, DECIDERS } from './roles.ts';
import { defineRule, type TransitionRule } from './rule.ts';

/**
 * The handler's unit has 5 days to sign the agreement from the assignment (MOJ procedure rules
 * 2023 art.27: "自安排或者收到指派之日起五日内"). They end when the work ends (a decline, a new
 * handler, closing, termination) if the signing has not stopped them already; the caller says
 * which (LifecycleFacts).
 */
const stopAgreementPeriod = (ctx: LifecycleContext): CaseEffect[] =>
  ctx.facts?.agreementPending ? [stopClock('agreement_signing')] : [];

/** The period to hand in the closing materials, if the end of the matter started it, ends with them. */
const stopClosingPeriod = (ctx: LifecycleContext): CaseEffect[] =>
  ctx.facts?.closingMaterialsPending ? [stopClock('closing_materials')] : [];

const assign = (from: 'granted' | 'to_assign', citation: string): TransitionRule =>
  defineRule({
    from,
    event: 'assign',
    to: 'assigned',
    roles: ASSIGNERS,
    citation,
    check: (_event, ctx) => handlerQualified(ctx),
    effects: (_event, ctx) => [
      stopClock('assignment'),
      // The 5 days to sign the agreement run from the assignment, not from the handler's
      // acceptance (MOJ procedure rules 2023 art.27).
      startClock('agreement_signing'),
      ...handlerLetters(ctx),
      // The change-of-handler notice names the former handler, the reason and the new one, so it
      // is issued (numbered, its content fixed) here, when the new handler is known, not at the
      // change itself (LAL art.55).
      ...(ctx.facts?.replacesHandler === true ? [issue('handler_change_notice')] : []),
      notify('handler', 'handler_assigned'),
      notify('applicant', 'handler_assigned'),
    ],
  });

const changeHandler = (from: 'assigned' | 'in_progress'): TransitionRule =>
  defineRule({
    from,
    event: 'change_handler',
    to: 'to_assign',
    roles: ASSIGNERS,
    // The recipient may ask for another handler who does not do the work (LAL art.55); the
    // centre then assigns anew, within the same 3 days as a first assignment. The written notice
    // follows with the new handler (see `assign`). The MOJ procedure rules (2023) govern the
    // change too; their article is to be confirmed (TO_CONFIRM), so none is cited.
    citation: 'LAL art.55',
    check: (event) => reasonStated(event.reason, 'LAL art.55'),
    effects: (_event, ctx) => [
      // The former handler's agreement period ends with them; the next one starts on assignment.
      ...stopAgreementPeriod(ctx),
      startClock('assignment'),
      notify('handler', 'handler_changed'),
      notify('applicant', 'handler_changed'),
    ],
  });

const terminate = (from: 'in_progress' | 'provisional_aid'): TransitionRule =>
  defineRule({
    from,
    event: 'terminate',
    to: 'terminated',
    roles: ASSIGNERS,
    // LAL art.48: the centre decides; the handler reports the ground. An objection may follow
    // (art.49), which sets no filing period: the period kind has no rule row unless one is added.
    citation: 'LAL art.48',
    check: (event) =>
      event.ground === 'formalities_not_completed' && from !== 'provisional_aid'
        ? { reason: 'GROUND_NOT_APPLICABLE', citation: 'LAL art.44(2)' }
        : undefined,
    effects: (_event, ctx) => [
      ...(from === 'provisional_aid' ? [stopClock('supplement')] : []),
      ...stopAgreementPeriod(ctx),
      issue('termination_decision'),
      startClock('objection_filing_termination'),
      notify('applicant', 'aid_terminated'),
      notify('handler', 'aid_terminated'),
    ],
  });

/** Assignment, the handler's work, termination, closing, evaluation, subsidy, archive. */
export const CASEWORK_RULES: readonly TransitionRule[] = [
  assign('granted', 'LAL art.43'),
  assign('to_assign', 'LAL art.36'),
  defineRule({
    from: 'assigned',
    event: 'handler_accept',
    to: 'in_progress',
    roles: ['handler'],
    // LAL art.16: lawyers owe legal aid. The 5 days to sign the agreement already run from the
    // assignment (MOJ procedure rules 2023 art.27); only an assignment made before the period
    // started there (stored cases from before issue 11) has none, and gets it now.
    citation: 'LAL art.16; MOJ procedure rules 2023 art.27',
    effects: (_event, ctx) => [
      ...(ctx.facts?.agreementPending === false ? [startClock('agreement_signing')] : []),
      notify('centre', 'handler_accepted'),
    ],
  }),
  defineRule({
    from: 'assigned',
    event: 'handler_decline',
    to: 'to_assign',
    roles: ['handler'],
    // A handler may not refuse without good reason (LAL art.16), so the reason is recorded.
    citation: 'LAL art.16',
    check: (event) => reasonStated(event.reason, 'LAL art.16'),
    // The declined assignment's agreement period ends with it (MOJ procedure rules 2023 art.27).
    effects: (_event, ctx) => [
      ...stopAgreementPeriod(ctx),
      startClock('assignment'),
      notify('director', 'handler_declined'),
    ],
  }),
  changeHandler('assigned'),
  changeHandler('in_progress'),
  terminate('in_progress'),
  terminate('provisional_aid'),
  defineRule({
    from: 'in_progress',
    event: 'submit_closing',
    to: 'closing_submitted',
    roles: ['handler'],
    citation: 'LAL art.50',
    effects: (_event, ctx) => [
      ...stopAgreementPeriod(ctx),
      ...stopClosingPeriod(ctx),
      notify('centre', 'closing_submitted'),
    ],
  }),
  defineRule({
    from: 'closing_submitted',
    event: 'accept_closing',
    to: 'closed',
    roles: DECIDERS,
    // BJR art.32: the centre reviews the closing before the subsidy is paid.
    citation: 'LAL art.50; BJR art.32',
    effects: () => [notify('handler', 'closing_accepted')],
  }),
  defineRule({
    from: 'closing_submitted',
    event: 'return_closing',
    to: 'in_progress',
    roles: DECIDERS,
    citation: 'BJR art.32',
    check: (event) => reasonStated(event.reason, 'BJR art.32'),
    effects: () => [notify('handler', 'closing_returned')],
  }),
  // A terminated case is closed on the materials the handler hands in for the work done, once no
  // objection can reopen it (LAL art.49).
  defineRule({
    from: 'terminated',
    event: 'accept_closing',
    to: 'closed',
    roles: DECIDERS,
    citation: 'LAL art.50; BJR art.32',
    when: objectionNoLongerPending,
    effects: () => [notify('handler', 'closing_accepted')],
  }),
  defineRule({
    from: 'closed',
    event: 'record_evaluation',
    to: 'evaluated',
    roles: ['reviewer', 'director', 'supervisor'],
    citation: 'LAL art.57; LAL art.59',
    effects: () => [notify('handler', 'evaluation_recorded')],
  }),
  defineRule({
    from: 'evaluated',
    event: 'record_subsidy_paid',
    to: 'subsidy_paid',
    roles: ['finance'],
    citation: 'LAL art.52; BJR art.32',
    effects: () => [notify('handler', 'subsidy_paid')],
  }),
  defineRule({
    from: 'subsidy_paid',
    event: 'archive',
    to: 'archived',
    roles: ['window_staff', ...DECIDERS],
    citation: 'LAL art.50',
    effects: () => [],
  }),
  // A refusal or a termination nobody objected to (or that the bureau upheld) is filed as it is.
  defineRule({
    from: 'refused',
    event: 'archive',
    to: 'archived',
    roles: ['window_staff', ...DECIDERS],
    citation: 'LAL art.43; LAL art.49',
    when: objectionNoLongerPending,
    effects: () => [],
  }),
  defineRule({
    from: 'terminated',
    event: 'archive',
    to: 'archived',
    roles: ['window_staff', ...DECIDERS],
    citation: 'LAL art.48; LAL art.49',
    when: objectionNoLongerPending,
    effects: () => [],
  }),
];
