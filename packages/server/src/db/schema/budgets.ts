import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BUDGET_PURPOSES, BUDGET_SOURCE_KINDS, DONOR_KINDS, PROVIDER_KINDS } from '@fayuan/domain';
import { applications } from './applications.ts';
import { lawFirms } from './handlers.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';
import { createdAt, updatedAt } from './columns.ts';

/**
 * A budget line (预算): money a centre has for a year from one source (LAL art.4: legal aid funds in
 * the government budget; art.9: donations) for one purpose, in fen. What is spent and committed
 * against it is summed from the rows that draw on it (donation uses, contract payments, case
 * subsidies); `lowAlertedAt` marks that the line has rung its low-balance alert since it last went
 * below its threshold (cleared when it is back above, so each crossing rings once).
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    sourceKind: text('source_kind', { enum: BUDGET_SOURCE_KINDS }).notNull(),
    purpose: text('purpose', { enum: BUDGET_PURPOSES }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The alert threshold, per mille of the allocation (100 = 10 %). */
    alertThresholdPerMille: integer('alert_threshold_per_mille').notNull().default(100),
    /** The budget document or allocation notice the money comes by (文号), as typed. */
    reference: text('reference'),
    lowAlertedAt: timestamp('low_alerted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('budget_lines_org_year_idx').on(t.organisationId, t.year),
    check('budget_lines_amount_check', sql`${t.amountFen} >= 0`),
    check('budget_lines_threshold_check', sql`${t.alertThresholdPerMille} BETWEEN 0 AND 1000`),
  ],
);
export type BudgetLineRow = typeof budgetLines.$inferSelect;

/**
 * A social donation (社会捐赠, LAL art.9) received by a centre, with its receipt number (numbered
 * per centre and year, document kind `donation_receipt`). The donor's name only: no phone or
 * identity number is kept, so nothing personal needs sealing.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    receiptNumber: text('receipt_number').notNull(),
    donorKind: text('donor_kind', { enum: DONOR_KINDS }).notNull(),
    donorName: text('donor_name').notNull(),
    /** What the donor gave it for (an earmark), in their words. */
    purpose: text('purpose').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    receivedOn: date('received_on').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('donations_receipt_number_idx').on(t.receiptNumber),
    index('donations_org_received_idx').on(t.organisationId, t.receivedOn),
    check('donations_amount_check', sql`${t.amountFen} > 0`),
  ],
);
export type DonationRow = typeof donations.$inferSelect;

/** A use of a donation: an amount spent from a budget line, for what, optionally for a case. */
export const donationUses = pgTable(
  'donation_uses',
  {
    id: uuid('id').primaryKey(),
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    usedOn: date('used_on').notNull(),
    description: text('description').notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('donation_uses_donation_idx').on(t.donationId),
    index('donation_uses_line_idx').on(t.budgetLineId, t.usedOn),
    check('donation_uses_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/**
 * A contract of government purchase of legal services (政府购买法律服务, LAL art.15) with a law firm
 * of the registry or a named social organisation: its period, amount (committed on its budget line
 * until paid) and the services due. What was delivered is counted from the records.
 */
export const serviceContracts = pgTable(
  'service_contracts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The contract's own number, as signed. */
    contractNumber: text('contract_number').notNull(),
    providerKind: text('provider_kind', { enum: PROVIDER_KINDS }).notNull(),
    lawFirmId: uuid('law_firm_id').references(() => lawFirms.id),
    /** The provider's name (the firm's as it stood when signed, or the social organisation's). */
    providerName: text('provider_name').notNull(),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    casesDue: integer('cases_due').notNull().default(0),
    dutyDaysDue: integer('duty_days_due').notNull().default(0),
    hotlineHoursDue: integer('hotline_hours_due').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('service_contracts_org_idx').on(t.organisationId, t.startsOn),
    index('service_contracts_line_idx').on(t.budgetLineId),
    check('service_contracts_amount_check', sql`${t.amountFen} > 0`),
    check('service_contracts_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'service_contracts_due_check',
      sql`${t.casesDue} >= 0 AND ${t.dutyDaysDue} >= 0 AND ${t.hotlineHoursDue} >= 0`,
    ),
    check(
      'service_contracts_provider_check',
      sql`(${t.providerKind} = 'law_firm') = (${t.lawFirmId} IS NOT NULL)`,
    ),
  ],
);
export type ServiceContractRow = typeof serviceContracts.$inferSelect;

/** A payment against a contract: spent from the contract's budget line. */
export const contractPayments = pgTable(
  'contract_payments',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    /** The voucher or bank reference. */
    reference: text('reference').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('contract_payments_contract_idx').on(t.contractId),
    index('contract_payments_line_idx').on(t.budgetLineId, t.paidOn),
    check('contract_payments_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/**
 * Hotline hours a provider served that the records do not hold (a social organisation staffing the
 * 12348 line, or calls logged without a duration), entered by hand with a note.
 */
export const contractHotlineHours = pgTable(
  'contract_hotline_hours',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    servedOn: date('served_on').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('contract_hotline_hours_contract_idx').on(t.contractId),
    check('contract_hotline_hours_minutes_check', sql`${t.minutes} > 0`),
  ],
);
