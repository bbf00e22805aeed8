import { randomUUID } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { personalFieldsOf } from '../../db/schema/personal-data.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { RequestOrigin } from '../context.ts';

export type Changes = Record<string, { before?: unknown; after?: unknown }>;

export interface AuditEntry {
  /** `<area>.<verb>`, e.g. `user.create`, `case_file.read`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Changes | null;
  /** The organisation the event belongs to when no signed-in actor names it (e.g. a failed login). */
  organisationId?: string | null;
}

const CHAIN_LOCK = 7413002;
export const GENESIS_HASH = '0'.repeat(64);
const MASK = '***';

/**
 * Appends one audit row inside the caller's transaction, so the row exists exactly when the change
 * it records does. Rows are chained: a transaction-level advisory lock orders appends, and each
 * hash is an HMAC over the row and the previous hash (a keyed chain: rewriting it needs the key).
 */
export async function recordAudit(
  tx: Tx,
  deps: { cipher: FieldCipher; at: Date },
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const actor = origin.actor;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: deps.at,
    actorId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    actorRoles: actor?.roles ?? [],
    organisationId: actor?.organisationId ?? entry.organisationId ?? null,
    ip: origin.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ? maskPersonal(entry.entityType, entry.changes) : null,
    requestId: origin.requestId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...row, hash: chainHash(deps.cipher, row) });
}

type ChainFields = Omit<typeof auditEvents.$inferSelect, 'hash'>;

function chainHash(cipher: FieldCipher, row: ChainFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.actorUsername,
    row.actorRoles,
    row.organisationId,
    row.ip,
    row.action,
    row.entityType,
    row.entityId,
    canonicalJson(row.changes),
    row.requestId,
    row.prevHash,
  ]);
  return cipher.sign('audit-chain/v1', canonical);
}

/** JSON with sorted keys: jsonb does not keep key order, so the hash must not depend on it. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function maskPersonal(entityType: string, changes: Changes): Changes {
  const personal = personalFieldsOf(entityType);
  const masked: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    masked[field] = personal.has(field)
      ? {
          ...('before' in change ? { before: change.before == null ? null : MASK } : {}),
          ...('after' in change ? { after: change.after == null ? null : MASK } : {}),
        }
      : change;
  }
  return masked;
}

/** The before/after pairs of the fields that differ. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(value))
      changes[field] = { before: before[field], after: value };
  }
  return changes;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: number;
}

/** Recomputes every hash in order; reports the first row whose content or link does not match. */
export async function verifyAuditChain(
  db: Queryable,
  cipher: FieldCipher,
  batch = 5000,
  /** Sees each verified row's number and hash (the checkpoints compare against them). */
  onRow?: (seq: number, hash: string) => void,
): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    for (const row of rows) {
      const { hash, ...fields } = row;
      if (row.seq !== expectedSeq || row.prevHash !== prevHash || chainHash(cipher, fields) !== hash)
        return { ok: false, checked, brokenAt: expectedSeq };
      onRow?.(row.seq, hash);
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batch) return { ok: true, checked };
  }
}
