import { z } from 'zod';
import { CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES } from '../../db/schema/index.ts';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';
import { instant, localDate } from '../../platform/http/date-schemas.ts';

// Format is checked by the use case (normalisePhone) so the client gets PHONE_INVALID.
const phone = z.string().trim().min(1).max(40);
const topic = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const durationSeconds = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600);

/** `other` is always accepted; any other topic must be a matter code in force for Beijing. */
export const OTHER_TOPIC = 'other';

export const createConsultationBody = z.strictObject({
  channel: z.enum(CONSULTATION_CHANNELS),
  /** Absent for an anonymous caller; otherwise a person in the caller's scope. */
  personId: z.string().uuid().optional(),
  callerName: text(100).optional(),
  callerPhone: phone.optional(),
  topicMatter: topic,
  question: text(10_000),
  answer: text(20_000).optional(),
  durationSeconds: durationSeconds.optional(),
  /** Defaults to now. */
  startedAt: instant.optional(),
  outcome: z.enum(CONSULTATION_OUTCOMES).default('answered'),
  referredTo: text(200).optional(),
  applicationId: text(100).optional(),
  followUpOn: localDate.optional(),
});
export type CreateConsultationInput = z.infer<typeof createConsultationBody>;

export const updateConsultationBody = z
  .strictObject({
    answer: text(20_000).nullable(),
    outcome: z.enum(CONSULTATION_OUTCOMES),
    referredTo: text(200).nullable(),
    applicationId: text(100).nullable(),
    followUpOn: localDate.nullable(),
    durationSeconds: durationSeconds.nullable(),
  })
  .partial();
export type UpdateConsultationInput = z.infer<typeof updateConsultationBody>;

export const handoverBody = z.strictObject({
  toUserId: z.string().uuid(),
  reason: text(500),
});
export type HandoverInput = z.infer<typeof handoverBody>;

const userRef = z.object({ id: z.string().uuid(), displayName: z.string() });

export const handoverSchema = z.object({
  from: userRef,
  to: userRef,
  by: userRef,
  reason: z.string(),
  at: z.string(),
});

export const consultationSchema = z.object({
  id: z.string().uuid(),
  /** 京海法援咨〔2026〕第00001号; null for a consultation recorded before numbering. */
  number: z.string().nullable(),
  ownerOrgId: z.string().uuid(),
  channel: z.enum(CONSULTATION_CHANNELS),
  person: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  callerName: z.string().nullable(),
  callerPhoneMasked: z.string().nullable(),
  topicMatter: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  startedAt: z.string(),
  staff: userRef,
  owner: userRef,
  outcome: z.enum(CONSULTATION_OUTCOMES),
  referredTo: z.string().nullable(),
  applicationId: z.string().nullable(),
  /** The number of the application it became, shown instead of its id. */
  applicationNumber: z.string().nullable(),
  followUpOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationView = z.infer<typeof consultationSchema>;

export const consultationDetailSchema = consultationSchema.extend({
  handovers: z.array(handoverSchema),
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const consultationListQuery = listQuery(['startedAt', 'createdAt'], {
  q: z.string().trim().min(1).max(100).optional(),
  channel: z.enum(CONSULTATION_CHANNELS).optional(),
  outcome: z.enum(CONSULTATION_OUTCOMES).optional(),
  topicMatter: topic.optional(),
  ownerUserId: z.string().uuid().optional(),
  /** Only the consultations the signed-in user owns. */
  mine: flag.optional(),
  personId: z.string().uuid().optional(),
  /** Exact lookup by the caller's phone (through its keyed hash). */
  callerPhone: phone.optional(),
  /** Beijing calendar dates, both inclusive, on startedAt. */
  from: localDate.optional(),
  to: localDate.optional(),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuery>;
export const consultationPage = pageOf(consultationSchema);

export const colleagueSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  organisationName: z.string(),
});
export const colleaguesSchema = z.object({ items: z.array(colleagueSchema) });

export const statsQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });
export type StatsQuery = z.infer<typeof statsQuery>;

export const statsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.number().int(),
  byChannel: z.record(z.enum(CONSULTATION_CHANNELS), z.number().int()),
  byOutcome: z.record(z.enum(CONSULTATION_OUTCOMES), z.number().int()),
});
