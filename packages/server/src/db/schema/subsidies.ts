import { sql } from 'drizzle-orm';
import {
  bigint,
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
import type { BankFileLayout, CostKind, SubsidyItem, SubsidyProblem } from '@fayuan/domain';
import { applications } from './applications.ts';
import { bytea } from './columns.ts';
import { handlers, lawFirms } from './handlers.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/** Who receives the subsidy: the handler's law firm, or the handler when they have none. */
export const PAYEE_KINDS = ['law_firm', 'handler'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

/**
 * A case subsidy paid (办案补贴, LAL art.52; BJR art.32: after the closing review) to the payee of
 * the case's accepted handler, in fen, with the date and the payment reference (the bank's serial,
 * or a voucher when recorded by hand). A payment from a batch names its batch, its transfer line
 * and the base rate row of the calculation it pays. One payment per case: the unique index and the
 * lifecycle (`record_subsidy_paid` happens once) both keep a case from being paid twice.
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
    /** The payment batch it was paid in; null when recorded by hand. */
    batchId: uuid('batch_id'),
    /** The base rate row (rule_rows.id) of the calculation paid; null when recorded by hand without one. */
    rateRuleId: text('rate_rule_id'),
    calculationId: uuid('calculation_id'),
    transferLineId: uuid('transfer_line_id'),
  },
  (t) => [
    uniqueIndex('subsidy_payments_application_key').on(t.applicationId),
    index('subsidy_payments_handler_idx').on(t.handlerId, t.paidOn),
    check('subsidy_payments_amount_check', sql`${t.amountFen} > 0`),
    check(
      'subsidy_payments_payee_check',
      sql`(${t.payeeKind} = 'law_firm') = (${t.payeeFirmId} IS NOT NULL)`,
    ),
  ],
);

export type SubsidyPaymentRow = typeof subsidyPayments.$inferSelect;

/**
 * Where a subsidy stands: `calculated` (finance reviews it; it may lack figures), `pending_second`
 * (an adjustment above the policy's amount awaits a second person), `approved` (ready for a batch),
 * `batched` (on an open transfer line), `paid`.
 */
export const CALCULATION_STATUSES = ['calculated', 'pending_second', 'approved', 'batched', 'paid'] as const;
export type CalculationStatus = (typeof CALCULATION_STATUSES)[number];

/** What finance states at review: the record does not carry these (subsidies/calculate.ts). */
export interface DeclaredFactors {
  extraStages: number;
  extraParties: number;
  remoteTravel: boolean;
  complex: boolean;
}

/**
 * A case's subsidy calculation (LAL art.52): made when the closing is accepted, remade when the
 * evaluation score or finance's review facts change, until finance approves it. It keeps every
 * line with its rule row and evidence, the rule version (fingerprint of the rows), the date that
 * picked the standard, and the adjustment with its reason and approvers. One per case.
 */
export const subsidyCalculations = pgTable(
  'subsidy_calculations',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    payeeKind: text('payee_kind', { enum: PAYEE_KINDS }).notNull(),
    payeeFirmId: uuid('payee_firm_id').references(() => lawFirms.id),
    payeeName: text('payee_name').notNull(),
    status: text('status', { enum: CALCULATION_STATUSES }).notNull(),
    /** The date the policy names (assignment or closing) that picked the standard in force. */
    basisDate: date('basis_date').notNull(),
    dateBasis: text('date_basis', { enum: ['assignment', 'closing'] }).notNull(),
    policyRuleId: text('policy_rule_id').notNull(),
    declared: jsonb('declared').$type<DeclaredFactors>().notNull(),
    costs: jsonb('costs').$type<{ kind: CostKind; claimedFen: number; note: string }[]>().notNull(),
    items: jsonb('items').$type<SubsidyItem[]>().notNull(),
    problems: jsonb('problems').$type<SubsidyProblem[]>().notNull(),
    complete: boolean('complete').notNull(),
    computedFen: bigint('computed_fen', { mode: 'number' }).notNull(),
    adjustmentFen: bigint('adjustment_fen', { mode: 'number' }).notNull().default(0),
    adjustmentReason: text('adjustment_reason'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    ruleIds: text('rule_ids').array().notNull(),
    ruleVersion: text('rule_version').notNull(),
    /** The base rate row (rule_rows.id), kept on the payment. */
    baseRuleId: text('base_rule_id'),
    calculatedAt: timestamp('calculated_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    secondApprovedBy: uuid('second_approved_by').references(() => users.id),
    secondApprovedAt: timestamp('second_approved_at', { withTimezone: true }),
    paymentId: uuid('payment_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('subsidy_calculations_application_key').on(t.applicationId),
    index('subsidy_calculations_org_idx').on(t.organisationId, t.status),
    index('subsidy_calculations_handler_idx').on(t.handlerId, t.calculatedAt),
    check(
      'subsidy_calculations_payee_check',
      sql`(${t.payeeKind} = 'law_firm') = (${t.payeeFirmId} IS NOT NULL)`,
    ),
  ],
);
export type SubsidyCalculationRow = typeof subsidyCalculations.$inferSelect;

/**
 * A payment batch (补贴发放批次): approved subsidies of a period gathered by payee. Finance drafts
 * and submits it, the director approves it, finance exports the bank file and applies the bank's
 * return; it is settled when every line is paid or failed. A draft can be cancelled.
 */
export const BATCH_STATUSES = ['draft', 'submitted', 'approved', 'settled', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const subsidyBatches = pgTable(
  'subsidy_batches',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** `BT{year}-{seq:4}` per organisation. */
    number: text('number').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** Which payees were gathered: all, law firms, handlers paid directly, or one firm or handler. */
    payeeFilter: jsonb('payee_filter')
      .$type<{ kind: 'all' | 'law_firm' | 'handler'; firmId?: string; handlerId?: string }>()
      .notNull(),
    status: text('status', { enum: BATCH_STATUSES }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    lineCount: integer('line_count').notNull(),
    subsidyCount: integer('subsidy_count').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('subsidy_batches_number_key').on(t.organisationId, t.number),
    index('subsidy_batches_org_idx').on(t.organisationId, t.status, t.createdAt),
  ],
);
export type SubsidyBatchRow = typeof subsidyBatches.$inferSelect;

export const LINE_STATUSES = ['open', 'paid', 'failed'] as const;

/**
 * One transfer to one payee in a batch, the bank account as it stood when the batch was made (the
 * account number sealed), its reference in the bank file, and what the bank's return said.
 */
export const subsidyTransferLines = pgTable(
  'subsidy_transfer_lines',
  {
    id: uuid('id').primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => subsidyBatches.id),
    seq: integer('seq').notNull(),
    reference: text('reference').notNull(),
    payeeKind: text('payee_kind', { enum: PAYEE_KINDS }).notNull(),
    payeeFirmId: uuid('payee_firm_id').references(() => lawFirms.id),
    payeeHandlerId: uuid('payee_handler_id').references(() => handlers.id),
    payeeName: text('payee_name').notNull(),
    accountName: text('account_name'),
    bankName: text('bank_name'),
    accountNumberSealed: bytea('account_number_sealed'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: LINE_STATUSES }).notNull(),
    bankSerial: text('bank_serial'),
    paidOn: date('paid_on'),
    failureMessage: text('failure_message'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('subsidy_transfer_lines_reference_key').on(t.batchId, t.reference),
    check('subsidy_transfer_lines_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/**
 * A subsidy on a transfer line. `open` and `paid` rows are unique per calculation: no subsidy is
 * in two batches; a failed line's rows stay as history and the subsidy may go in a later batch.
 */
export const subsidyBatchItems = pgTable(
  'subsidy_batch_items',
  {
    id: uuid('id').primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => subsidyBatches.id),
    lineId: uuid('line_id')
      .notNull()
      .references(() => subsidyTransferLines.id),
    calculationId: uuid('calculation_id')
      .notNull()
      .references(() => subsidyCalculations.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['open', 'paid', 'failed', 'removed'] }).notNull(),
  },
  (t) => [
    uniqueIndex('subsidy_batch_items_live_key')
      .on(t.calculationId)
      .where(sql`${t.status} IN ('open', 'paid')`),
    index('subsidy_batch_items_batch_idx').on(t.batchId),
  ],
);

/** A payee's bank account for subsidy transfers (the number sealed at rest, never logged). */
export const payeeBankAccounts = pgTable(
  'payee_bank_accounts',
  {
    id: uuid('id').primaryKey(),
    payeeKind: text('payee_kind', { enum: PAYEE_KINDS }).notNull(),
    payeeFirmId: uuid('payee_firm_id').references(() => lawFirms.id),
    payeeHandlerId: uuid('payee_handler_id').references(() => handlers.id),
    accountName: text('account_name').notNull(),
    bankName: text('bank_name').notNull(),
    accountNumberSealed: bytea('account_number_sealed').notNull(),
    /** The last four digits, to show without opening the sealed number. */
    accountNumberTail: text('account_number_tail').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('payee_bank_accounts_firm_key')
      .on(t.payeeFirmId)
      .where(sql`${t.payeeFirmId} IS NOT NULL`),
    uniqueIndex('payee_bank_accounts_handler_key')
      .on(t.payeeHandlerId)
      .where(sql`${t.payeeHandlerId} IS NOT NULL`),
    check(
      'payee_bank_accounts_payee_check',
      sql`(${t.payeeKind} = 'law_firm') = (${t.payeeFirmId} IS NOT NULL) AND (${t.payeeKind} = 'handler') = (${t.payeeHandlerId} IS NOT NULL)`,
    ),
  ],
);

/** An organisation's bank file layout (subsidies/batch.ts `BankFileLayout`); the default until saved. */
export const bankFileLayouts = pgTable('bank_file_layouts', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  layout: jsonb('layout').$type<BankFileLayout>().notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});
