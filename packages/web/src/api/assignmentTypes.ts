import type { AssignmentReasonCode, HighlightCode } from '@fayuan/domain';
import type { CaseState, CaseType } from './applicationTypes';

// Assignment (指派), mirroring packages/server/src/modules/assignment/assignment.routes.ts.

/** Why a handler may or may not take a case; `params` fill the reason's words. */
export interface AssignmentReason {
  code: AssignmentReasonCode;
  /** This reason alone makes the handler ineligible. */
  blocking: boolean;
  citation?: string;
  params?: Record<string, string | number>;
}

/** Each part in [0, 1], 0 ideal; the score weighs them (lower is better). */
export interface ScoreParts {
  load: number;
  rotation: number;
  specialty: number;
  district: number;
  language: number;
  /** 1 when the handler breaches a quality threshold (承办业绩): ranked lower, the reason shown. */
  quality: number;
}

/** What speaks for a handler, in words (负担最轻 · 擅长… · 同区); `params` fill the words. */
export interface AssignmentHighlight {
  code: HighlightCode;
  params?: Record<string, string | number>;
}

export interface AssignmentCandidate {
  handlerId: string;
  handler: { id: string; name: string; kind: string; firmId: string | null; organisationId: string };
  eligible: boolean;
  reasons: AssignmentReason[];
  /** Empty when not eligible. */
  highlights: AssignmentHighlight[];
  /** Lower is better; null when not eligible. */
  score: number | null;
  scoreParts: ScoreParts;
}

export interface AssignmentCandidates {
  /** The one-click choice; null when nobody is eligible. */
  best: AssignmentCandidate | null;
  /** Eligible ones by score, then the ineligible ones. */
  candidates: AssignmentCandidate[];
}

/** No handlerId: the best candidate. Another choice needs a reason. */
export interface AssignInput {
  handlerId?: string;
  reason?: string;
}

export interface AssignmentResponseInput {
  accept: boolean;
  reason?: string;
}

export interface ChangeHandlerInput {
  reason: string;
}

export interface AssignmentPlan {
  assignments: {
    caseId: string;
    handlerId: string;
    cost: number;
    applicationNumber: string;
    applicantName: string;
    handlerName: string;
    highlights: AssignmentHighlight[];
  }[];
  unassigned: {
    caseId: string;
    applicationNumber: string;
    applicantName: string;
    reasons: AssignmentReason[];
  }[];
  totalCost: number;
  stats: {
    cases: number;
    handlers: number;
    eligiblePairs: number;
    edges: number;
    k: number | null;
    exact: boolean;
  };
}

export interface PlanConfirmInput {
  assignments: { applicationId: string; handlerId: string }[];
}

/** One of the signed-in handler's current cases (GET /my-assignments). */
export interface MyAssignment {
  assignmentId: string;
  applicationId: string;
  applicationNumber: string;
  state: CaseState;
  clientName: string;
  matter: string;
  /** How the case came in (criminal_notice: the matter reads 通知辩护 / 通知代理). */
  channel: string;
  caseType: CaseType;
  status: 'pending' | 'accepted';
  assignedAt: string;
  respondBy: string;
}
