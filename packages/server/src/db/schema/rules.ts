import { date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** National (000000), provinces (110000 Beijing, 120000 Tianjin, 130000 Hebei…): added as rows, no code. */
export const jurisdictions = pgTable('jurisdictions', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** The more general jurisdiction whose rules also apply (Beijing → national). */
  parentCode: text('parent_code'),
  createdAt: createdAt(),
});

/**
 * Law as data (ADR 0002): every rule that changes over time is a row of one rule table
 * (`matter`, `threshold`, `exemption`, `period`, `list_item`) with its jurisdiction, its span in
 * force and its legal source. Rows are never edited: a new version is a new row from a new date,
 * and the open row before it is closed the day before. Decisions record the ids they used.
 */
export const ruleRows = pgTable(
  'rule_rows',
  {
    id: text('id').primaryKey(),
    ruleTable: text('rule_table').notNull(),
    jurisdiction: text('jurisdiction')
      .notNull()
      .references(() => jurisdictions.code),
    /** What versions replace each other: the matter code, the period kind, `threshold`… */
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
    citation: text('citation').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('rule_rows_lookup_idx').on(t.ruleTable, t.jurisdiction, t.key, t.effectiveFrom)],
);

/** China's official holidays and adjusted working days (调休), per jurisdiction and date. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    jurisdiction: text('jurisdiction')
      .notNull()
      .references(() => jurisdictions.code),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['holiday', 'adjusted_workday'] }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    source: text('source').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.jurisdiction, t.date] })],
);
