import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  OPINION_ORGAN_KINDS,
  ORGAN_OPINION_ANSWER_VIA,
  ORGAN_OPINION_CHANNELS,
  ORGAN_OPINION_STATUSES,
} from '@fayuan/domain';
import { applications } from './applications.ts';
import { handlers } from './handlers.ts';
import { organisations } from './organisations.ts';
import { partners } from './partners.ts';
import { users } from './users.ts';
import { createdAt, updatedAt } from './columns.ts';

/** An organ's answer: a rating 1–5 per `organ_opinion_item` code, its words, and who signed it. */
export interface OrganOpinionAnswer {
  ratings: Record<string, number>;
  comment: string | null;
  /** The person at the organ who answered (a name or post as they gave it). */
  respondent: string | null;
}

/**
 * A request for a case-handling organ's opinion of a case's legal aid (征询办案机关意见, LAL art.59;
 * OPN (六); SF/T 0032-2023 11.5), addressed to the court, procuratorate or police of the case.
 * When the organ is a partner (`partnerId`) it goes through the partner API (a partner event
 * `opinion_requested`) and the organ answers there; otherwise it is printed as a letter and staff
 * record the paper answer. `questionRuleIds` are the `organ_opinion_item` rows it asked.
 */
export const organOpinionRequests = pgTable(
  'organ_opinion_requests',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** The centre that owns the case: the data scope of the request. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The handler who carried the case when the request was made: the answer counts on their record. */
    handlerId: uuid('handler_id').references(() => handlers.id),
    organKind: text('organ_kind', { enum: OPINION_ORGAN_KINDS }).notNull(),
    organName: text('organ_name').notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    channel: text('channel', { enum: ORGAN_OPINION_CHANNELS }).notNull(),
    questionRuleIds: text('question_rule_ids').array().notNull(),
    /** The reply date asked for. */
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ORGAN_OPINION_STATUSES }).notNull().default('drafted'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id),
    answer: jsonb('answer').$type<OrganOpinionAnswer>(),
    answerVia: text('answer_via', { enum: ORGAN_OPINION_ANSWER_VIA }),
    /** Who recorded the answer: the staff member typing a paper reply, or the partner's service account. */
    answerRecordedBy: uuid('answer_recorded_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Any item rated 1 or 2 (poorOpinionItems): the codes, the overall one first. */
    poorItems: text('poor_items').array(),
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organ_opinion_requests_org_idx').on(t.organisationId, t.status, t.createdAt),
    index('organ_opinion_requests_application_idx').on(t.applicationId),
    index('organ_opinion_requests_handler_idx')
      .on(t.handlerId)
      .where(sql`${t.answeredAt} IS NOT NULL`),
    index('organ_opinion_requests_partner_idx')
      .on(t.partnerId)
      .where(sql`${t.partnerId} IS NOT NULL`),
  ],
);
export type OrganOpinionRequestRow = typeof organOpinionRequests.$inferSelect;
