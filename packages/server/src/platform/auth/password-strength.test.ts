import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { ensureAdmin } from '../../bootstrap.ts';
import * as english from '@zxcvbn-ts/language-en';
import { passwordStrength } from './password-strength.ts';

let t: TestContext;
let admin: Session;

/** Both pass the old rule (10+ characters, letters and digits) and are among the first a guesser tries. */
const GUESSABLE = ['Password123', 'aaaaaaaaa1'];

beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  admin = new Session(t.app, 'en-US');
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

describe('password strength (zxcvbn with its common and English dictionaries)', () => {
  it('scores the common passwords low and a few unrelated words high', () => {
    for (const password of GUESSABLE) expect(passwordStrength(password).score).toBeLessThan(3);
    expect(passwordStrength('Correct-horse-42').score).toBeGreaterThanOrEqual(3);
  });

  it('counts the person’s own name and login and the product name as guessable', () => {
    expect(passwordStrength('zhangxiaoyan2026', ['zhangxiaoyan']).score).toBeLessThan(
      passwordStrength('zhangxiaoyan2026').score,
    );
    expect(passwordStrength('fayuan2026!').score).toBeLessThan(3);
  });
});

describe('every path that sets a password refuses a guessable one', () => {
  it('creating a user: 400 PASSWORD_TOO_GUESSABLE with the library’s feedback, no account made', async () => {
    for (const [i, password] of GUESSABLE.entries()) {
      const response = await admin.post('/api/v1/users', {
        username: `weak${i}`,
        displayName: '弱密码',
        organisationId: ORG.city,
        roles: ['reviewer'],
        password,
      });
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('PASSWORD_TOO_GUESSABLE');
      expect(error.details).toMatchObject({ requiredScore: 3 });
      expect(error.details.score).toBeLessThan(3);
      expect(error.message).toMatch(/^This password is too easy to guess/);
      // The library's warning comes after the fixed sentence, in the caller's language.
      expect(error.details.warning).toMatch(/^(common|simpleRepeat)$/);
      expect(error.message).toContain(english.translations.warnings[error.details.warning as 'common']);
      expect(
        await t.deps.db
          .select()
          .from(users)
          .where(eq(users.username, `weak${i}`)),
      ).toEqual([]);
    }
  });

  it('answers in Chinese with the warning translated', async () => {
    const zh = new Session(t.app, 'zh-CN');
    zh.cookie = admin.cookie;
    zh.csrfToken = admin.csrfToken;
    const response = await zh.post('/api/v1/users', {
      username: 'weakzh',
      displayName: '弱密码',
      organisationId: ORG.city,
      roles: ['reviewer'],
      password: 'Password123',
    });
    expect(response.json().error.code).toBe('PASSWORD_TOO_GUESSABLE');
    expect(response.json().error.message).toContain('这是常用密码');
  });

  it('a user changing their own password', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer'] });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    const [before] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    for (const newPassword of GUESSABLE) {
      const response = await session.post('/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('PASSWORD_TOO_GUESSABLE');
    }
    const [after] = await t.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);
    const fine = await session.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Lantern-river-2031',
    });
    expect(fine.statusCode, fine.body).toBe(204);
  });

  it('an administrator resetting a password', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer'] });
    for (const newPassword of GUESSABLE) {
      const response = await admin.post(`/api/v1/users/${user.id}/reset-password`, { newPassword });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('PASSWORD_TOO_GUESSABLE');
    }
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('the first administrator’s FAYUAN_ADMIN_PASSWORD', async () => {
    await expect(ensureAdmin(t.deps.db, t.deps.cipher, 'Password123', new Date())).rejects.toThrow(
      /too easy to guess/,
    );
  });

  it('the required score is configuration', async () => {
    const lenient = await startTestApp({ passwordMinScore: 1 });
    try {
      const user = await buildUser(lenient.deps, { roles: ['system_admin'], organisationId: ORG.city });
      const session = new Session(lenient.app);
      await session.login(user.username, PASSWORD);
      const response = await session.post('/api/v1/users', {
        username: 'lenient',
        displayName: '宽松',
        organisationId: ORG.city,
        roles: ['reviewer'],
        password: 'Password123',
      });
      expect(response.statusCode, response.body).toBe(201);
    } finally {
      await lenient.close();
    }
  });
});
