import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { partners } from './partners.ts';

export const PARTNER_EVENT_KINDS = [
  'handler_assigned',
  'handler_changed',
  'case_closed',
  'case_terminated',
  'opinion_requested', // the centre asks the organ for its opinion of the case's legal aid (征询意见)
] as const;
export type PartnerEventKind = (typeof PARTNER_EVENT_KINDS)[number];

/**
 * What the organ that sent a case is told (issue 13): a handler assigned or changed, the case closed
 * or terminated; and, for any court, procuratorate or police that is a partner, a request for its
 * opinion of a case's legal aid (issue 15, modules/quality/opinions). Written in the transaction of
 * the change (applications/run-event.ts); `seq` is the cursor of the pull endpoint `GET /api/partner/v1/events?after=`. The payload holds no identity or
 * phone number (the lawyer's phone is read through the signed status query).
 */
export const partnerEvents = pgTable(
  'partner_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: PARTNER_EVENT_KINDS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('partner_events_partner_seq_idx').on(t.partnerId, t.seq)],
);

/**
 * One callback of an event to the partner's URL (at least once): pending until a 2xx answer,
 * retried with back-off, `failed` after the horizon (a person can send it again).
 */
export const partnerDeliveries = pgTable(
  'partner_deliveries',
  {
    id: uuid('id').primaryKey(),
    eventSeq: bigint('event_seq', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => partnerEvents.seq),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastHttpStatus: integer('last_http_status'),
    /** A short reason (connection refused, timeout, HTTP 503); never a body or personal data. */
    lastError: text('last_error'),
    latencyMs: integer('latency_ms'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('partner_deliveries_partner_idx').on(t.partnerId, t.createdAt),
    index('partner_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
