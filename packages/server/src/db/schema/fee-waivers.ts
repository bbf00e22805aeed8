import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  FEE_WAIVER_BODY_KINDS,
  FEE_WAIVER_OUTCOMES,
  FEE_WAIVER_REQUEST_KINDS,
  FEE_WAIVER_STATUSES,
} from '@fayuan/domain';
import { applications } from './applications.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';
import { createdAt, updatedAt } from './columns.ts';

/**
 * A request to a court, notary office or forensic appraisal body to defer, reduce or waive one fee
 * of a recipient (费用缓减免, LAL art.53; OPN (八), (十三)): drafted, sent as a numbered letter
 * (申请函), answered with the outcome and what it saved, or withdrawn. Amounts are integer fen.
 */
export const feeWaiverRequests = pgTable(
  'fee_waiver_requests',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** The centre that owns the case: the data scope of the request. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    bodyKind: text('body_kind', { enum: FEE_WAIVER_BODY_KINDS }).notNull(),
    bodyName: text('body_name').notNull(),
    requestKind: text('request_kind', { enum: FEE_WAIVER_REQUEST_KINDS }).notNull(),
    /** The fee in the body's words: 案件受理费, 公证费（继承权公证）, 伤残等级鉴定费 … */
    feeDescription: text('fee_description').notNull(),
    /** The fee as the body stated it, when known. */
    amountAskedFen: bigint('amount_asked_fen', { mode: 'number' }),
    status: text('status', { enum: FEE_WAIVER_STATUSES }).notNull().default('draft'),
    /** The letter's number, issued when it is sent (document kind `fee_waiver_letter`). */
    letterNumber: text('letter_number'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id),
    outcome: text('outcome', { enum: FEE_WAIVER_OUTCOMES }),
    /** What the recipient does not pay, in fen: 0 for a refusal or a deferral. */
    amountSavedFen: bigint('amount_saved_fen', { mode: 'number' }),
    /** The date a deferred fee falls due (缓收 granted). */
    deferredUntil: date('deferred_until'),
    /** The body's own reference for its answer (a ruling or letter number), when it gave one. */
    answerReference: text('answer_reference'),
    answerNote: text('answer_note'),
    /** The date of the body's answer: the period the statistics count it in. */
    answeredOn: date('answered_on'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerRecordedBy: uuid('answer_recorded_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('fee_waiver_requests_org_idx').on(t.organisationId, t.status, t.createdAt),
    index('fee_waiver_requests_application_idx').on(t.applicationId),
    index('fee_waiver_requests_answered_idx')
      .on(t.answeredOn)
      .where(sql`${t.answeredOn} IS NOT NULL`),
    check(
      'fee_waiver_requests_amounts_check',
      sql`(${t.amountAskedFen} IS NULL OR ${t.amountAskedFen} >= 0) AND (${t.amountSavedFen} IS NULL OR ${t.amountSavedFen} >= 0)`,
    ),
    check(
      'fee_waiver_requests_answer_check',
      sql`(${t.status} = 'answered') = (${t.outcome} IS NOT NULL AND ${t.amountSavedFen} IS NOT NULL AND ${t.answeredOn} IS NOT NULL)`,
    ),
  ],
);
export type FeeWaiverRequestRow = typeof feeWaiverRequests.$inferSelect;
