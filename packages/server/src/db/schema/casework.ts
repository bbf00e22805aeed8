import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CLOSING_RESULTS, TERMINATION_GROUNDS, type TerminationGround } from '@fayuan/domain';
import { applications } from './applications.ts';
import { handlers } from './handlers.ts';
import { users } from './users.ts';

/** What the handler did on a case (承办记录), in the field's terms. */
export const ACTIVITY_KINDS = [
  'agreement_signed', // 签订委托协议 (MOJ procedure rules 2023 art.27)
  // The recipient delays the signing (受援人原因): the 5-day agreement period pauses from then,
  // with the summary as its reason, until the delay is recorded ended (MOJ procedure rules 2023 art.27).
  'recipient_delay',
  'recipient_delay_ended',
  // The matter ended (judgment, ruling, mediation…): the period to hand in the closing materials
  // runs from it when a rule row gives its length (LAL art.50; length to confirm).
  'matter_ended',
  'meeting', // 会见
  'file_reading', // 阅卷
  'investigation', // 调查取证
  'filing', // 立案
  'hearing', // 开庭
  'mediation', // 调解
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The activities that can be planned ahead (安排): the others record what happened, never what will. */
export const SCHEDULABLE_KINDS = [
  'meeting',
  'file_reading',
  'investigation',
  'filing',
  'hearing',
  'mediation',
  'other',
] as const satisfies readonly ActivityKind[];

/**
 * `done`: recorded after it happened (the default); `scheduled`: planned for `occurredAt`;
 * `held` / `not_held`: a scheduled one settled, with what happened or why not in `outcome`.
 */
export const ACTIVITY_STATUSES = ['done', 'scheduled', 'held', 'not_held'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

const GROUNDS = Object.keys(TERMINATION_GROUNDS) as [TerminationGround, ...TerminationGround[]];

/** The timeline of the assigned handler's work on a case; written by the handler, read by the centre. */
export const caseActivities = pgTable(
  'case_activities',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    place: text('place'),
    summary: text('summary').notNull(),
    status: text('status', { enum: ACTIVITY_STATUSES }).notNull().default('done'),
    /** What happened at a held activity, or why it was not held. */
    outcome: text('outcome'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_activities_application_idx').on(t.applicationId, t.occurredAt),
    index('case_activities_scheduled_idx')
      .on(t.occurredAt)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);

/** The director's flag on a major or difficult case (重大疑难), with the reason; one row per case. */
export const caseMajorFlags = pgTable('case_major_flags', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  major: boolean('major').notNull(),
  reason: text('reason').notNull(),
  setBy: uuid('set_by')
    .notNull()
    .references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
});

/** A collective discussion (集体讨论) of a major or difficult case: who took part and what they concluded. */
export const caseDiscussions = pgTable(
  'case_discussions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    participants: text('participants').array().notNull(),
    conclusions: text('conclusions').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_discussions_application_idx').on(t.applicationId, t.heldAt)],
);

export const TERMINATION_REPORT_STATUSES = ['pending', 'decided'] as const;

/**
 * A handler's report that a ground for termination exists (LAL art.48: the handler reports, the
 * centre decides). The centre's decision closes every pending report on the case.
 */
export const terminationReports = pgTable(
  'termination_reports',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    ground: text('ground', { enum: GROUNDS }).notNull(),
    facts: text('facts').notNull(),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: TERMINATION_REPORT_STATUSES }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('termination_reports_application_idx').on(t.applicationId, t.reportedAt)],
);

export const CLOSING_OUTCOMES = ['accepted', 'returned'] as const;

/**
 * One closing material (rule list `closing_material`) as the closing was checked against it: the
 * row read, whether it was required for this case, and the attachments on file that are it.
 */
export interface ClosingMaterialEntry {
  ruleId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  citation: string;
  required: boolean;
  attachmentIds: string[];
}
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/**
 * Each closing the handler submits (结案, LAL art.50) and the centre's review of it (BJR art.32):
 * accepted, or returned with a reason (the case goes back to work and a new closing follows).
 * At most one waits for review per case.
 */
export const caseClosings = pgTable(
  'case_closings',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    result: text('result', { enum: CLOSING_RESULTS }).notNull(),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'number' }),
    report: text('report').notNull(),
    /** Attachments of the application handed in with the report (copies of the legal documents). */
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The closing materials checked at submission, each with its attachments (LAL art.50). */
    materials: jsonb('materials').$type<ClosingMaterialEntry[]>().notNull().default([]),
    /** Fingerprint of the `closing_material` rows read (null for closings before the list existed). */
    ruleVersion: text('rule_version'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    outcome: text('outcome', { enum: CLOSING_OUTCOMES }),
    returnReason: text('return_reason'),
  },
  (t) => [
    index('case_closings_application_idx').on(t.applicationId, t.submittedAt),
    uniqueIndex('case_closings_pending_idx')
      .on(t.applicationId)
      .where(sql`${t.outcome} IS NULL`),
    check('case_closings_amount_check', sql`${t.amountRecoveredFen} IS NULL OR ${t.amountRecoveredFen} >= 0`),
  ],
);

/**
 * The archived electronic file (电子卷宗): an immutable JSON snapshot of everything on the case,
 * its SHA-256 over the canonical JSON, and the date until which it is kept (the centre's
 * retention setting). A trigger (migration 0012) refuses UPDATE, DELETE and TRUNCATE.
 */
export const caseArchives = pgTable('case_archives', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  sha256: text('sha256').notNull(),
  archivedBy: uuid('archived_by')
    .notNull()
    .references(() => users.id),
  archivedAt: timestamp('archived_at', { withTimezone: true }).notNull(),
  retentionUntil: timestamp('retention_until', { withTimezone: true }).notNull(),
});

export type CaseActivityRow = typeof caseActivities.$inferSelect;
export type CaseDiscussionRow = typeof caseDiscussions.$inferSelect;
export type CaseClosingRow = typeof caseClosings.$inferSelect;
export type TerminationReportRow = typeof terminationReports.$inferSelect;
