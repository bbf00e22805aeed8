import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, users } from '../src/db/schema/index.ts';
import { verifyPassword } from '../src/platform/auth/passwords.ts';
import type * as Passwords from '../src/platform/auth/passwords.ts';
import { MAX_FAILED_LOGINS } from '../src/modules/auth/login.ts';
import { Session, startTestApp, type TestContext } from './harness.ts';
import { buildUser, ORG, PASSWORD } from './factories.ts';

// Counts the password checks made against a stored hash (the real argon2 check still runs). The
// dummy check for unknown and locked accounts calls the module's own function and is not counted.
vi.mock('../src/platform/auth/passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verified = vi.mocked(verifyPassword);

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => verified.mockClear());

const WRONG = 'Wrong-password-1';

async function hashOf(userId: string): Promise<string> {
  const [row] = await t.deps.db.select().from(users).where(eq(users.id, userId));
  return row!.passwordHash;
}
const checksOf = (hash: string) => verified.mock.calls.filter(([stored]) => stored === hash).length;
const attempt = (username: string, password: string, requestId?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: { 'accept-language': 'zh-CN', ...(requestId ? { 'x-request-id': requestId } : {}) },
  });
async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.deps.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'users'), eq(auditEvents.entityId, userId)))
    .orderBy(auditEvents.seq);
  return rows.map((r) => r.action);
}

describe('login lockout under parallel attempts', () => {
  it('40 parallel attempts with the right password last never log in, and verify at most 5 passwords', async () => {
    const user = await buildUser(t.deps);
    const passwords = [...Array<string>(39).fill(WRONG), PASSWORD];
    const answers = await Promise.all(passwords.map((p) => attempt(user.username, p)));

    expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(401));
    expect(answers.every((a) => a.json().error.code === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    expect(checksOf(await hashOf(user.id))).toBe(MAX_FAILED_LOGINS);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(await auditActions(user.id)).toEqual([...Array(4).fill('auth.login_failed'), 'auth.lockout']);
  });

  it('100 parallel wrong passwords verify no more than the allowed attempts', async () => {
    const user = await buildUser(t.deps);
    const answers = await Promise.all(Array.from({ length: 100 }, () => attempt(user.username, WRONG)));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([401]));
    expect(checksOf(await hashOf(user.id))).toBe(MAX_FAILED_LOGINS);
  });

  it('never verifies the password of a locked account, even the right one', async () => {
    const user = await buildUser(t.deps);
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await attempt(user.username, WRONG);
    verified.mockClear();
    expect((await attempt(user.username, PASSWORD)).statusCode).toBe(401);
    expect(checksOf(await hashOf(user.id))).toBe(0);
  });

  it('answers an unknown user, a wrong password and a locked account byte for byte alike', async () => {
    const user = await buildUser(t.deps);
    const locked = await buildUser(t.deps);
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await attempt(locked.username, WRONG);

    const unknown = await attempt('nobody-at-all', PASSWORD, 'same-request-id');
    const wrong = await attempt(user.username, WRONG, 'same-request-id');
    const lockedAnswer = await attempt(locked.username, PASSWORD, 'same-request-id');
    const headersOf = (a: typeof unknown) => {
      const { date: _date, ...rest } = a.headers;
      return rest;
    };
    for (const other of [wrong, lockedAnswer]) {
      expect(other.statusCode).toBe(unknown.statusCode);
      expect(other.body).toBe(unknown.body);
      expect(headersOf(other)).toEqual(headersOf(unknown));
    }
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: '用户名或密码错误',
    });
  });
});

describe('POST /users/:id/unlock', () => {
  it('lets an administrator lift a lock, with an audit row; the user then logs in', async () => {
    const admin = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
    const user = await buildUser(t.deps);
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await attempt(user.username, WRONG);
    const session = new Session(t.app);
    await session.login(admin.username, PASSWORD);

    const shown = await session.get(`/api/v1/users/${user.id}`);
    expect(shown.json().lockedUntil).not.toBeNull();

    const unlocked = await session.post(`/api/v1/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: user.id, lockedUntil: null });
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ lockedUntil: null, failedLogins: 0 });

    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.unlock'), eq(auditEvents.entityId, user.id)));
    expect(audit).toMatchObject({ actorId: admin.id, entityType: 'users' });

    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('answers 409 USER_NOT_LOCKED for an account that is not locked, and changes nothing', async () => {
    const admin = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
    const user = await buildUser(t.deps);
    await attempt(user.username, WRONG);
    const session = new Session(t.app);
    await session.login(admin.username, PASSWORD);
    const answer = await session.post(`/api/v1/users/${user.id}/unlock`);
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error).toMatchObject({
      code: 'USER_NOT_LOCKED',
      message: '该账号未被锁定，无需解锁',
    });
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.failedLogins).toBe(1);
    expect(await auditActions(user.id)).not.toContain('user.unlock');
  });

  it('is refused to staff without user administration', async () => {
    const staff = await buildUser(t.deps, { roles: ['reviewer'] });
    const user = await buildUser(t.deps);
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await attempt(user.username, WRONG);
    const session = new Session(t.app);
    await session.login(staff.username, PASSWORD);
    expect((await session.post(`/api/v1/users/${user.id}/unlock`)).statusCode).toBe(403);
  });
});
