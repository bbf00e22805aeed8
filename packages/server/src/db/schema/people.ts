import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_TYPES, REPRESENTATIVE_ROLES, SEXES } from '@fayuan/domain';
import { createdAt, sealedColumns, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/** A member of the applicant's household (共同生活的家庭成员), counted for the hardship test. */
export interface HouseholdMember {
  name: string;
  relation: string;
  birthDate: string | null;
}

/**
 * Applicants and aid recipients (申请人 / 受援人). One row per human being city-wide: the identity
 * number's lookup hash is unique, while the owning organisation decides who may see the record.
 * Identity and phone numbers are sealed (columns.ts); search goes through name pinyin and hashes.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces, lower case (张三 → zhangsan). */
    namePinyin: text('name_pinyin').notNull(),
    /** Pinyin initials (张三 → zs). */
    nameInitials: text('name_initials').notNull(),
    documentType: text('document_type', { enum: DOCUMENT_TYPES }).notNull(),
    ...sealedColumns('idNumber'),
    birthDate: date('birth_date'),
    sex: text('sex', { enum: SEXES }),
    ...sealedColumns('phone'),
    address: text('address'),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    householdMembers: jsonb('household_members').$type<HouseholdMember[]>().notNull().default([]),
    /** Who acts for the person (LAL art.40): legal representative, close relative or agent. */
    representativeName: text('representative_name'),
    representativeRole: text('representative_role', { enum: REPRESENTATIVE_ROLES }),
    representativeRelation: text('representative_relation'),
    ...sealedColumns('representativePhone'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('persons_id_number_hash_idx')
      .on(t.idNumberHash)
      .where(sql`${t.idNumberHash} IS NOT NULL`),
    index('persons_phone_hash_idx').on(t.phoneHash),
    index('persons_owner_idx').on(t.ownerOrgId),
    index('persons_name_birth_idx').on(t.name, t.birthDate),
    // Global search (modules/search): a name's first characters (张三 finds 张三丰), in the search's
    // order (the name, then the id), so that `ORDER BY … LIMIT` stops after the first rows in scope
    // instead of sorting every namesake of the prefix.
    index('persons_name_prefix_idx').on(sql`${t.name} text_pattern_ops`, t.id),
    index('persons_name_pinyin_idx').on(sql`${t.namePinyin} text_pattern_ops`, t.id),
    index('persons_name_initials_idx').on(sql`${t.nameInitials} text_pattern_ops`, t.id),
  ],
);
