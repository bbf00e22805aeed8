import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/** Kinds of organisation (city centre, district centre, workstation types…); editable by administrators. */
export const organisationKinds = pgTable('organisation_kinds', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(50),
  createdAt: createdAt(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind')
      .notNull()
      .references(() => organisationKinds.code),
    /** GB/T 2260 administrative division code of the area served (110105 = 朝阳区). */
    regionCode: text('region_code'),
    address: text('address'),
    /** The office's public phone number (not personal data). */
    phone: text('phone'),
    /** Public office hours as the office states them (接待时间), shown to citizens; free text. */
    officeHours: text('office_hours'),
    /** Materialised path of ids, `/<root>/…/<self>/` (access/organisation-path.ts). */
    path: text('path').notNull().unique(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);
