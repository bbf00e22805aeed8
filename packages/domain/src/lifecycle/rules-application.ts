import {
  firstFailure,
  dueDateInFuture,
  missingItemsListed,
  supplementInTime,
  supplementOverdue,
} from './guards.ts';
import {
  issue,
  notify,
  pauseClock,
  resumeClock,
  startClock,
  startSupplementClock,
  stopClock,
} from './effects.ts';
import { APPLICATION_TAKERS, DECIDERS } from './roles.ts';
import { defineRule, type TransitionRule } from './rule.ts';

/** Entry, completeness and withdrawal: everything before the decision on an application. */
export const APPLICATION_RULES: readonly TransitionRule[] = [
  defineRule({
    from: null,
    event: 'receive_application',
    to: 'received',
    // A duty lawyer passes on the application of the person served (LAL art.39(2): within 24 hours).
    roles: ['applicant', 'duty_lawyer', ...APPLICATION_TAKERS],
    // LAL art.43: the review period runs from receipt; the receipt proves the date.
    citation: 'LAL art.43',
    check: (event, ctx) =>
      event.channel !== 'online' &&
      !ctx.actorRoles.some((r) => r === 'duty_lawyer' || APPLICATION_TAKERS.includes(r))
        ? { reason: 'APPLICANT_ONLINE_ONLY' }
        : undefined,
    effects: (event) => [
      startClock('review_decision'),
      issue('receipt'),
      notify('applicant', 'application_received'),
      ...(event.channel === 'online' ? [notify('centre', 'application_received')] : []),
    ],
  }),
  defineRule({
    from: null,
    event: 'record_custody_application',
    to: 'awaiting_transfer',
    // Custody records the application as it is handed in; duty lawyers help detainees apply (LAL art.30).
    roles: ['partner_client', 'duty_lawyer'],
    citation: 'LAL art.39',
    effects: () => [startClock('custody_transfer'), notify('centre', 'custody_application_recorded')],
  }),
  defineRule({
    from: null,
    event: 'receive_criminal_notice',
    to: 'to_assign',
    roles: ['partner_client', 'window_staff', 'director'],
    // Notified defence needs no hardship review; the handler is assigned within 3 days (art.36).
    citation: 'LAL art.25; LAL art.28; LAL art.36',
    effects: () => [startClock('assignment'), notify('director', 'criminal_notice_received')],
  }),
  defineRule({
    from: 'awaiting_transfer',
    event: 'receive_transferred_application',
    to: 'received',
    roles: ['partner_client', 'window_staff', 'reviewer'],
    citation: 'LAL art.39; LAL art.43',
    effects: () => [
      stopClock('custody_transfer'),
      startClock('review_decision'),
      issue('receipt'),
      notify('applicant', 'application_received'),
    ],
  }),
  defineRule({
    from: 'received',
    event: 'request_supplement',
    to: 'supplement_requested',
    roles: APPLICATION_TAKERS,
    citation: 'LAL art.43(2); MOJ procedure rules 2023',
    check: (event, ctx) =>
      firstFailure(
        () => missingItemsListed(event.missingItems),
        () => dueDateInFuture(event.dueDate, ctx, 'LAL art.43(2)'),
      ),
    // The time the applicant takes to supply is not counted in the review period, so the review
    // clock pauses. LAL art.43(2) has no such clause; the MOJ procedure rules 2023 carry it
    // (the 2012 rules had it in art.13) but their article is still to be confirmed (TO_CONFIRM),
    // so the pause cites the rules without an article.
    effects: (event) => [
      pauseClock('review_decision'),
      startSupplementClock(event.dueDate),
      issue('supplement_notice'),
      notify('applicant', 'supplement_requested'),
    ],
  }),
  defineRule({
    from: 'supplement_requested',
    event: 'supplement_received',
    // Complete, the application waits for a reviewer as any complete application does: the review
    // period runs again from where it paused, and the review is under way, with its reviewer
    // recorded, once a reviewer starts it (start_review). A supplement is asked for before review.
    to: 'received',
    roles: ['applicant', ...APPLICATION_TAKERS],
    // LAL art.43(2) for the supplement; the pause that ends here is the MOJ procedure rules' (2023).
    citation: 'LAL art.43(2); MOJ procedure rules 2023',
    when: supplementInTime,
    effects: () => [
      stopClock('supplement'),
      resumeClock('review_decision'),
      notify('centre', 'supplement_received'),
    ],
  }),
  defineRule({
    from: 'supplement_requested',
    event: 'supplement_overdue',
    to: 'withdrawn',
    roles: ['scheduler', 'window_staff', 'reviewer'],
    // 视为撤回: not supplied by the set date, the application counts as withdrawn.
    citation: 'LAL art.43(2)',
    when: supplementOverdue,
    effects: () => [
      stopClock('supplement'),
      stopClock('review_decision'),
      notify('applicant', 'application_deemed_withdrawn'),
    ],
  }),
  defineRule({
    from: 'received',
    event: 'start_review',
    to: 'under_review',
    roles: DECIDERS,
    citation: 'LAL art.43',
    effects: () => [],
  }),
  // Aid is given on application (LAL art.38–43), so the applicant may withdraw until the decision.
  defineRule({
    from: 'awaiting_transfer',
    event: 'withdraw',
    to: 'withdrawn',
    roles: ['applicant', 'partner_client', 'duty_lawyer', ...APPLICATION_TAKERS],
    citation: 'LAL art.39',
    effects: () => [stopClock('custody_transfer'), notify('applicant', 'application_withdrawn')],
  }),
  defineRule({
    from: 'received',
    event: 'withdraw',
    to: 'withdrawn',
    roles: ['applicant', ...APPLICATION_TAKERS],
    citation: 'LAL art.43',
    effects: () => [stopClock('review_decision'), notify('applicant', 'application_withdrawn')],
  }),
  defineRule({
    from: 'supplement_requested',
    event: 'withdraw',
    to: 'withdrawn',
    roles: ['applicant', ...APPLICATION_TAKERS],
    citation: 'LAL art.43(2)',
    effects: () => [
      stopClock('supplement'),
      stopClock('review_decision'),
      notify('applicant', 'application_withdrawn'),
    ],
  }),
  defineRule({
    from: 'under_review',
    event: 'withdraw',
    to: 'withdrawn',
    roles: ['applicant', ...APPLICATION_TAKERS],
    citation: 'LAL art.43',
    effects: () => [stopClock('review_decision'), notify('applicant', 'application_withdrawn')],
  }),
];
