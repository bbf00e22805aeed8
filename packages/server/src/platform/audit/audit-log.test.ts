import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { verifyAuditChain } from './audit-log.ts';

let t: TestContext;
let admin: Session;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  adminId = user.id;
  admin = new Session(t.app);
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

type Event = {
  action: string;
  entityId: string;
  actorId: string;
  ip: string;
  organisationId: string;
  changes: Record<string, { before?: unknown; after?: unknown }> | null;
};

async function eventsFor(entityId: string): Promise<Event[]> {
  return (await admin.get(`/api/v1/audit-events?entityId=${entityId}&sort=seq`)).json().items;
}

describe('audit log', () => {
  it('records who changed what, with personal fields masked', async () => {
    const created = (
      await admin.post('/api/v1/users', {
        username: 'audited',
        displayName: '李四',
        organisationId: ORG.chaoyang,
        roles: ['reviewer'],
        password: 'Valid-password-1',
        phone: '13812345678',
      })
    ).json();
    await admin.patch(`/api/v1/users/${created.id}`, { displayName: '李四（改）', phone: '13900000000' });
    const events = await eventsFor(created.id);
    expect(events.map((e) => e.action)).toEqual(['user.create', 'user.update']);
    const [create, update] = events;
    expect(create).toMatchObject({ actorId: adminId, organisationId: ORG.city });
    expect(create?.changes?.phone).toEqual({ after: '***' });
    expect(update?.changes?.displayName).toEqual({ before: '李四', after: '李四（改）' });
    expect(update?.changes?.phone).toEqual({ before: '***', after: '***' });
    expect(JSON.stringify(events)).not.toContain('1381234');
  });

  it('records reads of records holding personal data', async () => {
    const user = await buildUser(t.deps, { organisationId: ORG.haidian });
    await admin.get(`/api/v1/users/${user.id}`);
    expect((await eventsFor(user.id)).map((e) => e.action)).toEqual(['users.read']);
  });

  it('records logins, failed logins and lockouts', async () => {
    const user = await buildUser(t.deps);
    await new Session(t.app).login(user.username, PASSWORD);
    for (let i = 0; i < 5; i += 1) await new Session(t.app).login(user.username, 'Wrong-password-1');
    const actions = (await eventsFor(user.id)).map((e) => e.action);
    expect(actions).toEqual(['auth.login', ...Array(4).fill('auth.login_failed'), 'auth.lockout']);
  });

  it('filters by action and time', async () => {
    const page = (await admin.get('/api/v1/audit-events?action=user.create&pageSize=5')).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e: Event) => e.action === 'user.create')).toBe(true);
    const future = (await admin.get('/api/v1/audit-events?from=2100-01-01T00:00:00Z')).json();
    expect(future.total).toBe(0);
  });

  it('refuses to update or delete audit rows', async () => {
    await expect(t.deps.db.execute(sql`UPDATE audit_events SET action = 'x'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
  });

  it('keeps an unbroken hash chain, and shows where someone tampered with it', async () => {
    const intact = (await admin.get('/api/v1/audit-events/verify')).json();
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(5);
    // Someone with database superuser rights bypasses the trigger and rewrites history.
    await t.superuser().db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await tx.execute(sql`UPDATE audit_events SET ip = '10.0.0.9' WHERE seq = 3`);
      await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    expect(await verifyAuditChain(t.deps.db, t.deps.cipher)).toMatchObject({ ok: false, brokenAt: 3 });
    expect((await admin.get('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('is available as a command that exits non-zero on a broken chain', () => {
    const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const run = spawnSync('npx', ['tsx', 'src/cli/verify-audit.ts'], {
      cwd: server,
      env: { ...process.env, DATABASE_URL: t.deps.config.databaseUrl, FAYUAN_SECRET_KEY: 'x'.repeat(40) },
      encoding: 'utf8',
    });
    // A different key cannot reproduce the keyed chain: the first row already fails.
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('BROKEN at event #1');
  });
});
