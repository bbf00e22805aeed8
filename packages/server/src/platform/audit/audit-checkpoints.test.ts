import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, sql } from 'drizzle-orm';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { auditCheckpoints } from '../../db/schema/index.ts';
import { CHECKPOINT_FILE, checkpointSignature, takeCheckpoint, verifyAudit } from './audit-checkpoints.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let t: TestContext;
let admin: Session;

/** A few audited actions: each login writes an audit row. */
async function someEvents(n: number): Promise<void> {
  const user = await buildUser(t.deps);
  for (let i = 0; i < n; i += 1) await new Session(t.app).login(user.username, PASSWORD);
}

/** What an attacker with superuser rights does: cuts the newest audit rows off the chain. */
async function cutTail(rows: number): Promise<void> {
  await t.superuser().db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await tx.execute(sql`DELETE FROM audit_events WHERE seq > (SELECT max(seq) FROM audit_events) - ${rows}`);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
  });
}

function runCli() {
  return spawnSync('npx', ['tsx', 'src/cli/verify-audit.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: t.deps.config.databaseUrl,
      FAYUAN_SECRET_KEY: t.deps.config.secretKey,
    },
    encoding: 'utf8',
  });
}

async function start() {
  t = await startTestApp();
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  admin = new Session(t.app);
  await admin.login(user.username, PASSWORD);
}

describe('audit checkpoints', () => {
  beforeAll(start);
  afterAll(() => t.close());

  it('signs a checkpoint of the head after a verification that passes, and only when the head moved', async () => {
    await someEvents(3);
    const first = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(first).toMatchObject({ ok: true, outcome: 'ok' });
    const [stored] = await t.deps.db.select({ n: count() }).from(auditCheckpoints);
    expect(stored?.n).toBe(1);
    // The verification read is not itself audited, so nothing new to sign.
    expect(await takeCheckpoint({ db: t.deps.db, cipher: t.deps.cipher }, t.clock.now())).toEqual({
      taken: false,
      reason: 'unchanged',
    });
    await someEvents(2);
    const second = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(second).toMatchObject({ ok: true, outcome: 'ok', checkpoints: 1 });
    expect(second.checkpoint.eventCount).toBe(first.checked);
    const [after] = await t.deps.db.select({ n: count() }).from(auditCheckpoints);
    expect(after?.n).toBe(2);
  });

  it('reports a checkpoint written without the key as forged', async () => {
    // The app role may INSERT checkpoints; without the key it cannot sign one.
    await t.deps.db.insert(auditCheckpoints).values({
      id: randomUUID(),
      eventCount: 1,
      lastEventId: null,
      lastHash: '0'.repeat(64),
      takenAt: t.clock.now(),
      signature: 'f'.repeat(64),
    });
    const result = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(result).toMatchObject({ ok: false, outcome: 'checkpoint_forged', checkpoint: { eventCount: 1 } });
    const cli = runCli();
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('FORGED');
  });
});

describe('a deleted tail', () => {
  beforeAll(start);
  afterAll(() => t.close());

  it('is detected by the route and the command as tail_truncated', async () => {
    await someEvents(4);
    expect((await admin.get('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true });
    await cutTail(2);
    // The chain that is left is intact: without the checkpoint nothing would notice.
    const result = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(result).toMatchObject({ ok: false, outcome: 'tail_truncated' });
    expect(result.checkpoint.eventCount).toBe(result.checked + 2);
    const cli = runCli();
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('TRUNCATED');
  });

  it('stays detected after the chain grows past the cut, and is not signed over by the job', async () => {
    await someEvents(5);
    const result = await verifyAudit({ db: t.deps.db, cipher: t.deps.cipher });
    expect(result.checked).toBeGreaterThan(result.checkpoint?.eventCount ?? Infinity);
    expect(result.outcome).toBe('tail_truncated');
    expect(await takeCheckpoint({ db: t.deps.db, cipher: t.deps.cipher }, t.clock.now())).toEqual({
      taken: false,
      reason: 'previous_missing',
    });
  });
});

describe('the checkpoint file in the data folder', () => {
  let dir: string;
  beforeAll(start);
  afterAll(() => t.close());
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('still shows a cut tail when the checkpoint table was emptied too', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-checkpoint-'));
    const deps = { db: t.deps.db, cipher: t.deps.cipher, checkpointDir: dir };
    await someEvents(3);
    expect(await takeCheckpoint(deps, t.clock.now())).toMatchObject({ taken: true });
    const file = JSON.parse(await fs.readFile(path.join(dir, CHECKPOINT_FILE), 'utf8'));
    expect(file.eventCount).toBeGreaterThan(2);
    await cutTail(1);
    await t.superuser().db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update`);
      await tx.execute(sql`DELETE FROM audit_checkpoints`);
      await tx.execute(sql`ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update`);
    });
    expect(await verifyAudit({ db: t.deps.db, cipher: t.deps.cipher })).toMatchObject({ ok: true });
    expect(await verifyAudit(deps)).toMatchObject({ ok: false, outcome: 'tail_truncated' });
  });
});

describe('a checkpoint that disagrees with the chain', () => {
  beforeAll(start);
  afterAll(() => t.close());

  it('is reported as checkpoint_mismatch', async () => {
    await someEvents(3);
    const rows = await t.deps.db.execute<{ hash: string }>(sql`SELECT hash FROM audit_events WHERE seq = 2`);
    // Signed with the key, but naming event 2's hash at count 1: the chain there says otherwise.
    const fields = {
      id: randomUUID(),
      eventCount: 1,
      lastEventId: null,
      lastHash: rows.rows[0]?.hash ?? '',
      takenAt: t.clock.now(),
    };
    await t.deps.db
      .insert(auditCheckpoints)
      .values({ ...fields, signature: checkpointSignature(t.deps.cipher, fields) });
    await takeCheckpoint({ db: t.deps.db, cipher: t.deps.cipher }, t.clock.now());
    const result = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(result).toMatchObject({
      ok: false,
      outcome: 'checkpoint_mismatch',
      checkpoint: { eventCount: 1 },
    });
  });
});
