import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { auditEvents, handlers, users } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;

async function signIn(organisationId: string, roles: Role[]) {
  const user = await buildUser(t.deps, { organisationId, roles });
  const session = new Session(t.app, 'en-US');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return session;
}

/** A handler record with no login yet. */
async function lawyerWithoutLogin(name: string, organisationId: string = ORG.haidian) {
  const built = await buildHandler(t.deps, name, { organisationId });
  await t.deps.db.update(handlers).set({ userId: null }).where(eq(handlers.id, built.id));
  return built.id;
}

const put = (s: Session, url: string, payload: unknown) =>
  s.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const del = (s: Session, url: string) => s.request({ method: 'DELETE', url });

async function audits(entityId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

let haidianDirector: Session;
let chaoyangDirector: Session;
let haidianAdmin: Session;

beforeAll(async () => {
  t = await startTestApp();
  haidianDirector = await signIn(ORG.haidian, ['director']);
  chaoyangDirector = await signIn(ORG.chaoyang, ['director']);
  haidianAdmin = await signIn(ORG.haidian, ['system_admin']);
});
afterAll(() => t.close());

describe("a lawyer's login, from the lawyer's record", () => {
  it('opens a handler login in one step; the lawyer signs in with it and finds their record', async () => {
    const id = await lawyerWithoutLogin('王一步');
    const response = await haidianDirector.post(`/api/v1/handlers/${id}/login`, {
      username: 'wangyibu',
      password: 'Lawyer-login-2026',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().login).toMatchObject({
      username: 'wangyibu',
      displayName: '王一步',
      status: 'active',
    });
    const [account] = await t.deps.db.select().from(users).where(eq(users.username, 'wangyibu'));
    expect(account).toMatchObject({
      roles: ['handler'],
      organisationId: ORG.haidian,
      mustChangePassword: true,
    });
    expect(await audits(account!.id, 'user.create')).toHaveLength(1);
    expect((await audits(id, 'handler.link_login'))[0]!.changes).toMatchObject({
      userId: { before: null, after: account!.id },
    });

    const lawyer = new Session(t.app, 'en-US');
    expect((await lawyer.login('wangyibu', 'Lawyer-login-2026')).statusCode).toBe(200);
    const changed = await lawyer.post('/api/v1/auth/password', {
      currentPassword: 'Lawyer-login-2026',
      newPassword: 'Lawyer-changed-2027',
    });
    expect(changed.statusCode).toBe(204);
    const me = await lawyer.get('/api/v1/handlers/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().id).toBe(id);
  });

  it('refuses a second login (HANDLER_LOGIN_EXISTS) and a weak password, and leaves nothing behind', async () => {
    const id = await lawyerWithoutLogin('赵两次');
    const first = await haidianDirector.post(`/api/v1/handlers/${id}/login`, {
      username: 'zhaoliangci',
      password: 'Lawyer-login-2026',
    });
    expect(first.statusCode).toBe(201);
    const second = await haidianDirector.post(`/api/v1/handlers/${id}/login`, {
      username: 'zhaoliangci2',
      password: 'Lawyer-login-2026',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('HANDLER_LOGIN_EXISTS');
    const weakFor = await lawyerWithoutLogin('钱弱');
    const weak = await haidianDirector.post(`/api/v1/handlers/${weakFor}/login`, {
      username: 'qianruo',
      password: 'short',
    });
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'zhaoliangci2'))).toHaveLength(0);
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'qianruo'))).toHaveLength(0);
  });

  it('links an existing handler account from the picker, then unlinks it (audited both ways)', async () => {
    const id = await lawyerWithoutLogin('孙链接');
    const account = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
    const options = await haidianDirector.get(`/api/v1/handlers/login-options?q=${account.username}`);
    expect(options.json()).toEqual([expect.objectContaining({ id: account.id, username: account.username })]);

    const linked = await put(haidianDirector, `/api/v1/handlers/${id}/login`, { userId: account.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().login.id).toBe(account.id);
    // The same link again changes nothing and writes no second audit row.
    expect(
      (await put(haidianDirector, `/api/v1/handlers/${id}/login`, { userId: account.id })).statusCode,
    ).toBe(200);
    expect(await audits(id, 'handler.link_login')).toHaveLength(1);
    // A linked account is no longer offered.
    expect(
      (await haidianDirector.get(`/api/v1/handlers/login-options?q=${account.username}`)).json(),
    ).toEqual([]);

    expect((await del(haidianDirector, `/api/v1/handlers/${id}/login`)).statusCode).toBe(204);
    expect((await haidianDirector.get(`/api/v1/handlers/${id}`)).json().login).toBeNull();
    expect((await audits(id, 'handler.unlink_login'))[0]!.changes).toMatchObject({
      userId: { before: account.id, after: null },
    });
  });

  it('refuses an account already linked to another lawyer (409 HANDLER_USER_TAKEN) and a non-handler account', async () => {
    const other = await buildHandler(t.deps, '周已有');
    const id = await lawyerWithoutLogin('吴想要');
    const taken = await put(haidianDirector, `/api/v1/handlers/${id}/login`, { userId: other.user.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'HANDLER_USER_TAKEN' } });
    const reviewer = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const invalid = await put(haidianDirector, `/api/v1/handlers/${id}/login`, { userId: reviewer.id });
    expect(invalid.json().error.code).toBe('HANDLER_USER_INVALID');
  });

  it('keeps to the data scope: another district neither sees nor links', async () => {
    const id = await lawyerWithoutLogin('郑海淀');
    const chaoyangAccount = await buildUser(t.deps, { organisationId: ORG.chaoyang, roles: ['handler'] });
    expect(
      (await put(chaoyangDirector, `/api/v1/handlers/${id}/login`, { userId: chaoyangAccount.id }))
        .statusCode,
    ).toBe(404);
    const outOfScope = await put(haidianDirector, `/api/v1/handlers/${id}/login`, {
      userId: chaoyangAccount.id,
    });
    expect(outOfScope.json().error.code).toBe('HANDLER_USER_INVALID');
    const options = (
      await haidianDirector.get(`/api/v1/handlers/login-options?q=${chaoyangAccount.username}`)
    ).json();
    expect(options).toEqual([]);
  });

  it('is for those who manage handlers', async () => {
    const id = await lawyerWithoutLogin('冯权限');
    const reviewer = await signIn(ORG.haidian, ['reviewer']);
    expect(
      (
        await reviewer.post(`/api/v1/handlers/${id}/login`, {
          username: 'fengqx',
          password: 'Lawyer-login-2026',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("a lawyer's login, from the account page", () => {
  it('links the account to a handler record, shows the lawyer on the account, and unlinks', async () => {
    const id = await lawyerWithoutLogin('陈账号');
    const account = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
    const options = (
      await haidianAdmin.get(`/api/v1/users/handler-options?q=${encodeURIComponent('陈账号')}`)
    ).json();
    expect(options).toEqual([expect.objectContaining({ id, name: '陈账号' })]);
    const linked = await put(haidianAdmin, `/api/v1/users/${account.id}/handler`, { handlerId: id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().handler).toEqual({ id, name: '陈账号' });
    const listed = (await haidianAdmin.get(`/api/v1/users?q=${account.username}`)).json();
    expect(listed.items[0].handler).toEqual({ id, name: '陈账号' });
    const unlinkedOnly = (await haidianAdmin.get(`/api/v1/users?q=${account.username}&linked=false`)).json();
    expect(unlinkedOnly.total).toBe(0);

    expect((await del(haidianAdmin, `/api/v1/users/${account.id}/handler`)).statusCode).toBe(204);
    expect((await haidianAdmin.get(`/api/v1/users/${account.id}`)).json().handler).toBeNull();
    expect(await audits(id, 'handler.unlink_login')).toHaveLength(1);
  });

  it('refuses to link a lawyer who already has a login (409 HANDLER_LOGIN_EXISTS)', async () => {
    const lawyer = await buildHandler(t.deps, '褚有号');
    const account = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
    const response = await put(haidianAdmin, `/api/v1/users/${account.id}/handler`, { handlerId: lawyer.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('HANDLER_LOGIN_EXISTS');
  });
});
