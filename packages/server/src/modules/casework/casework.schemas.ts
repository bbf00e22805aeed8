import { z } from 'zod';
import { CLOSING_RESULTS, TERMINATION_GROUNDS, type TerminationGround } from '@fayuan/domain';
import { ACTIVITY_KINDS } from '../../db/schema/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().datetime({ offset: true });
const userRef = z.object({ id: z.string().uuid(), displayName: z.string() });
const GROUNDS = Object.keys(TERMINATION_GROUNDS) as [TerminationGround, ...TerminationGround[]];

export const activityBody = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: instant,
  place: text(200).optional(),
  summary: text(5000),
});
export type ActivityInput = z.infer<typeof activityBody>;

export const activitySchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: z.string(),
  place: z.string().nullable(),
  summary: z.string(),
  handlerId: z.string().uuid(),
  createdBy: userRef,
  createdAt: z.string(),
});
export type ActivityView = z.infer<typeof activitySchema>;

export const majorBody = z.strictObject({ major: z.boolean(), reason: text(1000) });
export const majorSchema = z.object({
  major: z.boolean(),
  reason: z.string(),
  setBy: z.string().uuid(),
  setAt: z.string(),
});

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

export const closingSchema = z.object({
  id: z.string().uuid(),
  result: z.enum(CLOSING_RESULTS),
  amountRecoveredFen: z.number().int().nullable(),
  report: z.string(),
  attachmentIds: z.array(z.string().uuid()),
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
  retentionUntil: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
