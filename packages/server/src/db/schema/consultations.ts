import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, sealedColumns, searchColumns, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { persons } from './people.ts';
import { users } from './users.ts';

/** How a consultation reached the centre (the national report form counts by these). */
export const CONSULTATION_CHANNELS = [
  'window_visit',
  'hotline_12348',
  'online',
  'letter',
  'video',
  'workstation',
  'circuit_service', // 巡回
] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export const CONSULTATION_OUTCOMES = ['answered', 'referred', 'converted', 'pending'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/**
 * Consultations (咨询): one contact with a member of the public, anonymous or linked to a person.
 * The first staff member to take it owns it (首问负责, `ownerUserId`) until a recorded hand-over
 * (`consultation_handovers`). A caller's phone is sealed beside a keyed hash for exact lookup.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey(),
    /**
     * The registration number a person reads (京海法援咨〔2026〕第00001号), from the centre's
     * sequence of kind `consultation`; null for consultations recorded before numbering.
     */
    number: text('number'),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    channel: text('channel', { enum: CONSULTATION_CHANNELS }).notNull(),
    personId: uuid('person_id').references(() => persons.id),
    callerName: text('caller_name'),
    ...sealedColumns('callerPhone'),
    /** A matter code of the rule table `matter`, or `other`. */
    topicMatter: text('topic_matter').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    durationSeconds: integer('duration_seconds'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => users.id),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    outcome: text('outcome', { enum: CONSULTATION_OUTCOMES }).notNull(),
    referredTo: text('referred_to'),
    /** The application it became; a plain reference until the applications area exists. */
    applicationId: text('application_id'),
    followUpOn: date('follow_up_on'),
    /** Words of the question and answer (search by segment tokens and trigrams). */
    ...searchColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultations_owner_org_started_idx').on(t.ownerOrgId, t.startedAt),
    uniqueIndex('consultations_number_idx').on(t.number),
    index('consultations_owner_user_idx').on(t.ownerUserId),
    index('consultations_caller_phone_hash_idx').on(t.callerPhoneHash),
    index('consultations_person_idx').on(t.personId),
    index('consultations_caller_name_prefix_idx').on(sql`${t.callerName} text_pattern_ops`),
    index('consultations_tokens_idx').using('gin', t.searchTokens),
    index('consultations_question_trgm_idx').using('gin', t.question.op('gin_trgm_ops')),
    index('consultations_answer_trgm_idx').using('gin', t.answer.op('gin_trgm_ops')),
    check('consultations_referral_check', sql`${t.outcome} <> 'referred' OR ${t.referredTo} IS NOT NULL`),
    check('consultations_duration_check', sql`${t.durationSeconds} IS NULL OR ${t.durationSeconds} >= 0`),
  ],
);

/** Each change of a consultation's first-inquiry owner: who handed it to whom, why and when. */
export const consultationHandovers = pgTable(
  'consultation_handovers',
  {
    id: uuid('id').primaryKey(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    /** Who performed it: the owner, or a director reassigning. */
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consultation_handovers_consultation_idx').on(t.consultationId, t.at)],
);
