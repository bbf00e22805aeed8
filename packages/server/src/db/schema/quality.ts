import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMPLAINANT_RELATIONS,
  COMPLAINT_CHANNELS,
  COMPLAINT_REVIEW_RESULTS,
  COMPLAINT_STATUSES,
  SATISFACTION_LEVELS,
  type ComplaintPeriod,
} from '@fayuan/domain';
import { applications, CLOCK_STATUSES } from './applications.ts';
import { citizens } from './citizens.ts';
import { handlers } from './handlers.ts';
import { organisations } from './organisations.ts';
import { ruleRows } from './rules.ts';
import { users } from './users.ts';
import { sealedColumns } from './columns.ts';

/**
 * The quality evaluation of a closed case (质量评估, LAL art.57, art.59; [OPN] (六)): how it was
 * checked (codes of the dated `evaluation_method` list), the grade (`quality_grade`, whose score
 * band the score must fit), the recipient's satisfaction when a visit was made, the findings, and
 * the rule rows that applied on the day, so the evaluation can be explained later. One per case:
 * the lifecycle takes `record_evaluation` once (closed → evaluated). Observation schedules,
 * per-type standards and complaints come with the quality-control area and point here.
 */
export const caseEvaluations = pgTable(
  'case_evaluations',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    methods: text('methods').array().notNull(),
    /** The `evaluation_method` rule rows (rule_rows.id) in force on the day, in the order of `methods`. */
    methodRuleIds: text('method_rule_ids').array().notNull(),
    grade: text('grade').notNull(),
    gradeRuleId: text('grade_rule_id')
      .notNull()
      .references(() => ruleRows.id),
    score: integer('score').notNull(),
    satisfaction: text('satisfaction', { enum: SATISFACTION_LEVELS }),
    findings: text('findings').notNull(),
    evaluatedBy: uuid('evaluated_by')
      .notNull()
      .references(() => users.id),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_evaluations_application_idx').on(t.applicationId),
    check('case_evaluations_score_check', sql`${t.score} BETWEEN 0 AND 100`),
    check(
      'case_evaluations_methods_check',
      sql`cardinality(${t.methods}) > 0 AND cardinality(${t.methods}) = cardinality(${t.methodRuleIds})`,
    ),
  ],
);

export type CaseEvaluationRow = typeof caseEvaluations.$inferSelect;

export const COMPLAINT_SUBJECTS = ['centre', 'handler', 'service'] as const;
export const COMPLAINT_REPLY_METHODS = ['sms', 'phone', 'letter', 'in_person', 'none'] as const;

/**
 * A complaint (投诉, LAL art.55–56; 《法律援助投诉处理办法》) about a centre, a handler or the
 * service, from the portal, the hotline, a letter or the window, and its handling: accepted or not
 * (with the reason, a `complaint_decline_reason` rule row), the outcome of the investigation (a
 * `complaint_outcome` rule row; `upheld` when the complaint was founded, which counts on the
 * handler's record), the reply to the complainant, and the bureau's review if asked for. The
 * periods of each step are complaint_clocks rows. A portal complaint names its citizen; one taken
 * by staff names the complainant, whose phone is sealed like every phone.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey(),
    /** 投诉编号, per centre and year (document kind `complaint`); null only on rows from before it. */
    number: text('number'),
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    complainantName: text('complainant_name'),
    ...sealedColumns('complainantPhone'),
    relation: text('relation', { enum: COMPLAINANT_RELATIONS }),
    /** The centre complained about, whose office handles the complaint. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    applicationId: uuid('application_id').references(() => applications.id),
    about: text('about', { enum: COMPLAINT_SUBJECTS }).notNull(),
    /** The handler complained about, when the complaint is about one. */
    handlerId: uuid('handler_id').references(() => handlers.id),
    text: text('text').notNull(),
    wantsReply: text('wants_reply', { enum: ['sms', 'none'] })
      .notNull()
      .default('sms'),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    declineReason: text('decline_reason'),
    declineRuleId: text('decline_rule_id').references(() => ruleRows.id),
    outcome: text('outcome'),
    outcomeRuleId: text('outcome_rule_id').references(() => ruleRows.id),
    upheld: boolean('upheld'),
    findings: text('findings'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    replyText: text('reply_text'),
    replyMethod: text('reply_method', { enum: COMPLAINT_REPLY_METHODS }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => users.id),
    appealText: text('appeal_text'),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    reviewResult: text('review_result', { enum: COMPLAINT_REVIEW_RESULTS }),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    /** Bumped by every step: a step names the version it saw, so two people cannot both act. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('complaints_org_idx').on(t.organisationId, t.receivedAt),
    index('complaints_citizen_idx').on(t.citizenId),
    index('complaints_handler_idx').on(t.handlerId),
    uniqueIndex('complaints_number_key').on(t.organisationId, t.number),
    check(
      'complaints_complainant_check',
      sql`${t.citizenId} IS NOT NULL OR ${t.complainantName} IS NOT NULL`,
    ),
  ],
);
export type ComplaintRow = typeof complaints.$inferSelect;

/**
 * The periods of a complaint (acceptance, handling, reply), counted like an application's on the
 * working calendar from the period rule in force on the day it started (`ruleId`, `citation`). A
 * handling period extended with the head's approval keeps its first due time in `dueHistory`.
 */
export const complaintClocks = pgTable(
  'complaint_clocks',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    period: text('period').$type<ComplaintPeriod>().notNull(),
    status: text('status', { enum: CLOCK_STATUSES }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    ruleId: text('rule_id').references(() => ruleRows.id),
    citation: text('citation').notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    provisionalYears: integer('provisional_years')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** An extension approved by the head (延长办理期限): the new last day and why. */
    extendedTo: date('extended_to'),
    extensionReason: text('extension_reason'),
    extendedBy: uuid('extended_by').references(() => users.id),
  },
  (t) => [
    index('complaint_clocks_complaint_idx').on(t.complaintId, t.period),
    index('complaint_clocks_running_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'running'`),
  ],
);
export type ComplaintClockRow = typeof complaintClocks.$inferSelect;

/**
 * A quality threshold a handler breaches (承办业绩, `quality_threshold` rule rows): opened when the
 * record first crosses it, when the directors are told, and closed when the record is back within
 * it. The open ones show on the handler's record and in the admission review.
 */
export const qualityConcerns = pgTable(
  'quality_concerns',
  {
    id: uuid('id').primaryKey(),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => ruleRows.id),
    /** The metric's value when the concern opened, and the threshold it crossed. */
    value: text('value').notNull(),
    limit: text('limit').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('quality_concerns_open_idx')
      .on(t.handlerId, t.code)
      .where(sql`${t.closedAt} IS NULL`),
    index('quality_concerns_org_idx').on(t.organisationId, t.openedAt),
  ],
);
export type QualityConcernRow = typeof qualityConcerns.$inferSelect;

export const VISIT_METHODS = ['phone', 'sms_survey'] as const;
export const VISIT_STATUSES = ['planned', 'survey_sent', 'done', 'unreachable'] as const;

/**
 * A plan of follow-up visits to recipients (回访, LAL art.59; OPN (六)): the closed cases of a
 * period drawn by a share per handler from a recorded seed (quality/sampling.ts), each visited a
 * set number of days after its closing. Share and timing are the centre's choice, not law.
 */
export const visitPlans = pgTable('visit_plans', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  closedFrom: date('closed_from').notNull(),
  closedTo: date('closed_to').notNull(),
  perMille: integer('per_mille').notNull(),
  afterDays: integer('after_days').notNull(),
  method: text('method', { enum: VISIT_METHODS }).notNull(),
  seed: text('seed').notNull(),
  samplingMethod: text('sampling_method').notNull(),
  population: integer('population').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * One follow-up visit: by phone with the script in force (`visit_question` rule rows, answers kept
 * by code with the rule ids), or an SMS inviting the recipient to rate on the portal. The
 * satisfaction is 1–5; 1 or 2 opens a review (quality_reviews).
 */
export const followUpVisits = pgTable(
  'follow_up_visits',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').references(() => visitPlans.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    handlerId: uuid('handler_id').references(() => handlers.id),
    method: text('method', { enum: VISIT_METHODS }).notNull(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('planned'),
    dueOn: date('due_on').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>(),
    questionRuleIds: text('question_rule_ids').array(),
    satisfaction: integer('satisfaction'),
    comment: text('comment'),
    visitedBy: uuid('visited_by').references(() => users.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('follow_up_visits_application_idx').on(t.applicationId),
    index('follow_up_visits_org_idx').on(t.organisationId, t.status, t.dueOn),
    check(
      'follow_up_visits_satisfaction_check',
      sql`${t.satisfaction} IS NULL OR ${t.satisfaction} BETWEEN 1 AND 5`,
    ),
  ],
);
export type FollowUpVisitRow = typeof followUpVisits.$inferSelect;

/**
 * A review task (复核): opened when a recipient says they are dissatisfied (a visit or a portal
 * rating of 1 or 2), for the centre to look into the case and close with what it found and did.
 */
export const qualityReviews = pgTable(
  'quality_reviews',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    handlerId: uuid('handler_id').references(() => handlers.id),
    source: text('source', { enum: ['visit', 'rating'] }).notNull(),
    visitId: uuid('visit_id').references(() => followUpVisits.id),
    satisfaction: integer('satisfaction').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('quality_reviews_org_idx').on(t.organisationId, t.status, t.openedAt)],
);
