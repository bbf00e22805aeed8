import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;
let admin: Session;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  adminId = user.id;
  admin = new Session(t.app, 'en-US');
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

describe('user administration', () => {
  it('creates an account that must change its password at first login, with the phone encrypted', async () => {
    const response = await admin.post('/api/v1/users', {
      username: 'zhaoliu',
      displayName: '赵六',
      organisationId: ORG.chaoyangStreet,
      roles: ['workstation_staff'],
      password: 'Temp-password-1',
      phone: '13700001111',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'zhaoliu',
      organisationName: '朝外街道法律援助工作站',
      roles: ['workstation_staff'],
      status: 'active',
      phoneMasked: '137****1111',
      mustChangePassword: true,
    });
    const [row] = await t.deps.db.select().from(users).where(eq(users.username, 'zhaoliu'));
    expect(row?.phoneSealed?.toString('latin1')).not.toContain('13700001111');
    expect(row?.phoneHash?.equals(t.deps.cipher.lookupHash('13700001111'))).toBe(true);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await new Session(t.app).login('zhaoliu', 'Temp-password-1');
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a taken username in any letter case', async () => {
    await buildUser(t.deps, { username: 'taken' });
    const response = await admin.post('/api/v1/users', {
      username: 'TAKEN',
      displayName: '重名',
      organisationId: ORG.city,
      roles: ['reviewer'],
      password: 'Valid-password-1',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'USERNAME_TAKEN',
      message: 'This username is already taken',
    });
  });

  it('edits roles and organisation, ending the user’s sessions', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer'] });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    const response = await admin.patch(`/api/v1/users/${user.id}`, {
      roles: ['reviewer', 'director'],
      organisationId: ORG.haidian,
    });
    expect(response.json()).toMatchObject({
      roles: ['reviewer', 'director'],
      organisationName: '海淀区法律援助中心',
    });
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('disables and re-enables, but never the administrator’s own account', async () => {
    const user = await buildUser(t.deps);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).json().status).toBe(
      'disabled',
    );
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'active' })).json().status).toBe(
      'active',
    );
    expect((await new Session(t.app).login(user.username, PASSWORD)).statusCode).toBe(200);
    const self = await admin.patch(`/api/v1/users/${adminId}`, { status: 'disabled' });
    expect(self.json().error.code).toBe('CANNOT_DISABLE_SELF');
  });

  it('resets a password: unlocks, ends sessions, forces a change', async () => {
    const user = await buildUser(t.deps);
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    for (let i = 0; i < 5; i += 1) await new Session(t.app).login(user.username, 'Wrong-password-1');
    const reset = await admin.post(`/api/v1/users/${user.id}/reset-password`, {
      newPassword: 'Reset-password-9',
    });
    expect(reset.statusCode).toBe(204);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    const login = await new Session(t.app).login(user.username, 'Reset-password-9');
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('names roles in the request language', async () => {
    const en = (await admin.get('/api/v1/roles')).json() as { code: string; name: string }[];
    expect(en.find((r) => r.code === 'reviewer')?.name).toBe('Reviewer');
    const zh = await admin.request({
      method: 'GET',
      url: '/api/v1/roles',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().find((r: { code: string }) => r.code === 'duty_lawyer').name).toBe('值班律师');
  });

  it('searches by name and filters by role and status', async () => {
    await buildUser(t.deps, { username: 'finance1', roles: ['finance'], organisationId: ORG.dongcheng });
    const byRole = (await admin.get('/api/v1/users?role=finance')).json();
    expect(byRole.items.map((u: { username: string }) => u.username)).toEqual(['finance1']);
    const byText = (await admin.get('/api/v1/users?q=zhaol')).json();
    expect(byText.items.map((u: { username: string }) => u.username)).toEqual(['zhaoliu']);
  });
});
