import type { HandlerId, LocalDate } from '../shared/brand.ts';

/**
 * How an application reached the centre (SF/T 0024-2017 channels). `forwarded`: a detention centre
 * or case-handling body passed it on (LAL art.39) and staff record it on arrival; custody systems
 * that record it themselves go through `awaiting_transfer` instead.
 */
export const APPLICATION_CHANNELS = [
  'window',
  'phone',
  'home_visit',
  'online',
  'workstation',
  'forwarded',
] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** Why a police station, procuratorate or court notified the centre (通知辩护/代理). */
export const CRIMINAL_NOTICE_GROUNDS = {
  minor: 'LAL art.25(1)(1)',
  sensory_disability: 'LAL art.25(1)(2)', // blind, deaf or mute
  mental_incapacity: 'LAL art.25(1)(3)', // cannot fully understand or control own conduct
  life_or_death_sentence: 'LAL art.25(1)(4)',
  death_penalty_review: 'LAL art.25(1)(5)',
  trial_in_absentia: 'LAL art.25(1)(6)',
  ordinary_procedure_court: 'LAL art.25(2)', // court's discretion; routine under the full-coverage pilot [OPN]
  compulsory_medical_treatment: 'LAL art.28',
} as const;
export type CriminalNoticeGround = keyof typeof CRIMINAL_NOTICE_GROUNDS;

/** Who notifies the centre: public security organs, procuratorates and courts (LAL art.25, art.28). */
export const NOTIFYING_INSTITUTIONS = ['police', 'procuratorate', 'court'] as const;
export type NotifyingInstitution = (typeof NOTIFYING_INSTITUTIONS)[number];

/** The stage of criminal proceedings the notice is made at (CPL art.35; LAL art.25, art.28). */
export const CRIMINAL_STAGES = [
  'investigation', // 侦查
  'prosecution_review', // 审查起诉
  'trial_first_instance', // 一审
  'trial_second_instance', // 二审
  'death_penalty_review', // 死刑复核
  'compulsory_medical_treatment', // 强制医疗
] as const;
export type CriminalStage = (typeof CRIMINAL_STAGES)[number];

/** When the centre may act before the formalities are complete (LAL art.44). */
export const PROVISIONAL_AID_GROUNDS = {
  limitation_period_expiring: 'LAL art.44(1)', // < 7 days left to sue, arbitrate or seek reconsideration
  urgent_preservation: 'LAL art.44(2)', // property or evidence preservation, advance execution
  other_statutory: 'LAL art.44(3)',
} as const;
export type ProvisionalAidGround = keyof typeof PROVISIONAL_AID_GROUNDS;

/** The grounds on which the centre must terminate aid (LAL art.48; Beijing adds BJR art.30). */
export const TERMINATION_GROUNDS = {
  deception: 'LAL art.48(1)',
  concealment_or_false_evidence: 'LAL art.48(2)',
  illegal_purpose: 'LAL art.48(3)',
  finances_improved: 'LAL art.48(4)',
  case_ended_or_withdrawn: 'LAL art.48(5)',
  own_lawyer_hired: 'LAL art.48(6)',
  recipient_request: 'LAL art.48(7)',
  agreement_breach: 'LAL art.48(8); BJR art.30',
  // Aid given in advance whose formalities are not completed or show no entitlement. LAL art.44(2)
  // puts the duty on the recipient; the consequence is the MOJ procedure rules' (article to verify).
  formalities_not_completed: 'LAL art.44(2); LAL art.48(8)',
} as const;
export type TerminationGround = keyof typeof TERMINATION_GROUNDS;

/** How the handler reports the outcome (national report forms); termination is its own path. */
export const CLOSING_RESULTS = [
  'won',
  'lost',
  'mediated',
  'withdrawn',
  'opinion_fully_adopted',
  'opinion_partly_adopted',
  'opinion_not_adopted',
] as const;
export type ClosingResult = (typeof CLOSING_RESULTS)[number];

/** A ground of a decision with its legal basis; eligibility `Reason`s fit here unchanged. */
export interface DecisionReason {
  code: string;
  citation: string;
  params?: Record<string, string | number>;
}

export type CaseEvent =
  // Entry: a record is created.
  | { type: 'receive_application'; channel: ApplicationChannel }
  | { type: 'record_custody_application' }
  | { type: 'receive_criminal_notice'; ground: CriminalNoticeGround }
  // Application and review.
  | { type: 'receive_transferred_application' }
  | { type: 'request_supplement'; missingItems: readonly string[]; dueDate: LocalDate }
  | { type: 'supplement_received' }
  | { type: 'supplement_overdue' }
  | { type: 'start_review' }
  | { type: 'withdraw' }
  | { type: 'grant'; reasons: readonly DecisionReason[] }
  | { type: 'refuse'; reasons: readonly DecisionReason[] }
  | {
      type: 'grant_provisional_aid';
      ground: ProvisionalAidGround;
      handlerId: HandlerId;
      formalitiesDueDate: LocalDate;
    }
  | { type: 'complete_formalities' }
  // Objection to the justice bureau.
  | { type: 'file_objection' }
  | { type: 'objection_upheld' }
  | { type: 'objection_corrected' }
  // Assignment and casework.
  | { type: 'assign'; handlerId: HandlerId }
  | { type: 'handler_accept' }
  | { type: 'handler_decline'; reason: string }
  | { type: 'change_handler'; reason: string }
  | { type: 'terminate'; ground: TerminationGround }
  | { type: 'submit_closing'; result: ClosingResult }
  | { type: 'accept_closing' }
  | { type: 'return_closing'; reason: string }
  | { type: 'record_evaluation' }
  | { type: 'record_subsidy_paid' }
  | { type: 'archive' };

export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Every event type once; a `Record` so that the compiler flags a type left out. */
const EVENT_TYPES: Record<CaseEventType, true> = {
  receive_application: true,
  record_custody_application: true,
  receive_criminal_notice: true,
  receive_transferred_application: true,
  request_supplement: true,
  supplement_received: true,
  supplement_overdue: true,
  start_review: true,
  withdraw: true,
  grant: true,
  refuse: true,
  grant_provisional_aid: true,
  complete_formalities: true,
  file_objection: true,
  objection_upheld: true,
  objection_corrected: true,
  assign: true,
  handler_accept: true,
  handler_decline: true,
  change_handler: true,
  terminate: true,
  submit_closing: true,
  accept_closing: true,
  return_closing: true,
  record_evaluation: true,
  record_subsidy_paid: true,
  archive: true,
};
export const CASE_EVENT_TYPES = Object.keys(EVENT_TYPES) as CaseEventType[];
