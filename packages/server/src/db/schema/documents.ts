import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';

/** A centre's numbering pattern per document kind (e.g. 京朝法援〔{year}〕第{seq:5}号). */
export const documentNumberPatterns = pgTable(
  'document_number_patterns',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    documentKind: text('document_kind').notNull(),
    pattern: text('pattern').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.documentKind] })],
);

/**
 * The last number issued per centre, kind and year. Incremented with a row lock inside the
 * transaction that creates the document: concurrent issues queue on the row, and a rolled-back
 * document gives its number back, so numbers are never reused and never skipped.
 */
export const documentSequences = pgTable(
  'document_sequences',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    documentKind: text('document_kind').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.documentKind, t.year] })],
);
