import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/**
 * Signed checkpoints of the audit chain's head (ADR 0008): the number of events and the last
 * event's id and hash, signed with a key of its own. A tail deleted from `audit_events` leaves a
 * checkpoint pointing past the end. The app role may only INSERT and SELECT here, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE (migration 0017).
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: uuid('id').primaryKey(),
    eventCount: bigint('event_count', { mode: 'number' }).notNull(),
    lastEventId: uuid('last_event_id'),
    lastHash: text('last_hash').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_count_idx').on(t.eventCount, t.takenAt)],
);

/**
 * Append-only audit log (triggers refuse UPDATE, DELETE and TRUNCATE). Each row's `hash` covers
 * its content and the previous row's hash, so a changed or removed row breaks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRoles: text('actor_roles').array().notNull(),
    organisationId: uuid('organisation_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);

/** Responses remembered for `Idempotency-Key` (per principal), so a retried create returns the first result. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/**
 * Fixed-window request counters shared by every app process (login limits, public endpoints):
 * one row per key, reset when a new window starts. Keys hold keyed hashes, never the raw
 * username or address; rows past `expires_at` are purged by maintenance.
 */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_windows_expires_idx').on(t.expiresAt)],
);
