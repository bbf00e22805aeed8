import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SATISFACTION_LEVELS } from '@fayuan/domain';
import { applications } from './applications.ts';
import { ruleRows } from './rules.ts';
import { users } from './users.ts';

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
