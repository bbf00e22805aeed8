import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, sealedColumns } from './columns.ts';

/**
 * Citizens who sign in to the public portal with a one-time SMS code (issue 14). A citizen is a
 * verified phone number, nothing more: the real name and ID number come with each application
 * (the applicant's person record), so one phone may apply for a parent or a child.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey(),
    ...sealedColumns('phone'),
    createdAt: createdAt(),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('citizens_phone_hash_key').on(t.phoneHash)],
);

/**
 * One-time codes sent by SMS. Only a hash of the code is kept (with the phone's lookup hash), so a
 * database reader cannot sign in as anyone; `attempts` counts wrong tries against this code and
 * `consumedAt` ends it. Rows also carry the requesting address: the per-phone and per-address
 * limits are counted here, so they hold across processes.
 */
export const citizenOtps = pgTable(
  'citizen_otps',
  {
    id: uuid('id').primaryKey(),
    phoneHash: bytea('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    ip: text('ip'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('citizen_otps_phone_idx').on(t.phoneHash, t.createdAt),
    index('citizen_otps_ip_idx').on(t.ip, t.createdAt),
  ],
);

/** Portal sessions: their own table and cookie, never the staff `sessions` (issue 14). */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);
