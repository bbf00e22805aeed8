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

/** The stages of the flow the worklist's state filter groups the states under, in flow order. */
export const STATE_STAGES = [
  'intake',
  'review',
  'decided',
  'objection',
  'assignment',
  'casework',
  'closing',
  'archive',
] as const;
export type StateStage = (typeof STATE_STAGES)[number];

/**
 * Every state's place in the worklist filter. A record over CaseState, so a state the domain adds
 * fails to compile until it is given a stage: no state is left unreachable.
 */
export const STAGE_OF: Record<CaseState, StateStage> = {
  awaiting_transfer: 'intake',
  received: 'intake',
  supplement_requested: 'intake',
  under_review: 'review',
  provisional_aid: 'review',
  granted: 'decided',
  refused: 'decided',
  withdrawn: 'decided',
  objection_to_refusal: 'objection',
  objection_to_termination: 'objection',
  to_assign: 'assignment',
  assigned: 'assignment',
  in_progress: 'casework',
  terminated: 'casework',
  closing_submitted: 'closing',
  closed: 'closing',
  evaluated: 'closing',
  subsidy_paid: 'closing',
  archived: 'archive',
};

/** One-click views of the worklist: a named set of states (待审查结案 is a closing submitted). */
export const STATE_VIEWS = {
  closingToReview: ['closing_submitted'],
  inCasework: ['assigned', 'in_progress'],
  ended: ['terminated', 'withdrawn', 'refused'],
  archived: ['archived'],
} as const satisfies Record<string, readonly CaseState[]>;
export type StateView = keyof typeof STATE_VIEWS;

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
