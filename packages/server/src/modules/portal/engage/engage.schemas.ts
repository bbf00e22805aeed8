import { z } from 'zod';
import { APPOINTMENT_KINDS, COMPLAINT_SUBJECTS } from '../../../db/schema/index.ts';
import { instant, localDate } from '../../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const topic = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a matter code or other');

export const slotQuery = z.strictObject({
  organisationCode: z.string().regex(/^\d{6}$/),
  from: localDate.optional(),
  to: localDate.optional(),
});
export const freeSlotList = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.enum(APPOINTMENT_KINDS),
      startsAt: z.string(),
      endsAt: z.string(),
      free: z.number().int(),
      centre: z.string(),
    }),
  ),
});
export const bookBody = z.strictObject({ slotId: z.string().uuid(), topic });
export const appointmentList = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      centre: z.string(),
      kind: z.enum(APPOINTMENT_KINDS),
      topic: z.string(),
      code: z.string(),
      status: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      videoLink: z.string().nullable(),
    }),
  ),
});
export const complaintBody = z.strictObject({
  about: z.enum(COMPLAINT_SUBJECTS),
  applicationId: z.string().uuid().optional(),
  organisationCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  text: text(5000),
  wantsReply: z.boolean().default(true),
});
export const complaintList = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      number: z.string().nullable(),
      centre: z.string(),
      about: z.string(),
      text: z.string(),
      status: z.string(),
      receivedAt: z.string(),
      /** When the step that runs now is due (acceptance, handling or answer). */
      dueAt: z.string().nullable(),
      replyText: z.string().nullable(),
      repliedAt: z.string().nullable(),
      canAppeal: z.boolean(),
    }),
  ),
});
export const appealComplaintBody = z.strictObject({ text: text(5000) });
export const ratingBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: text(2000).optional(),
});
export const rating = z.object({
  rating: z
    .object({ score: z.number().int(), comment: z.string().nullable(), ratedAt: z.string() })
    .nullable(),
});
export const idParams = z.strictObject({ id: z.string().uuid() });

export const slotBody = z.strictObject({
  kind: z.enum(APPOINTMENT_KINDS),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1).max(100),
});
export const slotRangeQuery = z.strictObject({ from: localDate, to: localDate });
export const bookingsQuery = z.strictObject({ date: localDate });
export const recordBookingBody = z.strictObject({ question: text(10_000), answer: text(20_000).optional() });
export const videoTemplateBody = z.strictObject({
  videoLinkTemplate: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/\S+$/, 'an https address')
    .nullable(),
});
