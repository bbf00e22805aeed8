import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
});
afterAll(() => t.close());

describe('login', () => {
  it('opens a session with an HttpOnly SameSite cookie and returns the user and a CSRF token', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer', 'window_staff'] });
    const response = await new Session(t.app).login(user.username, PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ username: user.username, roles: ['reviewer', 'window_staff'] });
    expect(body.user.organisation.name).toBe('北京市法律援助中心');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = response.cookies.find((c) => c.name === 'fayuan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('accepts the username in any letter case', async () => {
    const user = await buildUser(t.deps, { username: 'MixedCase' });
    expect((await new Session(t.app).login('mixedcase', PASSWORD)).statusCode).toBe(200);
    expect(user.username).toBe('MixedCase');
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const user = await buildUser(t.deps);
    const unknown = await new Session(t.app).login('nobody-here', PASSWORD);
    const wrong = await new Session(t.app).login(user.username, 'Wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.json().error).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: '用户名或密码错误',
    });
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const user = await buildUser(t.deps);
    for (let i = 0; i < 5; i += 1) await new Session(t.app).login(user.username, 'Wrong-password-1');
    const locked = await new Session(t.app).login(user.username, PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    t.clock.advance(14 * 60_000);
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(401);
    t.clock.advance(61_000);
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const admin = await buildUser(t.deps, { roles: ['system_admin'] });
    const user = await buildUser(t.deps);
    const session = new Session(t.app);
    await session.login(admin.username, PASSWORD);
    expect((await session.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    const response = await new Session(t.app).login(user.username, PASSWORD);
    expect(response.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});

describe('sessions', () => {
  it('requires a session for the API and says so in the caller’s language', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('Please log in');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await buildUser(t.deps);
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    const response = await session.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': 'forged-token-value-000000000' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('logs out this session only, or every session', async () => {
    const user = await buildUser(t.deps);
    const [a, b, c] = [new Session(t.app), new Session(t.app), new Session(t.app)];
    for (const s of [a, b, c]) await s.login(user.username, PASSWORD);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const user = await buildUser(t.deps);
    const idle = new Session(t.app);
    await idle.login(user.username, PASSWORD);
    t.clock.advance(29 * 60_000);
    expect((await idle.get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await idle.get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await idle.get('/api/v1/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('AUTH_SESSION_EXPIRED');

    const busy = new Session(t.app);
    await busy.login(user.username, PASSWORD);
    for (let hour = 0; hour < 12; hour += 1) {
      t.clock.advance(20 * 60_000);
      await busy.get('/api/v1/me');
      t.clock.advance(20 * 60_000);
      await busy.get('/api/v1/me');
      t.clock.advance(20 * 60_000);
      await busy.get('/api/v1/me');
    }
    expect((await busy.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('makes a user with a temporary password change it before anything else', async () => {
    const user = await buildUser(t.deps, { mustChangePassword: true, roles: ['system_admin'] });
    const session = new Session(t.app);
    const login = await session.login(user.username, PASSWORD);
    expect(login.json().user.mustChangePassword).toBe(true);
    const blocked = await session.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await session.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'New-password-2027',
    });
    expect(changed.statusCode).toBe(204);
    expect((await session.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('enforces the password rules and the current password', async () => {
    const user = await buildUser(t.deps, { username: 'wangwu' });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    const weak = await session.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short1',
    });
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const noDigits = await session.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'onlyletters-here',
    });
    expect(noDigits.json().error.details.problems).toContain('needs_letter_and_digit');
    const withName = await session.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'wangwu-2026-x',
    });
    expect(withName.json().error.details.problems).toContain('contains_username');
    const wrong = await session.post('/api/v1/auth/password', {
      currentPassword: 'Not-the-one-1',
      newPassword: 'Fine-password-2026',
    });
    expect(wrong.json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('ends the user’s other sessions when the password changes, keeping this one', async () => {
    const user = await buildUser(t.deps);
    const here = new Session(t.app);
    const elsewhere = new Session(t.app);
    await here.login(user.username, PASSWORD);
    await elsewhere.login(user.username, PASSWORD);
    await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Another-pass-2026' });
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await new Session(t.app).login(user.username, 'Another-pass-2026')).statusCode).toBe(200);
  });

  it('keeps the interface language the user chose', async () => {
    const user = await buildUser(t.deps);
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    expect((await session.get('/api/v1/me')).json().user.locale).toBe('zh-CN');
    expect((await session.patch('/api/v1/me', { locale: 'en-US' })).json().user.locale).toBe('en-US');
    const again = new Session(t.app);
    expect((await again.login(user.username, PASSWORD)).json().user.locale).toBe('en-US');
    expect((await session.patch('/api/v1/me', { locale: 'fr-FR' })).statusCode).toBe(400);
  });
});
