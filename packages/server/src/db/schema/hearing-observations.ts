import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { HEARING_OBSERVATION_STATUSES, type ScoredItem } from '@fayuan/domain';
import { applications } from './applications.ts';
import { caseActivities } from './casework.ts';
import { handlers } from './handlers.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * A hearing observation (庭审旁听, LAL art.59; OPN (六); SF/T 0032-2023 11.3): an observer of the
 * centre sits in on a scheduled hearing (a `hearing` case activity) and scores the handler's work
 * on the score sheet in force on the hearing's date (`hearing_observation_item` rows; the scored
 * items with their rule ids and the total are kept as recorded). The findings go to the handler,
 * who replies; the observer or a supervisor closes it. One open observation per hearing.
 */
export const hearingObservations = pgTable(
  'hearing_observations',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => caseActivities.id),
    /** The centre that owns the case (the data scope). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The handler of the hearing, whose work is observed and who replies. */
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    observerId: uuid('observer_id')
      .notNull()
      .references(() => users.id),
    /** The hearing's time when the observation was scheduled. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: HEARING_OBSERVATION_STATUSES }).notNull().default('scheduled'),
    scheduledBy: uuid('scheduled_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    scores: jsonb('scores').$type<ScoredItem[]>(),
    ruleIds: text('rule_ids').array(),
    totalScore: integer('total_score'),
    findings: text('findings'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    observedAt: timestamp('observed_at', { withTimezone: true }),
    replyText: text('reply_text'),
    repliedBy: uuid('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** The closing note, or why it was cancelled. */
    closeNote: text('close_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('hearing_observations_open_idx')
      .on(t.activityId)
      .where(sql`${t.status} IN ('scheduled', 'observed', 'replied')`),
    index('hearing_observations_org_idx').on(t.organisationId, t.status, t.scheduledAt),
    index('hearing_observations_handler_idx').on(t.handlerId, t.status),
    check(
      'hearing_observations_total_check',
      sql`${t.totalScore} IS NULL OR ${t.totalScore} BETWEEN 0 AND 100`,
    ),
  ],
);
export type HearingObservationRow = typeof hearingObservations.$inferSelect;
