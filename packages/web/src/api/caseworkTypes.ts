import type { ClosingResult, TerminationGround } from '@fayuan/domain';
import type { CaseEvaluation, SubsidyPayment } from './qualityTypes';
import type { ApplicationAttachment, ApplicationDetail } from './applicationTypes';

// Casework (承办), mirroring packages/server/src/modules/casework/casework.schemas.ts.

export type { ClosingResult, TerminationGround };

/** What the handler did on the case (packages/server/src/db/schema/casework.ts ACTIVITY_KINDS). */
export const ACTIVITY_KINDS = [
  'agreement_signed',
  'recipient_delay',
  'recipient_delay_ended',
  'matter_ended',
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
  /** done: recorded after the fact; scheduled: planned ahead; held / not_held: a planned one settled. */
  status: 'done' | 'scheduled' | 'held' | 'not_held';
  outcome: string | null;
  settledAt: string | null;
  handlerId: string;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}

export interface ActivityInput {
  kind: ActivityKind;
  occurredAt: string;
  place?: string;
  summary: string;
  /** Planned ahead: the time is then in the future. */
  scheduled?: boolean;
}

/** The kinds that can be scheduled ahead (SCHEDULABLE_KINDS on the server). */
export const SCHEDULABLE_KINDS: readonly ActivityKind[] = [
  'meeting',
  'file_reading',
  'investigation',
  'filing',
  'hearing',
  'mediation',
  'other',
];

export interface MajorInput {
  major: boolean;
  reason: string;
}

/** The mark as it stands; a case never marked is not major, with no reason, setter or time. */
export interface MajorFlag {
  major: boolean;
  reason: string | null;
  setBy: { id: string; displayName: string } | null;
  setAt: string | null;
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

/** One closing material (rule list `closing_material`, LAL art.50) with the files on the case that are it. */
export interface ClosingMaterial {
  ruleId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  citation: string;
  required: boolean;
  attachments: ApplicationAttachment[];
}

/** GET /cases/:id/closing-materials: what the case needs now and what is on file. */
export interface ClosingMaterials {
  caseType: string;
  /** Aid ended by termination: fewer materials are required. */
  terminated: boolean;
  ruleVersion: string;
  materials: ClosingMaterial[];
  /** Codes of required materials with no file yet. */
  missing: string[];
}

/** The details of CASEWORK_CLOSING_MATERIALS_MISSING: every required material with no file. */
export interface MissingClosingMaterials {
  ruleVersion: string;
  missing: { code: string; nameZh: string; nameEn: string; citation: string }[];
}

export interface Closing {
  id: string;
  result: ClosingResult;
  amountRecoveredFen: number | null;
  report: string;
  attachmentIds: string[];
  /** The materials checked at submission, each with its files. */
  materials: ClosingMaterial[];
  ruleVersion: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  outcome: 'accepted' | 'returned' | null;
  returnReason: string | null;
}

/** A closing as an archive may hold it: files archived before closing materials existed lack them. */
export type ArchivedClosing = Omit<Closing, 'materials' | 'ruleVersion'> &
  Partial<Pick<Closing, 'materials' | 'ruleVersion'>>;

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

/**
 * The snapshot of an archived file as written at archive time (packages/server/src/modules/casework/
 * archive.ts). Older or newer archives may lack a section or carry more; every field is optional here.
 */
export interface ArchiveSnapshot {
  application?: Partial<ApplicationDetail>;
  majorFlag?: MajorFlag | null;
  activities?: CaseActivity[];
  discussions?: Discussion[];
  terminationReports?: TerminationReport[];
  closings?: ArchivedClosing[];
  /** Since the evaluation and subsidy steps (migration 0014); absent in files archived before. */
  evaluation?: CaseEvaluation | null;
  subsidyPayments?: SubsidyPayment[];
  archivedAt?: string;
  archivedBy?: string;
  [section: string]: unknown;
}

export interface CaseArchive {
  applicationId: string;
  sha256: string;
  /** A fresh SHA-256 of the stored snapshot equals the one written at archive time. */
  intact: boolean;
  archivedAt: string;
  archivedBy: { id: string; displayName: string };
  retentionUntil: string;
  snapshot: ArchiveSnapshot;
}
