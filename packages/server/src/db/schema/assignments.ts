import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { AssignmentReason, ScoreParts } from '@fayuan/domain';
import { applications } from './applications.ts';
import { handlers } from './handlers.ts';
import { users } from './users.ts';

export const ASSIGNMENT_MODES = ['best', 'manual', 'batch', 'provisional'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const ASSIGNMENT_STATUSES = ['pending', 'accepted', 'declined', 'replaced'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * Each assignment of a handler to a case (指派): how it was chosen (one-click best, manual with a
 * reason, a confirmed batch plan, or named with aid given in advance, LAL art.44), the evaluation
 * it rested on (reasons and score parts, kept as evidence), and what became of it — accepted,
 * declined with a reason, or replaced (更换). At most one is current (pending or accepted) per
 * case. Aid in advance is recorded accepted at once: the handler starts work on the spot.
 */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    mode: text('mode', { enum: ASSIGNMENT_MODES }).notNull(),
    /** Why a manual choice differs from the best candidate. */
    reason: text('reason'),
    score: integer('score'),
    evaluation: jsonb('evaluation')
      .$type<{ reasons: AssignmentReason[]; scoreParts: ScoreParts }>()
      .notNull(),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    /** The handler answers by then (the centre's acceptance period). */
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [
    index('case_assignments_application_idx').on(t.applicationId, t.assignedAt),
    index('case_assignments_handler_status_idx').on(t.handlerId, t.status),
    uniqueIndex('case_assignments_current_idx')
      .on(t.applicationId)
      .where(sql`${t.status} IN ('pending', 'accepted')`),
  ],
);
