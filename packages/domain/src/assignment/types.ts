import type { CriminalNoticeGround } from '../lifecycle/events.ts';
import type { ListItemRule } from '../reference/lists-cn-bj.ts';
import type { HandlerKind, HandlerStatus } from '../handlers/index.ts';

/**
 * The inputs of assignment (指派): who can take cases, what a case needs, and the rule rows that
 * decide between them. Plain data, so the server builds them from its rows (handlers, firms,
 * conflict register, cases, `handler_qualification` list items) and nothing here reads a clock.
 */

// Handler kinds and statuses are the registry's (handlers/index.ts): one definition for both.

/** Kinds that are lawyers: criminal defence and LAL art.26 cases need one (CPL art.35). */
export const LAWYER_KINDS: readonly HandlerKind[] = ['social_lawyer', 'public_lawyer', 'centre_lawyer'];

/** Specialised teams [OPN]: labour disputes, marriage and family, death penalty, minors, appeals. */
export const HANDLER_TEAMS = ['labour', 'marriage_family', 'death_penalty', 'minors', 'appeals'] as const;
export type HandlerTeam = (typeof HANDLER_TEAMS)[number];

/** A recorded relation between a handler and a person (relative, employer, former client…). */
export interface RecordedRelation {
  /** The person's id or name, as cases name clients and opposing parties. */
  party: string;
  relation: string;
}

export interface HandlerProfile {
  id: string;
  kind: HandlerKind;
  status: HandlerStatus;
  /** Law firm or organisation (centre, legal service office); null for an independent volunteer. */
  firmId: string | null;
  /** Whole years since the practice start date, computed by the caller for the day of assignment. */
  yearsOfPractice: number;
  yearsOfCriminalPractice: number;
  /** Matter codes (`labour_remuneration`) or case types (`criminal`) the handler specialises in. */
  specialties: readonly string[];
  /** Beyond Mandarin: `sign` (sign language), `ug`, `bo`, `mn`, `en`… */
  languages: readonly string[];
  /** Organisation ids or region codes (`110108`) of the districts the handler serves. */
  districts: readonly string[];
  /** Marked as familiar with minors' physical and mental characteristics (MPL art.104). */
  familiarWithMinors: boolean;
  teams: readonly HandlerTeam[];
  /** Most open cases the handler takes at once. */
  capacity: number;
  openCases: number;
  /** ISO instant of the last assignment, null if never: fair rotation (轮流指派) favours the longest wait. */
  lastAssignedAt: string | null;
  /**
   * The quality thresholds the handler breaches now (承办业绩, quality/handler-quality.ts): they rank
   * the handler lower, with the reason shown, and never make them ineligible. Absent: none.
   */
  qualityConcerns?: readonly { code: string; nameZh: string; nameEn: string }[];
  conflicts: {
    /** Parties (ids or names) the handler acts or acted for. */
    actedFor: readonly string[];
    /** Parties the handler's firm acts or acted for (the firm's conflict register). */
    firmActedFor: readonly string[];
    relations: readonly RecordedRelation[];
  };
}

export const CASE_TYPES = ['criminal', 'civil', 'administrative', 'non_litigation'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface CaseNeeds {
  id: string;
  caseType: CaseType;
  /** Matter code of the catalogue (civil/administrative) or a charge family; null when unknown. */
  matter: string | null;
  /** For a notified criminal case: the LAL art.25/art.28 ground. */
  criminalGround?: CriminalNoticeGround | null;
  /** The defendant may face life imprisonment or death (LAL art.26), whatever the ground. */
  possibleSentence?: 'life_or_death' | null;
  /** Criminal cases are defence unless the client is a victim represented (刑事代理). */
  criminalRole?: 'defence' | 'representation';
  /** The defendant or the client is a minor (MPL art.104). */
  minor: boolean;
  /** An appeal (申诉) case. */
  appeal: boolean;
  /** A team-only matter: only members of this team may take it. */
  teamRequired?: HandlerTeam | null;
  /** Court district (organisation id or region code), null when not yet known. */
  district: string | null;
  /** A language the client needs beyond Mandarin (`sign`, `ug`…), null if none. */
  language?: string | null;
  /** Opposing parties by id or name: co-defendants with conflicting interests, the other side. */
  opposingParties: readonly string[];
  /** Firms known to act for the other side. */
  opposingFirmIds?: readonly string[];
  clientId: string;
  /** The client's name, as conflict registers record people (回避 by relation). */
  clientName?: string;
  /** ISO instant the case entered the queue (decision or notice): the queue order. */
  receivedAt: string;
}

/**
 * A `handler_qualification` rule row as stored (reference/lists-cn-bj.ts): the requirement is in
 * `params` — `minYearsPractice`, `requiresMinorsExpertise`, `requiresTeam`, `requiresLawyer` —
 * and which cases it covers in `params.appliesTo` (a case trait, `matter:<code>` or
 * `caseType:<type>`), or, for the shipped rows, their code (see QUALIFICATION_TRIGGERS).
 */
export type QualificationRule = Pick<ListItemRule, 'id' | 'code' | 'citation' | 'params'>;

export const ASSIGNMENT_REASON_CODES = [
  'HANDLER_ACTIVE',
  'HANDLER_SUSPENDED',
  'HANDLER_NOT_ADMITTED',
  'HANDLER_EXITED',
  'CAPACITY_LEFT',
  'CAPACITY_FULL',
  'LAWYER_REQUIRED',
  'QUALIFICATION_MET',
  'QUALIFICATION_NOT_MET',
  'TEAM_REQUIRED',
  'NO_CONFLICT',
  'CONFLICT_HANDLER_ACTED_FOR_OPPONENT',
  'CONFLICT_FIRM_ACTED_FOR_OPPONENT',
  'CONFLICT_FIRM_ACTS_FOR_OPPONENT',
  'CONFLICT_RECORDED_RELATION',
  // soft: they change the score, never eligibility
  'SPECIALTY_MATCH',
  'NO_SPECIALTY_MATCH',
  'DISTRICT_MATCH',
  'OUTSIDE_DISTRICT',
  'LANGUAGE_MATCH',
  'LANGUAGE_NOT_SPOKEN',
  'QUALITY_CONCERN',
  // plans
  'NO_ELIGIBLE_HANDLER',
  'ELIGIBLE_HANDLERS_TAKEN',
] as const;
export type AssignmentReasonCode = (typeof ASSIGNMENT_REASON_CODES)[number];

export interface AssignmentReason {
  code: AssignmentReasonCode;
  /** True when this reason alone makes the handler ineligible. */
  blocking: boolean;
  citation?: string;
  params?: Record<string, string | number>;
}

/**
 * Weights of the score's parts. Each part is a fraction in [0, 1] (0 = ideal); the score is
 * round(100 × Σ weight × part), an integer, lower is better. With the defaults (summing to 125) it
 * runs from 0 to 12 500.
 */
export interface AssignmentWeights {
  /** Open cases over capacity, counting the cases this plan already gave the handler. */
  load: number;
  /** 1 just after an assignment, falling to 0 over `rotationHorizonDays`. */
  rotation: number;
  /** 1 when neither the matter nor the case type is among the handler's specialties. */
  specialty: number;
  /** 1 when the handler does not serve the court's district (cross-district assignment). */
  district: number;
  /** 1 when the client needs a language the handler does not speak. */
  language: number;
  /** 1 when the handler breaches a quality threshold (承办业绩): ranked lower, the reason shown. */
  quality: number;
}

export const DEFAULT_ASSIGNMENT_WEIGHTS: Readonly<AssignmentWeights> = Object.freeze({
  load: 30,
  rotation: 20,
  specialty: 20,
  district: 15,
  language: 15,
  quality: 25,
});

export interface AssignmentOptions {
  weights?: Partial<AssignmentWeights>;
  /** Days after which a handler's last assignment no longer counts against them; default 30. */
  rotationHorizonDays?: number;
}

export interface ScoreParts {
  load: number;
  rotation: number;
  specialty: number;
  district: number;
  language: number;
  quality: number;
}

export interface CandidateEvaluation {
  handlerId: string;
  eligible: boolean;
  /** Every hard rule's outcome (passed or failed) and the soft notes, in a fixed order. */
  reasons: AssignmentReason[];
  /** A cost: lower is better; null when not eligible. */
  score: number | null;
  scoreParts: ScoreParts;
}
