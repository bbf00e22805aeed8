import { z } from 'zod';
import { COMPLAINANT_RELATIONS, COMPLAINT_REVIEW_RESULTS, COMPLAINT_STATUSES } from '@fayuan/domain';
import { CLOCK_STATUSES, COMPLAINT_REPLY_METHODS, COMPLAINT_SUBJECTS } from '../../../db/schema/index.ts';
import { localDate } from '../../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1).optional();

export const complaintIdParams = z.strictObject({ id: z.string().uuid() });

export const complaintListQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
});

/** A complaint taken by phone (12348), by letter or at the window: who complains, and about what. */
export const recordComplaintBody = z.strictObject({
  channel: z.enum(['hotline', 'letter', 'window']),
  organisationId: z.string().uuid().optional(),
  applicationNumber: z.string().trim().max(64).optional(),
  about: z.enum(COMPLAINT_SUBJECTS),
  handlerId: z.string().uuid().optional(),
  complainant: z.strictObject({
    name: text(100),
    phone: z.string().trim().max(32).optional(),
    relation: z.enum(COMPLAINANT_RELATIONS),
  }),
  text: text(5000),
  wantsReply: z.boolean().default(true),
});

export const acceptBody = z.strictObject({ version });
export const declineBody = z.strictObject({
  version,
  reason: z.string().max(64),
  note: text(2000).optional(),
});
export const decideBody = z.strictObject({
  version,
  outcome: z.string().max(64),
  findings: text(5000),
  handlerId: z.string().uuid().nullable().optional(),
});
export const replyBody = z.strictObject({
  version,
  text: text(5000),
  method: z.enum(COMPLAINT_REPLY_METHODS),
});
export const appealBody = z.strictObject({ version, text: text(5000) });
export const reviewBody = z.strictObject({
  version,
  result: z.enum(COMPLAINT_REVIEW_RESULTS),
  note: text(5000),
});
export const extendBody = z.strictObject({ to: localDate, reason: text(1000) });

const clock = z.object({
  id: z.string().uuid(),
  period: z.enum(['complaint_acceptance', 'complaint_handling', 'complaint_reply']),
  status: z.enum(CLOCK_STATUSES),
  startedAt: z.string(),
  dueAt: z.string(),
  stoppedAt: z.string().nullable(),
  citation: z.string(),
  ruleId: z.string().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
});
const ruleRef = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    citation: z.string(),
    ruleId: z.string(),
  })
  .nullable();

export const complaintListItem = z.object({
  id: z.string().uuid(),
  number: z.string().nullable(),
  channel: z.enum(['portal', 'hotline', 'letter', 'window']),
  centre: z.string(),
  applicationNumber: z.string().nullable(),
  about: z.enum(COMPLAINT_SUBJECTS),
  handlerName: z.string().nullable(),
  text: z.string(),
  wantsReply: z.enum(['sms', 'none']),
  status: z.enum(COMPLAINT_STATUSES),
  upheld: z.boolean().nullable(),
  receivedAt: z.string(),
  clock: clock.nullable(),
});
export const complaintListResponse = z.object({ items: z.array(complaintListItem) });

export const complaintDetailResponse = z.object({
  id: z.string().uuid(),
  number: z.string().nullable(),
  version: z.number().int(),
  channel: z.enum(['portal', 'hotline', 'letter', 'window']),
  centre: z.object({ id: z.string().uuid(), name: z.string() }),
  application: z.object({ id: z.string().uuid(), number: z.string().nullable() }).nullable(),
  about: z.enum(COMPLAINT_SUBJECTS),
  handler: z.object({ id: z.string().uuid(), name: z.string().nullable() }).nullable(),
  complainant: z.object({
    name: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    relation: z.enum(COMPLAINANT_RELATIONS).nullable(),
    viaPortal: z.boolean(),
  }),
  text: z.string(),
  wantsReply: z.enum(['sms', 'none']),
  status: z.enum(COMPLAINT_STATUSES),
  closed: z.boolean(),
  actions: z.array(z.enum(['accept', 'decline', 'decide', 'reply', 'appeal', 'review'])),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  declineReason: ruleRef,
  outcome: ruleRef,
  upheld: z.boolean().nullable(),
  findings: z.string().nullable(),
  decidedAt: z.string().nullable(),
  replyText: z.string().nullable(),
  replyMethod: z.enum(COMPLAINT_REPLY_METHODS).nullable(),
  repliedAt: z.string().nullable(),
  appealText: z.string().nullable(),
  appealedAt: z.string().nullable(),
  reviewResult: z.enum(COMPLAINT_REVIEW_RESULTS).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  clocks: z.array(clock),
});

const referenceItem = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  upheld: z.boolean(),
});
export const complaintReferenceResponse = z.object({
  declineReasons: z.array(referenceItem),
  outcomes: z.array(referenceItem),
});
