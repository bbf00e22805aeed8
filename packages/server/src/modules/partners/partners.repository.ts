import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { PartnerKind, PartnerOperation } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { organisations, partnerKeys, partnerRequestLog, partners } from '../../db/schema/index.ts';
import { pathInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import type { z } from 'zod';
import type { partnerListQuery, PartnerView, requestLogQuery } from './partners.schemas.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 15 random bytes as 24 upper-case base32 letters: a key id reads as an id, never as a code word. */
function randomId(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * A new key: `fy_…` signs the partner's requests, `fyo_…` signs Fayuan's callbacks to it. The
 * secret is 32 random bytes, base64url.
 */
export function newPartnerKey(direction: 'inbound' | 'outbound'): { keyId: string; secret: string } {
  return {
    keyId: (direction === 'inbound' ? 'fy_' : 'fyo_') + randomId(),
    secret: randomBytes(32).toString('base64url'),
  };
}

const lastRequestAt = sql<Date | null>`(SELECT max(${partnerRequestLog.at}) FROM ${partnerRequestLog} WHERE ${partnerRequestLog.partnerId} = ${partners.id})`;

const partnerColumns = {
  id: partners.id,
  kind: partners.kind,
  name: partners.name,
  organisationId: partners.organisationId,
  organisationName: organisations.name,
  userId: partners.userId,
  operations: partners.operations,
  callbackUrl: partners.callbackUrl,
  rateLimitPerMinute: partners.rateLimitPerMinute,
  active: partners.active,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
  lastRequestAt: lastRequestAt.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
};
export type PartnerRow = {
  id: string;
  kind: PartnerKind;
  name: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  operations: string[];
  callbackUrl: string | null;
  rateLimitPerMinute: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastRequestAt: Date | null;
};

/** A partner whose organisation lies in the scope; `forUpdate` locks its row. */
export async function findPartner(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<PartnerRow | undefined> {
  const query = db
    .select(partnerColumns)
    .from(partners)
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .where(and(eq(partners.id, id), pathInScope(scope, organisations.path)));
  const [row] = forUpdate ? await query.for('update', { of: partners }) : await query;
  return row as PartnerRow | undefined;
}

export async function listPartners(
  db: Queryable,
  scope: DataScope,
  q: z.infer<typeof partnerListQuery>,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const conditions: SQL[] = [pathInScope(scope, organisations.path)];
  if (q.q) conditions.push(ilike(partners.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.kind) conditions.push(eq(partners.kind, q.kind));
  if (q.organisationId) conditions.push(eq(partners.organisationId, q.organisationId));
  if (q.active) conditions.push(eq(partners.active, q.active === 'true'));
  const where = and(...conditions);
  const rows = await db
    .select(partnerColumns)
    .from(partners)
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        { name: partners.name, createdAt: partners.createdAt },
        asc(partners.name),
        partners.id,
      ),
    )
    .limit(limitOffset(q).limit)
    .offset(limitOffset(q).offset);
  const [total] = await db
    .select({ n: count() })
    .from(partners)
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .where(where);
  return { rows: rows as PartnerRow[], total: total?.n ?? 0 };
}

export function presentPartner(row: PartnerRow): PartnerView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    operations: row.operations as PartnerOperation[],
    callbackUrl: row.callbackUrl,
    rateLimitPerMinute: row.rateLimitPerMinute,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastRequestAt: row.lastRequestAt?.toISOString() ?? null,
  };
}

export function keyIsLive(key: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): boolean {
  return !key.revokedAt && (!key.expiresAt || key.expiresAt > now);
}

/** The partner's keys without their secrets, newest first. */
export async function partnerKeysOf(db: Queryable, partnerId: string, now: Date) {
  const rows = await db
    .select({
      keyId: partnerKeys.keyId,
      direction: partnerKeys.direction,
      createdAt: partnerKeys.createdAt,
      expiresAt: partnerKeys.expiresAt,
      revokedAt: partnerKeys.revokedAt,
      lastUsedAt: partnerKeys.lastUsedAt,
    })
    .from(partnerKeys)
    .where(eq(partnerKeys.partnerId, partnerId))
    .orderBy(desc(partnerKeys.createdAt), asc(partnerKeys.keyId));
  return rows.map((k) => ({
    keyId: k.keyId,
    direction: k.direction,
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    live: keyIsLive(k, now),
  }));
}

export async function requestLogOf(db: Queryable, partnerId: string, q: z.infer<typeof requestLogQuery>) {
  const conditions: SQL[] = [eq(partnerRequestLog.partnerId, partnerId)];
  if (q.status !== undefined) conditions.push(eq(partnerRequestLog.status, q.status));
  if (q.operation) conditions.push(eq(partnerRequestLog.operation, q.operation));
  if (q.errorCode) conditions.push(eq(partnerRequestLog.errorCode, q.errorCode));
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(partnerRequestLog)
    .where(where)
    .orderBy(desc(partnerRequestLog.at), desc(partnerRequestLog.id))
    .limit(limitOffset(q).limit)
    .offset(limitOffset(q).offset);
  const [total] = await db.select({ n: count() }).from(partnerRequestLog).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      keyId: r.keyId,
      method: r.method,
      path: r.path,
      operation: r.operation,
      status: r.status,
      latencyMs: r.latencyMs,
      errorCode: r.errorCode,
      requestId: r.requestId,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total: total?.n ?? 0,
  };
}
