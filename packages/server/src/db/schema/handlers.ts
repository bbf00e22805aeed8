import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { HANDLER_CONFLICT_KINDS, HANDLER_KINDS, HANDLER_STATUSES, VOLUNTEER_SUBKINDS } from '@fayuan/domain';
import { createdAt, sealedColumns, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

export const LAW_FIRM_STATUSES = ['active', 'inactive'] as const;
export type LawFirmStatus = (typeof LAW_FIRM_STATUSES)[number];

/**
 * Law firms (律师事务所) whose lawyers take legal aid cases. A registry shared by the city: the
 * licence number (统一社会信用代码 or 执业许可证号) names one firm. The office phone is public.
 */
export const lawFirms = pgTable(
  'law_firms',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    licenceNumber: text('licence_number').notNull(),
    /** GB/T 2260 code of the district the firm sits in (110108 = 海淀区). */
    regionCode: text('region_code').notNull(),
    address: text('address'),
    phone: text('phone'),
    status: text('status', { enum: LAW_FIRM_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('law_firms_licence_idx').on(t.licenceNumber),
    index('law_firms_region_idx').on(t.regionCode),
  ],
);

/**
 * Legal aid handlers (法律援助人员): lawyers, grassroots legal workers and volunteers in a centre's
 * pool. The managing organisation (`organisationId`) is the data scope. Years of practice are
 * derived from the start dates on every read, never stored. The personal phone is sealed.
 */
export const handlers = pgTable(
  'handlers',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The handler's own login (role `handler`), when they have one. */
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces (张三 → zhangsan) and initials (zs), for search. */
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    kind: text('kind', { enum: HANDLER_KINDS }).notNull(),
    volunteerSubkind: text('volunteer_subkind', { enum: VOLUNTEER_SUBKINDS }),
    firmId: uuid('firm_id').references(() => lawFirms.id),
    licenceNumber: text('licence_number'),
    practiceStartDate: date('practice_start_date'),
    criminalPracticeStartDate: date('criminal_practice_start_date'),
    /** Matter codes of the catalogue and case types (criminal, appeal…). */
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Languages besides Mandarin: ISO 639 codes, `sign` for sign language. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Ids of the district centres whose cases the handler takes. */
    districtsServed: uuid('districts_served')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** MPL art.104: minors' cases go to handlers familiar with minors. */
    familiarWithMinors: boolean('familiar_with_minors').notNull().default(false),
    /** Most open cases at once. */
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: HANDLER_STATUSES }).notNull().default('applying'),
    statusReason: text('status_reason'),
    statusSince: date('status_since').notNull(),
    ...sealedColumns('phone'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('handlers_licence_idx')
      .on(t.licenceNumber)
      .where(sql`${t.licenceNumber} IS NOT NULL`),
    uniqueIndex('handlers_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
    index('handlers_organisation_status_idx').on(t.organisationId, t.status),
    index('handlers_firm_idx').on(t.firmId),
    index('handlers_specialties_idx').using('gin', t.specialties),
    index('handlers_languages_idx').using('gin', t.languages),
    index('handlers_districts_idx').using('gin', t.districtsServed),
    index('handlers_name_pinyin_idx').on(sql`${t.namePinyin} text_pattern_ops`),
    index('handlers_name_initials_idx').on(sql`${t.nameInitials} text_pattern_ops`),
    check('handlers_capacity_check', sql`${t.capacity} >= 0`),
    check(
      'handlers_volunteer_subkind_check',
      sql`(${t.kind} = 'volunteer') = (${t.volunteerSubkind} IS NOT NULL)`,
    ),
  ],
);

/** Admission and exit history (准入退出): every status change with its reason, date and author. */
export const handlerStatusEvents = pgTable(
  'handler_status_events',
  {
    id: uuid('id').primaryKey(),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    /** Null for the application that created the record. */
    fromStatus: text('from_status', { enum: HANDLER_STATUSES }),
    toStatus: text('to_status', { enum: HANDLER_STATUSES }).notNull(),
    reason: text('reason').notNull(),
    /** The Beijing date the change takes effect. */
    effectiveOn: date('effective_on').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /**
     * The handler's open quality concerns (quality_concerns.id) the decision rests on: the quality
     * record feeding the admission and exit review (OPN (七)(十一), issue 15). Empty when none.
     */
    qualityConcernIds: uuid('quality_concern_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [index('handler_status_events_handler_idx').on(t.handlerId, t.at)],
);

/**
 * Specialised teams ([OPN]: labour, marriage and family, death penalty, minors, appeals, plus a
 * centre's own). `membershipRule` states the entry condition in words (e.g. 刑事执业满三年).
 */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    membershipRule: text('membership_rule'),
    /** Entry condition the server checks: whole years of (criminal) practice. */
    minYearsOfPractice: integer('min_years_of_practice'),
    minYearsOfCriminalPractice: integer('min_years_of_criminal_practice'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('teams_organisation_code_idx').on(t.organisationId, t.code)],
);

/** Team membership over time: `until` set when a handler leaves. */
export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    since: date('since').notNull(),
    until: date('until'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('team_members_current_idx')
      .on(t.teamId, t.handlerId)
      .where(sql`${t.until} IS NULL`),
    index('team_members_handler_idx').on(t.handlerId),
  ],
);

/** Training records (培训) with hours, counted for the talent pool and admission. */
export const handlerTraining = pgTable(
  'handler_training',
  {
    id: uuid('id').primaryKey(),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    title: text('title').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    heldOn: date('held_on').notNull(),
    provider: text('provider'),
    createdAt: createdAt(),
  },
  (t) => [
    index('handler_training_handler_idx').on(t.handlerId, t.heldOn),
    check('handler_training_hours_check', sql`${t.hours} > 0`),
  ],
);

/**
 * Recorded conflicts of interest (回避): a party the handler or their firm acts or acted for
 * against aid recipients, or a relation. The assignment engine compares party names with them.
 */
export const handlerConflicts = pgTable(
  'handler_conflicts',
  {
    id: uuid('id').primaryKey(),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    kind: text('kind', { enum: HANDLER_CONFLICT_KINDS }).notNull(),
    partyName: text('party_name').notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [
    index('handler_conflicts_handler_idx').on(t.handlerId),
    index('handler_conflicts_party_idx').on(t.partyName),
  ],
);
