import { sql } from 'drizzle-orm';
import {
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
import {
  DUTY_REQUEST_REASONS,
  DUTY_REQUEST_STATUSES,
  DUTY_SHIFTS,
  PLEA_OPINIONS,
  type DutyHours,
  type DutyReason,
} from '@fayuan/domain';
import { createdAt, sealedColumns, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';
import { handlers } from './handlers.ts';
import { persons } from './people.ts';
import { applications } from './applications.ts';
import { partners } from './partners.ts';

/**
 * A duty-lawyer station (值班律师工作站, LAL art.14) is an organisation of a station kind; this row
 * adds what the roster needs: the parts of each weekday it is staffed (data, edited by the
 * centre) and the institution it sits in (a lawyer related to it is not rostered there, 回避).
 */
export const dutyStations = pgTable('duty_stations', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  hostInstitution: text('host_institution'),
  hours: jsonb('hours').$type<DutyHours[]>().notNull().default([]),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** A centre's duty settings (its working habits, not law): capacity per week, rotation window, lateness. */
export const dutySettings = pgTable('duty_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Most duties one handler holds in a week. */
  maxDutiesPerWeek: integer('max_duties_per_week').notNull().default(3),
  /** Weeks before the rostered week whose duties count in the rotation (fewest first). */
  rotationWeeks: integer('rotation_weeks').notNull().default(4),
  /** Minutes after a slot starts before a missing check-in shows as late. */
  lateAfterMinutes: integer('late_after_minutes').notNull().default(15),
  updatedAt: updatedAt(),
});

/** A confirmed week of a station's roster (排班); its slots are `duty_slots`. */
export const dutyRosters = pgTable(
  'duty_rosters',
  {
    id: uuid('id').primaryKey(),
    stationOrgId: uuid('station_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The Monday of the week (Beijing). */
    weekStart: date('week_start').notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('duty_rosters_station_week_idx').on(t.stationOrgId, t.weekStart)],
);

/** One staffed part of a day at a station and the lawyer on duty, with the reasons of the pick. */
export const dutySlots = pgTable(
  'duty_slots',
  {
    id: uuid('id').primaryKey(),
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => dutyRosters.id),
    stationOrgId: uuid('station_org_id')
      .notNull()
      .references(() => organisations.id),
    date: date('date').notNull(),
    shift: text('shift', { enum: DUTY_SHIFTS }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    handlerId: uuid('handler_id').references(() => handlers.id),
    /** Why this handler: the rules passed and the rotation (or why nobody could be rostered). */
    reasons: jsonb('reasons').$type<DutyReason[]>().notNull().default([]),
    /** Set by a manual swap: who changed it and why. */
    swapNote: text('swap_note'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('duty_slots_station_time_idx').on(t.stationOrgId, t.date, t.shift),
    index('duty_slots_handler_idx').on(t.handlerId, t.date),
  ],
);

/** A duty lawyer asks to be relieved of a slot; the centre approves (naming a replacement) or declines. */
export const dutySwapRequests = pgTable(
  'duty_swap_requests',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => dutySlots.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['requested', 'approved', 'declined'] }).notNull(),
    replacementHandlerId: uuid('replacement_handler_id').references(() => handlers.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('duty_swap_one_open_idx')
      .on(t.slotId)
      .where(sql`${t.status} = 'requested'`),
  ],
);

/** An organ's request for a duty lawyer (e.g. before a plea agreement is signed). */
export const dutyRequests = pgTable(
  'duty_requests',
  {
    id: uuid('id').primaryKey(),
    stationOrgId: uuid('station_org_id')
      .notNull()
      .references(() => organisations.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    suspectName: text('suspect_name').notNull(),
    ...sealedColumns('suspectIdNumber'),
    institutionCaseNumber: text('institution_case_number').notNull(),
    reason: text('reason', { enum: DUTY_REQUEST_REASONS }).notNull(),
    wantedAt: timestamp('wanted_at', { withTimezone: true }),
    place: text('place'),
    status: text('status', { enum: DUTY_REQUEST_STATUSES }).notNull(),
    /** The lawyer on duty when it came in (null: the station's centre was told instead). */
    dutyHandlerId: uuid('duty_handler_id').references(() => handlers.id),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    servedAt: timestamp('served_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('duty_requests_station_idx').on(t.stationOrgId, t.status)],
);

/** One person served by a duty lawyer (服务台账): what was done, for whom, and for plea signing the plea. */
export const dutyServices = pgTable(
  'duty_services',
  {
    id: uuid('id').primaryKey(),
    stationOrgId: uuid('station_org_id')
      .notNull()
      .references(() => organisations.id),
    slotId: uuid('slot_id').references(() => dutySlots.id),
    handlerId: uuid('handler_id')
      .notNull()
      .references(() => handlers.id),
    servedAt: timestamp('served_at', { withTimezone: true }).notNull(),
    /** Codes of the list `duty_service_type` in force on the day. */
    serviceTypes: text('service_types').array().notNull(),
    personId: uuid('person_id').references(() => persons.id),
    personName: text('person_name').notNull(),
    ...sealedColumns('personIdNumber'),
    institutionCaseNumber: text('institution_case_number'),
    prosecutor: text('prosecutor'),
    charges: text('charges')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    pleaOpinion: text('plea_opinion', { enum: PLEA_OPINIONS }),
    pleaOpinionText: text('plea_opinion_text'),
    notes: text('notes'),
    requestId: uuid('request_id').references(() => dutyRequests.id),
    /** The aid application this service was turned into (LAL art.39). */
    applicationId: uuid('application_id').references(() => applications.id),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('duty_services_station_idx').on(t.stationOrgId, t.servedAt),
    index('duty_services_handler_idx').on(t.handlerId, t.servedAt),
  ],
);
