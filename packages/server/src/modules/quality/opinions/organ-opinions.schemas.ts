import { z } from 'zod';
import {
  OPINION_ORGAN_KINDS,
  OPINION_RATING_MAX,
  OPINION_RATING_MIN,
  ORGAN_OPINION_ANSWER_VIA,
  ORGAN_OPINION_CHANNELS,
  ORGAN_OPINION_STATUSES,
} from '@fayuan/domain';
import { localDate } from '../../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1).optional();

export const idParams = z.strictObject({ id: z.string().uuid() });

export const createBody = z.strictObject({
  applicationId: z.string().uuid(),
  organKind: z.enum(OPINION_ORGAN_KINDS),
  organName: text(200),
  /** The organ as a partner institution: the request then goes through the partner API. */
  partnerId: z.string().uuid().nullable().optional(),
  /** The reply date asked for; default 15 days on. */
  dueOn: localDate.optional(),
});

/** The answer, as a partner sends it and as staff type a paper reply. */
export const answerBody = z.strictObject({
  /** A rating per item code of the request (`questions[].code` of the event), 1–5 each. */
  ratings: z.record(z.string().max(64), z.number().int().min(OPINION_RATING_MIN).max(OPINION_RATING_MAX)),
  comment: text(2000).optional(),
  /** Who at the organ answered (a name or post). */
  respondent: text(100).optional(),
});
export const staffAnswerBody = answerBody.extend({ version });
export const sendBody = z.strictObject({ version });
export const cancelBody = z.strictObject({ version, reason: text(500) });

export const listQuery = z.strictObject({ status: z.enum(ORGAN_OPINION_STATUSES).optional() });
export const caseQuery = z.strictObject({ number: text(100) });

export const stepResult = z.object({
  status: z.enum(ORGAN_OPINION_STATUSES),
  version: z.number().int(),
});

export const requestItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  handlerName: z.string().nullable(),
  organKind: z.enum(OPINION_ORGAN_KINDS),
  organName: z.string(),
  channel: z.enum(ORGAN_OPINION_CHANNELS),
  status: z.enum(ORGAN_OPINION_STATUSES),
  dueOn: z.string(),
  /** Items the organ rated 1 or 2, the overall one first. */
  poorItems: z.array(z.string()),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});

export const requestDetail = requestItem.omit({ poorItems: true }).extend({
  partner: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      overall: z.boolean(),
      citation: z.string(),
    }),
  ),
  answer: z
    .object({
      ratings: z.record(z.string(), z.number().int()),
      comment: z.string().nullable(),
      respondent: z.string().nullable(),
    })
    .nullable(),
  answerVia: z.enum(ORGAN_OPINION_ANSWER_VIA).nullable(),
  poorItems: z.array(z.string()),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
});

const organPartner = z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() });
export const caseLookup = z.object({
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  centreName: z.string(),
  handlerName: z.string().nullable(),
  suggested: z
    .object({
      organKind: z.enum(OPINION_ORGAN_KINDS),
      organName: z.string(),
      partnerId: z.string().uuid().nullable(),
    })
    .nullable(),
  partners: z.array(organPartner),
  /** The items in force a request made now would ask. */
  items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
