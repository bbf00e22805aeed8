import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, startTestApp, type TestContext } from '../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../test/factories.ts';
import { runMaintenance } from './maintenance.ts';
import { idempotencyKeys, sessions } from '../db/schema/index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 30 });
});
afterAll(() => t.close());

describe('maintenance', () => {
  it('removes idle sessions and day-old idempotency records, and keeps live ones', async () => {
    const admin = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
    const old = new Session(t.app);
    await old.login(admin.username, PASSWORD);
    await old.post(
      '/api/v1/organisation-kinds',
      { code: 'kept_kind', nameZh: '保留类型', nameEn: 'Kept kind' },
      { 'idempotency-key': 'old-key' },
    );
    t.clock.advance(25 * 3_600_000);
    const fresh = new Session(t.app);
    await fresh.login(admin.username, PASSWORD);
    await fresh.post(
      '/api/v1/organisation-kinds',
      { code: 'fresh_kind', nameZh: '新类型', nameEn: 'Fresh kind' },
      { 'idempotency-key': 'new-key' },
    );
    expect(await runMaintenance(t.deps)).toMatchObject({ sessions: 1, idempotencyKeys: 1 });
    expect((await t.deps.db.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(['new-key']);
    expect(await t.deps.db.select().from(sessions)).toHaveLength(1);
    expect((await fresh.get('/api/v1/me')).statusCode).toBe(200);
  });
});
