import { z } from 'zod';
import { CLOSING_RESULTS, TERMINATION_GROUNDS, type TerminationGround } from '@fayuan/domain';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../db/schema/index.ts';
import { attachmentSchema } from '../applications/applications.schemas.ts';
import { instant } from '../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const userRef = z.object({ id: z.string().uuid(), displayName: z.string() });
const GROUNDS = Object.keys(TERMINATION_GROUNDS) as [TerminationGround, ...TerminationGround[]];

export const activityBody = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: instant,
  place: text(200).optional(),
  summary: text(5000),
  /** Planned ahead (安排): `occurredAt` is then in the future, and the activity is settled later. */
  scheduled: z.boolean().optional(),
});
export type ActivityInput = z.infer<typeof activityBody>;

/** A scheduled activity settled: held (with what happened) or not held (with the reason). */
export const activityOutcomeBody = z.strictObject({ held: z.boolean(), outcome: text(5000) });
export type ActivityOutcomeInput = z.infer<typeof activityOutcomeBody>;
export const activityParams = z.strictObject({ id: z.string().uuid(), activityId: z.string().uuid() });

export const activitySchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: z.string(),
  place: z.string().nullable(),
  summary: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  outcome: z.string().nullable(),
  settledAt: z.string().nullable(),
  handlerId: z.string().uuid(),
  createdBy: userRef,
  createdAt: z.string(),
});
export type ActivityView = z.infer<typeof activitySchema>;

export const majorBody = z.strictObject({ major: z.boolean(), reason: text(1000) });
/** The director's mark (重大疑难) as it stands; never set: not major, with no reason, setter or time. */
export const majorSchema = z.object({
  major: z.boolean(),
  reason: z.string().nullable(),
  setBy: userRef.nullable(),
  setAt: z.string().nullable(),
});
export type MajorView = z.infer<typeof majorSchema>;

export const discussionBody = z.strictObject({
  heldAt: instant,
  participants: z.array(text(100)).min(2).max(50),
  conclusions: text(10000),
});
export type DiscussionInput = z.infer<typeof discussionBody>;

export const discussionSchema = z.object({
  id: z.string().uuid(),
  heldAt: z.string(),
  participants: z.array(z.string()),
  conclusions: z.string(),
  recordedBy: userRef,
  recordedAt: z.string(),
});
export type DiscussionView = z.infer<typeof discussionSchema>;

export const terminationReportBody = z.strictObject({ ground: z.enum(GROUNDS), facts: text(5000) });
export const terminationReportSchema = z.object({
  id: z.string().uuid(),
  ground: z.enum(GROUNDS),
  citation: z.string(),
  facts: z.string(),
  reportedAt: z.string(),
  status: z.enum(['pending', 'decided']),
});

export const terminationBody = z.strictObject({ ground: z.enum(GROUNDS), reasons: text(5000) });

export const closingBody = z.strictObject({
  result: z.enum(CLOSING_RESULTS),
  amountRecoveredFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  report: text(20000),
  attachmentIds: z.array(z.string().uuid()).max(50).optional(),
});
export type ClosingInput = z.infer<typeof closingBody>;

export type AttachmentView = z.infer<typeof attachmentSchema>;

/** One closing material (rule list `closing_material`) with the files on the case that are it. */
export const closingMaterialSchema = z.object({
  ruleId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  required: z.boolean(),
  attachments: z.array(attachmentSchema),
});
export type ClosingMaterialView = z.infer<typeof closingMaterialSchema>;

/** The closing materials the case needs now, and what is on file (GET /cases/:id/closing-materials). */
export const closingMaterialsSchema = z.object({
  caseType: z.string(),
  terminated: z.boolean(),
  ruleVersion: z.string(),
  materials: z.array(closingMaterialSchema),
  /** Codes of the required materials with no file yet. */
  missing: z.array(z.string()),
});

/** A closing attachment arrives as the raw file body; its name and material in the query. */
export const caseAttachmentQuery = z.strictObject({
  name: text(200),
  material: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
});

export const closingSchema = z.object({
  id: z.string().uuid(),
  result: z.enum(CLOSING_RESULTS),
  amountRecoveredFen: z.number().int().nullable(),
  report: z.string(),
  attachmentIds: z.array(z.string().uuid()),
  /** The materials checked at submission, by code, each with its files. */
  materials: z.array(closingMaterialSchema),
  /** Fingerprint of the closing_material rows read (null for closings before the list existed). */
  ruleVersion: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().uuid().nullable(),
  reviewedAt: z.string().nullable(),
  outcome: z.enum(['accepted', 'returned']).nullable(),
  returnReason: z.string().nullable(),
});

export const closingReviewBody = z.strictObject({ accept: z.boolean(), reason: text(2000).optional() });

export const archiveSchema = z.object({
  applicationId: z.string().uuid(),
  sha256: z.string(),
  intact: z.boolean(),
  archivedAt: z.string(),
  archivedBy: userRef,
  retentionUntil: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
