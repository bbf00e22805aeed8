import { z } from 'zod';
import { CASE_STATES, CHECKLIST_STAGES, STRATIFY_BY } from '@fayuan/domain';
import { CASE_TYPES, INSPECTION_STATUSES, RECTIFICATION_STATUSES } from '../../../db/schema/index.ts';
import { localDate } from '../../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1).optional();
const count = z.number().int().min(0).max(100_000);

export const idParams = z.strictObject({ id: z.string().uuid() });

/** A plan: the share per stratum in per-mille (50 = 5 %), the minimum per stratum, an optional cap. */
export const samplingPlanBody = z.strictObject({
  organisationId: z.string().uuid().optional(),
  name: text(100),
  closedFrom: localDate,
  closedTo: localDate,
  perMille: z.number().int().min(0).max(1000),
  minimumPerStratum: count,
  maximumTotal: count.optional(),
  stratifyBy: z.enum(STRATIFY_BY),
});

/** A seed given by the caller (to redraw in public, say); none: the server makes one. */
export const drawBody = z.strictObject({
  seed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

const planSummary = z.object({
  id: z.string().uuid(),
  organisation: z.object({ id: z.string().uuid(), name: z.string() }),
  name: z.string(),
  closedFrom: z.string(),
  closedTo: z.string(),
  perMille: z.number().int(),
  minimumPerStratum: z.number().int(),
  maximumTotal: z.number().int().nullable(),
  stratifyBy: z.enum(STRATIFY_BY),
  createdAt: z.string(),
  drawn: z.boolean(),
  drawnAt: z.string().nullable(),
  seed: z.string().nullable(),
  samplingMethod: z.string().nullable(),
  population: z.number().int().nullable(),
  drawnCount: z.number().int(),
});
export const samplingPlanListResponse = z.object({ items: z.array(planSummary) });
export const samplingPlanDetailResponse = planSummary.extend({
  strata: z.array(
    z.object({
      key: z.string().nullable(),
      /** The handler's or firm's name; null for a case-type stratum or cases outside any firm. */
      name: z.string().nullable(),
      population: z.number().int(),
      due: z.number().int(),
      drawn: z.number().int(),
    }),
  ),
  populationIds: z.array(z.string()),
  cases: z.array(
    z.object({
      position: z.number().int(),
      applicationId: z.string().uuid(),
      applicationNumber: z.string(),
      caseType: z.enum(CASE_TYPES),
      handlerName: z.string(),
      inspectionId: z.string().uuid().nullable(),
      inspectionStatus: z.enum(INSPECTION_STATUSES).nullable(),
      totalScore: z.number().int().nullable(),
    }),
  ),
});

export const inspectionQueueQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  done: z.enum(['true', 'false']).optional(),
});
export const inspectionQueueResponse = z.object({
  items: z.array(
    z.object({
      applicationId: z.string().uuid(),
      applicationNumber: z.string(),
      caseType: z.enum(CASE_TYPES),
      handlerName: z.string(),
      plan: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
      inspectionId: z.string().uuid().nullable(),
      status: z.enum(['awaiting', 'in_progress', 'completed']),
      inspectorName: z.string().nullable(),
      totalScore: z.number().int().nullable(),
      sampledAt: z.string().nullable(),
    }),
  ),
});

export const startInspectionBody = z.strictObject({ applicationId: z.string().uuid() });

/** A reviewer's word on an item: met or not (judgement items), or not applicable with the reason. */
const judgement = z.union([
  z.strictObject({ met: z.boolean(), note: text(1000).optional() }),
  z.strictObject({ notApplicable: z.literal(true), note: text(1000) }),
]);
const judgements = z.record(z.string().max(100), judgement);
export const judgementsBody = z.strictObject({ version, judgements, findings: text(5000).optional() });
export const completeBody = z.strictObject({ version, judgements, findings: text(5000) });

export const rectificationBody = z.strictObject({
  items: z.array(text(1000)).min(1).max(20),
  dueOn: localDate,
});
export const rectificationReplyBody = z.strictObject({ version, text: text(5000) });
export const rectificationSettleBody = z.strictObject({ accept: z.boolean(), note: text(2000).optional() });

const checklistItem = z.object({
  code: z.string(),
  ruleId: z.string(),
  stage: z.enum(CHECKLIST_STAGES),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  weight: z.number().int(),
  status: z.enum([
    'evidenced',
    'missing',
    'late',
    'judged_met',
    'judged_unmet',
    'awaiting_judgement',
    'not_applicable',
  ]),
  evidence: z.string().optional(),
  missing: z.array(z.string()).optional(),
  dueAt: z.string().optional(),
  periodCitation: z.string().optional(),
  timing: z.enum(['on_time', 'late', 'unchecked']).optional(),
  note: z.string().optional(),
  earned: z.number().int(),
  /** A judgement item: the reviewer says whether it was met (no record shows it). */
  byJudgement: z.boolean(),
});

export const rectificationView = z.object({
  id: z.string().uuid(),
  inspectionId: z.string().uuid(),
  applicationId: z.string().uuid(),
  items: z.array(z.string()),
  dueOn: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  overdue: z.boolean(),
  requestedAt: z.string(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  returnedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export const myRectificationsResponse = z.object({
  items: z.array(rectificationView.extend({ applicationNumber: z.string() })),
});

const checklistScore = z.object({
  recordScore: z.number().int().nullable(),
  judgementScore: z.number().int().nullable(),
  totalScore: z.number().int().nullable(),
  awaitingJudgement: z.number().int(),
});

/** A case's live checklist (GET /cases/{id}/service-standard). */
export const caseChecklistResponse = z.object({
  /** The day whose rule rows the checklist is drawn from: the assignment's (today before one). */
  checklistDate: z.string(),
  assigned: z.boolean(),
  items: z.array(checklistItem),
  score: checklistScore,
  /** The case's latest file inspection, whose judgements the judgement items show. */
  inspection: z
    .object({
      id: z.string().uuid(),
      status: z.enum(INSPECTION_STATUSES),
      completedAt: z.string().nullable(),
    })
    .nullable(),
});

export const inspectionDetailResponse = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  status: z.enum(INSPECTION_STATUSES),
  application: z.object({
    id: z.string().uuid(),
    number: z.string(),
    caseType: z.enum(CASE_TYPES),
    state: z.enum(CASE_STATES),
  }),
  handler: z.object({ id: z.string().uuid(), name: z.string() }),
  inspectorName: z.string(),
  planId: z.string().uuid().nullable(),
  checklistDate: z.string(),
  items: z.array(checklistItem),
  score: checklistScore,
  ruleIds: z.array(z.string()),
  judgements: z.record(z.string(), judgement),
  findings: z.string().nullable(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  rectifications: z.array(rectificationView),
});
