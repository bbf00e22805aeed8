import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { connect, type Database } from '../src/db/client.ts';
import { rateLimitWindows, users } from '../src/db/schema/index.ts';
import { runMaintenance } from '../src/platform/maintenance.ts';
import { Session, startTestApp, type TestContext } from './harness.ts';
import { buildUser, PASSWORD } from './factories.ts';

const PER_ADDRESS = 5;
const PER_ACCOUNT = 3;

// Two app instances with their own connection pools over one database: what two processes
// behind a load balancer share is the database, and the limits must hold across them.
let t: TestContext;
let second: { app: FastifyInstance; database: Database };
beforeAll(async () => {
  t = await startTestApp({ loginLimitPerAddress: PER_ADDRESS, loginLimitPerAccount: PER_ACCOUNT });
  const database = connect(t.deps.config.databaseUrl!, 5);
  const app = await buildApp({ ...t.deps, db: database.db, pool: database.pool }, { logger: false });
  second = { app, database };
});
afterAll(async () => {
  await second.app.close();
  await second.database.close();
  await t.close();
});

const apps = () => [t.app, second.app];
const attempt = (app: FastifyInstance, username: string, password: string, remoteAddress = '203.0.113.7') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: { 'accept-language': 'en-US' },
    remoteAddress,
  } as InjectOptions);

describe('login rate limits shared by every process', () => {
  it('limits attempts per client address, across two instances, with 429 and Retry-After', async () => {
    const address = '198.51.100.20';
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      const answer = await attempt(apps()[i % 2]!, `someone-${i}`, 'Wrong-password-1', address);
      expect(answer.statusCode).toBe(401);
    }
    for (const [i, app] of apps().entries()) {
      const limited = await attempt(app, `someone-limited-${i}`, 'Wrong-password-1', address);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: 'Too many requests; try again later',
      });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // Another address is not held up, and the address may try again in the next minute.
    expect((await attempt(t.app, 'someone-next', 'Wrong-password-1', '198.51.100.21')).statusCode).toBe(401);
    t.clock.advance(60_000);
    expect((await attempt(second.app, 'someone-later', 'Wrong-password-1', address)).statusCode).toBe(401);
  });

  it('limits attempts per account from many addresses, across two instances; a limited attempt checks nothing', async () => {
    const user = await buildUser(t.deps);
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const name = i % 2 ? user.username.toUpperCase() : user.username;
      const answer = await attempt(apps()[i % 2]!, name, 'Wrong-password-1', `192.0.2.${i + 1}`);
      expect(answer.statusCode).toBe(401);
    }
    const limited = await attempt(second.app, user.username, PASSWORD, '192.0.2.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.failedLogins).toBe(PER_ACCOUNT);

    t.clock.advance(retryAfter * 1000);
    expect((await attempt(t.app, user.username, PASSWORD, '192.0.2.99')).statusCode).toBe(200);
  });

  it('limits an unknown username exactly like a known one', async () => {
    const answers = [];
    for (let i = 0; i <= PER_ACCOUNT; i += 1)
      answers.push(
        (await attempt(apps()[i % 2]!, 'no-such-user', 'Wrong-password-1', `192.0.2.${i + 50}`)).statusCode,
      );
    expect(answers).toEqual([...Array<number>(PER_ACCOUNT).fill(401), 429]);
  });

  it('keeps no username or address in the shared table, and maintenance removes ended windows', async () => {
    const keys = (await t.deps.db.select().from(rateLimitWindows)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/no-such-user|192\.0\.2|198\.51/);
    t.clock.advance(16 * 60_000);
    const purged = await runMaintenance(t.deps);
    expect(purged.rateLimitWindows).toBe(keys.length);
    expect(await t.deps.db.select().from(rateLimitWindows)).toEqual([]);
  });
});

describe('public endpoints limited in the shared store', () => {
  it('count one client address across two instances (60 a minute)', async () => {
    const call = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/deadlines',
        payload: { kind: 'review_decision', start: '2025-01-02T09:00:00+08:00' },
        remoteAddress: '203.0.113.99',
      } as InjectOptions);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await call(apps()[i % 2]!)).statusCode);
    expect(new Set(statuses)).toEqual(new Set([200]));
    for (const app of apps()) {
      const limited = await call(app);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('changing a password', () => {
  it('checks the current password no more often than the per-account limit allows (a stolen session cannot guess it)', async () => {
    const user = await buildUser(t.deps);
    const session = new Session(t.app, 'en-US');
    expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
    const change = (currentPassword: string) =>
      session.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword, newPassword: 'Quiet-harbour-lantern-42' },
      });
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const wrong = await change(`Wrong-guess-${i}-x9`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    }
    const [before] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    const limited = await change(PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [after] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toBe(before!.passwordHash);

    t.clock.advance(15 * 60_000);
    expect((await change(PASSWORD)).statusCode).toBe(204);
  });
});
