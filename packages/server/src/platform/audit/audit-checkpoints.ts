import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditCheckpoints, auditEvents } from '../../db/schema/index.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { GENESIS_HASH, verifyAuditChain } from './audit-log.ts';

/**
 * Signed checkpoints of the audit chain's head (ADR 0008). The chain alone proves that no row in
 * it was changed; it cannot prove that rows were not cut off its end. A checkpoint records how
 * many events there were and the last one's hash, signed with a key derived for this purpose
 * only, in a table the app role can only append to, and in embedded mode also in a file of the
 * data folder, so that a later verification sees a tail that has gone.
 */
export interface Checkpoint {
  id: string;
  eventCount: number;
  lastEventId: string | null;
  lastHash: string;
  takenAt: Date;
  signature: string;
}

export const CHECKPOINT_FILE = 'audit-checkpoint.json';

/** The newest checkpoint goes to this file too when the app runs on its own data folder. */
export interface CheckpointDeps {
  db: Queryable;
  cipher: FieldCipher;
  /** Set in embedded mode: the folder of `audit-checkpoint.json`. */
  checkpointDir?: string | undefined;
}

/** The app's dependencies seen from here: the file only when the app runs on its own data folder. */
export function checkpointDepsOf(deps: {
  db: Queryable;
  cipher: FieldCipher;
  config: { databaseUrl: string | undefined; dataDir: string };
}): CheckpointDeps {
  return {
    db: deps.db,
    cipher: deps.cipher,
    checkpointDir: deps.config.databaseUrl ? undefined : deps.config.dataDir,
  };
}

/** The signature a checkpoint with these fields must carry. */
export function checkpointSignature(cipher: FieldCipher, fields: Omit<Checkpoint, 'signature'>): string {
  return cipher.signCheckpoint(signed(fields));
}

function signed(fields: Omit<Checkpoint, 'signature'>): string {
  return JSON.stringify([
    'audit-checkpoint/v1',
    fields.id,
    fields.eventCount,
    fields.lastEventId,
    fields.lastHash,
    fields.takenAt.toISOString(),
  ]);
}

export type CheckpointTaken =
  { taken: true; checkpoint: Checkpoint } | { taken: false; reason: 'unchanged' | 'previous_missing' };

/**
 * Signs the chain's current head. Nothing is written when the head has not moved since the
 * newest checkpoint, nor when that checkpoint's event is no longer where it was: signing a
 * shortened chain would bless the cut (verification reports it instead).
 */
export async function takeCheckpoint(deps: CheckpointDeps, at: Date): Promise<CheckpointTaken> {
  const [head] = await deps.db
    .select({ seq: auditEvents.seq, id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const [previous] = await deps.db
    .select()
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.eventCount), desc(auditCheckpoints.takenAt))
    .limit(1);
  const eventCount = head?.seq ?? 0;
  if (previous) {
    if (previous.eventCount === eventCount && previous.lastHash === (head?.hash ?? GENESIS_HASH))
      return { taken: false, reason: 'unchanged' };
    const [still] = await deps.db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.seq, previous.eventCount));
    if (previous.eventCount > 0 && still?.hash !== previous.lastHash)
      return { taken: false, reason: 'previous_missing' };
  }
  const fields = {
    id: randomUUID(),
    eventCount,
    lastEventId: head?.id ?? null,
    lastHash: head?.hash ?? GENESIS_HASH,
    takenAt: at,
  };
  const checkpoint = { ...fields, signature: checkpointSignature(deps.cipher, fields) };
  await deps.db.insert(auditCheckpoints).values(checkpoint);
  if (deps.checkpointDir) await writeCheckpointFile(deps.checkpointDir, checkpoint);
  return { taken: true, checkpoint };
}

async function writeCheckpointFile(dir: string, checkpoint: Checkpoint): Promise<void> {
  const file = path.join(dir, CHECKPOINT_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(
    temporary,
    JSON.stringify({ ...checkpoint, takenAt: checkpoint.takenAt.toISOString() }),
    {
      mode: 0o600,
    },
  );
  await fs.rename(temporary, file);
}

async function readCheckpointFile(dir: string): Promise<Checkpoint | undefined> {
  try {
    const raw = JSON.parse(await fs.readFile(path.join(dir, CHECKPOINT_FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    return {
      id: String(raw.id),
      eventCount: Number(raw.eventCount),
      lastEventId: typeof raw.lastEventId === 'string' ? raw.lastEventId : null,
      lastHash: String(raw.lastHash),
      takenAt: new Date(String(raw.takenAt)),
      signature: String(raw.signature),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // An unreadable file is a checkpoint nobody can vouch for.
    return {
      id: 'file',
      eventCount: 0,
      lastEventId: null,
      lastHash: '',
      takenAt: new Date(0),
      signature: '',
    };
  }
}

/**
 * - `ok`: the chain is intact and agrees with every checkpoint.
 * - `chain_broken`: a row was changed or removed inside the chain (`brokenAt`).
 * - `checkpoint_forged`: a checkpoint's signature is wrong: written without the key.
 * - `tail_truncated`: a checkpoint counts more events than there are, or the newest checkpoint's
 *   last event is gone (cut off, then the chain grew again).
 * - `checkpoint_mismatch`: the event at a checkpoint's count is not the one it signed.
 */
export type AuditOutcome =
  'ok' | 'chain_broken' | 'checkpoint_forged' | 'tail_truncated' | 'checkpoint_mismatch';

export interface AuditVerification {
  ok: boolean;
  outcome: AuditOutcome;
  /** Events whose hashes were recomputed (all of them when the chain is intact). */
  checked: number;
  brokenAt?: number;
  /** Checkpoints compared with the chain. */
  checkpoints: number;
  /** The checkpoint at fault, or the newest one when all is well. */
  checkpoint?: { eventCount: number; takenAt: string };
}

const brief = (c: Checkpoint) => ({ eventCount: c.eventCount, takenAt: c.takenAt.toISOString() });

/** The chain, then the checkpoints (the table's and the data folder's file) against it. */
export async function verifyAudit(deps: CheckpointDeps): Promise<AuditVerification> {
  // Read before the walk: events only grow, so every checkpoint read here is covered by the walk.
  const stored = await deps.db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.takenAt));
  const fromFile = deps.checkpointDir ? await readCheckpointFile(deps.checkpointDir) : undefined;
  // The file usually repeats a row of the table: counted once when it is the same checkpoint.
  const sameAsStored = stored.some((c) => c.id === fromFile?.id && c.signature === fromFile.signature);
  const all: Checkpoint[] = fromFile && !sameAsStored ? [...stored, fromFile] : stored;
  const newest = all.reduce<Checkpoint | undefined>(
    (best, c) =>
      !best ||
      c.eventCount > best.eventCount ||
      (c.eventCount === best.eventCount && c.takenAt > best.takenAt)
        ? c
        : best,
    undefined,
  );

  const wanted = new Set(all.map((c) => c.eventCount));
  const hashAt = new Map<number, string>([[0, GENESIS_HASH]]);
  let newestSeen = !newest || newest.lastHash === GENESIS_HASH;
  const chain = await verifyAuditChain(deps.db, deps.cipher, 5000, (seq, hash) => {
    if (wanted.has(seq)) hashAt.set(seq, hash);
    if (!newestSeen && hash === newest?.lastHash) newestSeen = true;
  });
  const base = { checked: chain.checked, checkpoints: all.length };
  if (!chain.ok) return { ok: false, outcome: 'chain_broken', ...base, brokenAt: chain.brokenAt };

  const forged = all.find((c) => !deps.cipher.checkpointSignatureValid(signed(c), c.signature));
  if (forged) return { ok: false, outcome: 'checkpoint_forged', ...base, checkpoint: brief(forged) };

  const beyond = all.find((c) => c.eventCount > chain.checked);
  if (beyond) return { ok: false, outcome: 'tail_truncated', ...base, checkpoint: brief(beyond) };
  if (newest && !newestSeen)
    return { ok: false, outcome: 'tail_truncated', ...base, checkpoint: brief(newest) };

  const mismatch = all.find((c) => hashAt.get(c.eventCount) !== c.lastHash);
  if (mismatch) return { ok: false, outcome: 'checkpoint_mismatch', ...base, checkpoint: brief(mismatch) };

  return { ok: true, outcome: 'ok', ...base, ...(newest ? { checkpoint: brief(newest) } : {}) };
}

/** Verification, and a new checkpoint of the head it has just proved intact. */
export async function verifyAndCheckpoint(deps: CheckpointDeps, at: Date): Promise<AuditVerification> {
  const result = await verifyAudit(deps);
  if (result.ok) await takeCheckpoint(deps, at);
  return result;
}
