import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  STRATIFY_BY,
  type ChecklistItemResult,
  type ChecklistJudgement,
  type SamplingCase,
  type StratumDraw,
} from '@fayuan/domain';
import { applications } from './applications.ts';
import { handlers } from './handlers.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * A plan of random sampling (抽查, LAL art.59; OPN (六)) of a centre's cases closed in a period:
 * the share per stratum in per-mille, the minimum per stratum and the cap, all the centre's choice
 * (no law fixes them). A plan is drawn once (quality/sampling.ts): the seed, the method, the
 * population as it stood and each stratum's count are kept so anyone can redraw it.
 */
export const samplingPlans = pgTable(
  'sampling_plans',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The closings that count: accepted on a Beijing date from `closedFrom` to `closedTo`. */
    closedFrom: date('closed_from').notNull(),
    closedTo: date('closed_to').notNull(),
    perMille: integer('per_mille').notNull(),
    minimumPerStratum: integer('minimum_per_stratum').notNull(),
    maximumTotal: integer('maximum_total'),
    stratifyBy: text('stratify_by', { enum: STRATIFY_BY }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The draw: null until it is made, then never changed. */
    seed: text('seed'),
    samplingMethod: text('sampling_method'),
    population: jsonb('population').$type<SamplingCase[]>(),
    strata: jsonb('strata').$type<StratumDraw[]>(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
  },
  (t) => [
    index('sampling_plans_org_idx').on(t.organisationId, t.createdAt),
    check('sampling_plans_period_check', sql`${t.closedTo} >= ${t.closedFrom}`),
    check('sampling_plans_per_mille_check', sql`${t.perMille} BETWEEN 0 AND 1000`),
    check(
      'sampling_plans_counts_check',
      sql`${t.minimumPerStratum} >= 0 AND (${t.maximumTotal} IS NULL OR ${t.maximumTotal} >= 0)`,
    ),
    check(
      'sampling_plans_draw_check',
      sql`(${t.drawnAt} IS NULL) = (${t.seed} IS NULL) AND (${t.seed} IS NULL) = (${t.population} IS NULL)`,
    ),
  ],
);
export type SamplingPlanRow = typeof samplingPlans.$inferSelect;

/**
 * The drawn list of a plan, frozen: one row per sampled case in draw order (`position` from 1).
 * Migration 0040 refuses UPDATE and DELETE on it. The sampled cases wait for a file inspection.
 */
export const sampledCases = pgTable(
  'sampled_cases',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    position: integer('position').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The handler whose closing was accepted (the handler the case was sampled under). */
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.position] }),
    uniqueIndex('sampled_cases_plan_application_idx').on(t.planId, t.applicationId),
    index('sampled_cases_org_idx').on(t.organisationId),
  ],
);
export type SampledCaseRow = typeof sampledCases.$inferSelect;

export const INSPECTION_STATUSES = ['open', 'completed'] as const;

/**
 * A file inspection (卷宗检查, LAL art.59): a closed case checked against the service-standard
 * checklist for its case type on its assignment date (quality/service-standard.ts). The reviewer's
 * judgements are kept as given; on completion the evaluated items (status and evidence of each),
 * the rule ids used and the scores are frozen with the findings.
 */
export const fileInspections = pgTable(
  'file_inspections',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The plan that sampled it; null for a case inspected outside a sample. */
    planId: uuid('plan_id').references(() => samplingPlans.id),
    /** The handler whose work is inspected (the accepted closing's). */
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: INSPECTION_STATUSES }).notNull().default('open'),
    /** The date the checklist is read on (the assignment's Beijing date). */
    checklistDate: date('checklist_date').notNull(),
    judgements: jsonb('judgements').$type<Record<string, ChecklistJudgement>>().notNull().default({}),
    findings: text('findings'),
    items: jsonb('items').$type<ChecklistItemResult[]>(),
    ruleIds: text('rule_ids').array(),
    recordScore: integer('record_score'),
    judgementScore: integer('judgement_score'),
    totalScore: integer('total_score'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('file_inspections_org_idx').on(t.organisationId, t.status, t.startedAt),
    index('file_inspections_handler_idx').on(t.handlerId, t.completedAt),
    uniqueIndex('file_inspections_open_idx')
      .on(t.applicationId)
      .where(sql`${t.status} = 'open'`),
    check(
      'file_inspections_completed_check',
      sql`${t.status} <> 'completed' OR (${t.completedAt} IS NOT NULL AND ${t.items} IS NOT NULL AND ${t.findings} IS NOT NULL)`,
    ),
  ],
);
export type FileInspectionRow = typeof fileInspections.$inferSelect;

export const RECTIFICATION_STATUSES = ['open', 'replied', 'closed'] as const;

/**
 * A rectification request (整改) the inspector sends the handler: what to put right and by when (a
 * date the inspector sets: no law gives one). The handler replies; the inspector closes it as done
 * or sends it back (open again, with the note). Overdue is computed: open after its last day.
 */
export const rectificationRequests = pgTable(
  'rectification_requests',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => fileInspections.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    items: text('items').array().notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    replyText: text('reply_text'),
    repliedBy: uuid('replied_by').references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** Why the last reply was sent back (the request is open again). */
    returnNote: text('return_note'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('rectification_requests_inspection_idx').on(t.inspectionId),
    index('rectification_requests_handler_idx').on(t.handlerId, t.status),
    index('rectification_requests_org_idx').on(t.organisationId, t.status, t.dueOn),
    check('rectification_requests_items_check', sql`cardinality(${t.items}) > 0`),
  ],
);
export type RectificationRequestRow = typeof rectificationRequests.$inferSelect;
