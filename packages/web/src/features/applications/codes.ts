import type { CaseState, CaseType, HardshipBasis } from '../../api';

/** The server's CASE_TYPES and HARDSHIP_BASES (db/schema/applications.ts), in form order. */
export const CASE_TYPES: readonly CaseType[] = [
  'criminal',
  'civil',
  'administrative',
  'state_compensation',
  'appeal',
  'notarial',
  'non_litigation',
];

export const HARDSHIP_BASES: readonly HardshipBasis[] = [
  'integrity_pledge',
  'certificate',
  'no_condition_ground',
  'presumed_category',
];

/** The states a worklist may filter on: the application and review part of the flow, and the steps after the closing. */
export const REVIEW_STATES: readonly CaseState[] = [
  'received',
  'supplement_requested',
  'under_review',
  'provisional_aid',
  'granted',
  'refused',
  'objection_to_refusal',
  'withdrawn',
  // After the closing: to evaluate, to pay (finance's list), to archive.
  'closed',
  'evaluated',
  'subsidy_paid',
];

/** Tag colour per state: waiting on the centre (blue/orange), decided (green/red), closed (grey). */
export const STATE_COLOURS: Partial<Record<CaseState, string>> = {
  awaiting_transfer: 'purple',
  received: 'blue',
  supplement_requested: 'orange',
  under_review: 'processing',
  granted: 'green',
  provisional_aid: 'cyan',
  refused: 'red',
  objection_to_refusal: 'magenta',
  withdrawn: 'default',
  to_assign: 'geekblue',
};
