import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';
import { citizens } from './citizens.ts';
import { applications } from './applications.ts';
import { consultations } from './consultations.ts';

export const APPOINTMENT_KINDS = ['window', 'video'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** A consultation slot a centre publishes on the portal (网上预约): window or video, with places. */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    /** Places taken (booked and not cancelled); kept under the slot's row lock. */
    booked: integer('booked').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('appointment_slots_org_time_idx').on(t.organisationId, t.startsAt),
    check(
      'appointment_slots_places',
      sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity} AND ${t.capacity} > 0`,
    ),
    check('appointment_slots_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended'] as const;

/** A citizen's booking of a slot; a video booking carries the link built from the centre's template. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
    topic: text('topic').notNull(),
    /** Short code the citizen quotes at the window or in the meeting room. */
    code: text('code').notNull(),
    videoLink: text('video_link'),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    reminderQueuedAt: timestamp('reminder_queued_at', { withTimezone: true }),
    createdAt: createdAt(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('appointments_citizen_idx').on(t.citizenId),
    index('appointments_slot_idx').on(t.slotId),
    uniqueIndex('appointments_code_key').on(t.code),
  ],
);

/** The recipient's rating of a closed case (满意度评价): one per case, 1–5 and words. */
export const caseRatings = pgTable(
  'case_ratings',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    score: integer('score').notNull(),
    comment: text('comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('case_ratings_score', sql`${t.score} BETWEEN 1 AND 5`)],
);
