import type { ClosingResult, TerminationGround } from '@fayuan/domain';

// Casework (承办), mirroring packages/server/src/modules/casework/casework.schemas.ts.

export type { ClosingResult, TerminationGround };

/** What the handler did on the case (packages/server/src/db/schema/casework.ts ACTIVITY_KINDS). */
export const ACTIVITY_KINDS = [
  'agreement_signed',
  'meeting',
  'file_reading',
  'investigation',
  'filing',
  'hearing',
  'mediation',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface CaseActivity {
  id: string;
  kind: ActivityKind;
  occurredAt: string;
  place: string | null;
  summary: string;
  handlerId: string;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}

export interface ActivityInput {
  kind: ActivityKind;
  occurredAt: string;
  place?: string;
  summary: string;
}

export interface MajorInput {
  major: boolean;
  reason: string;
}

export interface MajorFlag extends MajorInput {
  setBy: string;
  setAt: string;
}

export interface Discussion {
  id: string;
  heldAt: string;
  participants: string[];
  conclusions: string;
  recordedBy: { id: string; displayName: string };
  recordedAt: string;
}

export interface DiscussionInput {
  heldAt: string;
  participants: string[];
  conclusions: string;
}

export interface TerminationReport {
  id: string;
  ground: TerminationGround;
  citation: string;
  facts: string;
  reportedAt: string;
  status: 'pending' | 'decided';
}

export interface TerminationReportInput {
  ground: TerminationGround;
  facts: string;
}

export interface TerminationInput {
  ground: TerminationGround;
  reasons: string;
}

export interface Closing {
  id: string;
  result: ClosingResult;
  amountRecoveredFen: number | null;
  report: string;
  attachmentIds: string[];
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  outcome: 'accepted' | 'returned' | null;
  returnReason: string | null;
}

export interface ClosingInput {
  result: ClosingResult;
  amountRecoveredFen?: number;
  report: string;
  attachmentIds?: string[];
}

export interface ClosingReviewInput {
  accept: boolean;
  reason?: string;
}

export interface CaseArchive {
  applicationId: string;
  sha256: string;
  intact: boolean;
  archivedAt: string;
  retentionUntil: string;
  snapshot: Record<string, unknown>;
}
