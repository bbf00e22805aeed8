import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { handlers, lawFirms } from './handlers.ts';
import { users } from './users.ts';

/** Who receives the subsidy: the handler's law firm, or the handler when they have none. */
export const PAYEE_KINDS = ['law_firm', 'handler'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

/**
 * A case subsidy paid (办案补贴, LAL art.52; BJR art.32: after the closing review) to the payee of
 * the case's accepted handler, in fen, with the date and the payment reference (voucher or bank
 * reference). The amount is entered, not computed, for now: `rate_rule_id` (the rate-table row
 * per case type and stage the amount came from) and `batch_id` (the payment batch) are reserved
 * for the subsidy area's rate table and batches and stay null until then. A case may later carry
 * more than one payment (per stage), so the table is not unique per case; the lifecycle lets
 * `record_subsidy_paid` happen once.
 */
export const subsidyPayments = pgTable(
  'subsidy_payments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    payeeKind: text('payee_kind', { enum: PAYEE_KINDS }).notNull(),
    payeeFirmId: uuid('payee_firm_id').references(() => lawFirms.id),
    /** The payee's name as it stood when paid (a firm may be renamed later). */
    payeeName: text('payee_name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    paymentReference: text('payment_reference').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** Reserved: the payment batch (subsidy area, later issue). */
    batchId: uuid('batch_id'),
    /** Reserved: the rate-table rule row (rule_rows.id) the amount was computed from (later issue). */
    rateRuleId: text('rate_rule_id'),
  },
  (t) => [
    index('subsidy_payments_application_idx').on(t.applicationId, t.recordedAt),
    index('subsidy_payments_handler_idx').on(t.handlerId, t.paidOn),
    check('subsidy_payments_amount_check', sql`${t.amountFen} > 0`),
    check(
      'subsidy_payments_payee_check',
      sql`(${t.payeeKind} = 'law_firm') = (${t.payeeFirmId} IS NOT NULL)`,
    ),
  ],
);

export type SubsidyPaymentRow = typeof subsidyPayments.$inferSelect;
