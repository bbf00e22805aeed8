import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PARTNER_KINDS } from '@fayuan/domain';
import { bytea, createdAt, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * A partner institution (合作机构): a justice organ or agency that calls `/api/partner/v1`.
 * It belongs to an organisation of Fayuan's tree (its district: a notice it sends opens in that
 * district's centre) and acts through its own service account (`userId`, role `partner_client`,
 * no password login), so audit rows, timelines and `received_by` name it like any other actor.
 */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The service account the partner acts as (role `partner_client`; it can never sign in). */
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    /** The operations it may call (PARTNER_OPERATIONS); any other answers PARTNER_OPERATION_FORBIDDEN. */
    operations: text('operations').array().notNull(),
    /** Where Fayuan sends its signed callbacks; without one the partner pulls `/events`. */
    callbackUrl: text('callback_url'),
    /** Requests per minute before 429 with Retry-After. */
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(120),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('partners_organisation_idx').on(t.organisationId),
    uniqueIndex('partners_name_idx').on(t.name),
  ],
);

/**
 * A partner's keys. `inbound` keys sign the partner's requests to Fayuan; the `outbound` key is
 * Fayuan's own key for this partner, signing the callbacks Fayuan sends it. The secret is sealed
 * (AES-256-GCM, FieldCipher.seal), shown once when made and never again. A rotation keeps the old
 * key valid until `expiresAt` (the overlap); a revocation ends it at once.
 */
export const partnerKeys = pgTable(
  'partner_keys',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    /** The public key id sent as `X-Fayuan-Key`. */
    keyId: text('key_id').notNull().unique(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    secretSealed: bytea('secret_sealed').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    /** Set when a newer key replaced this one: it stays valid until then (the overlap). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    /** The last verified request signed with it (updated at most once a minute). */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    index('partner_keys_partner_idx').on(t.partnerId),
    uniqueIndex('partner_keys_one_live_outbound_idx')
      .on(t.partnerId)
      .where(sql`${t.direction} = 'outbound' AND ${t.expiresAt} IS NULL AND ${t.revokedAt} IS NULL`),
  ],
);

/**
 * Nonces seen per key in the last 600 s (the replay window). A row is written only after the
 * signature verified, so nobody without the secret can burn a partner's nonces; maintenance
 * deletes rows older than the window.
 */
export const partnerNonces = pgTable(
  'partner_nonces',
  {
    keyId: text('key_id').notNull(),
    nonce: text('nonce').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] }), index('partner_nonces_seen_idx').on(t.seenAt)],
);

/**
 * Every request to `/api/partner/v1`, accepted or refused, written after the answer and outside
 * the request's transaction. `partnerId` is null when the key was unknown; `keyId` is as sent.
 */
export const partnerRequestLog = pgTable(
  'partner_request_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    keyId: text('key_id'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    operation: text('operation'),
    status: integer('status').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    errorCode: text('error_code'),
    requestId: text('request_id').notNull(),
  },
  (t) => [index('partner_request_log_partner_idx').on(t.partnerId, t.at)],
);
