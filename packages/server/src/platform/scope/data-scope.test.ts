import type { Role } from '@fayuan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;
let haidianReviewer: Session;
let haidianAdmin: Session;
let cityAdmin: Session;
let supervisor: Session;
let chaoyangUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  const login = async (organisationId: string, roles: Role[]) => {
    const user = await buildUser(t.deps, { organisationId, roles });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    return session;
  };
  haidianReviewer = await login(ORG.haidian, ['reviewer', 'director']);
  haidianAdmin = await login(ORG.haidian, ['system_admin']);
  cityAdmin = await login(ORG.city, ['system_admin']);
  supervisor = await login(ORG.bureau, ['supervisor']);
  chaoyangUserId = (await buildUser(t.deps, { organisationId: ORG.chaoyang })).id;
});
afterAll(() => t.close());

describe('data scope', () => {
  it('gives a 海淀 reviewer 404 for a 朝阳 record, exactly as for a missing one', async () => {
    const chaoyang = await haidianReviewer.get(`/api/v1/organisations/${ORG.chaoyang}`);
    expect(chaoyang.statusCode).toBe(404);
    expect(chaoyang.json().error.code).toBe('NOT_FOUND');
    const chaoyangUser = await haidianReviewer.get(`/api/v1/users/${chaoyangUserId}`);
    expect(chaoyangUser.statusCode).toBe(404);
    const missing = await haidianReviewer.get('/api/v1/users/00000000-0000-4000-8000-00000000dead');
    expect(missing.json().error.code).toBe(chaoyangUser.json().error.code);
    expect((await haidianReviewer.get(`/api/v1/organisations/${ORG.haidianStreet}`)).statusCode).toBe(200);
  });

  it('lists only the own subtree', async () => {
    const tree = (await haidianReviewer.get('/api/v1/organisations/tree')).json() as {
      name: string;
      path: string;
    }[];
    expect(tree.length).toBeGreaterThan(5);
    expect(tree.every((o) => o.path.includes(ORG.haidian))).toBe(true);
    expect(tree[0]?.name).toBe('海淀区法律援助中心');
    const users = (await haidianReviewer.get('/api/v1/users?pageSize=100')).json() as {
      items: { organisationId: string }[];
    };
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.some((u) => u.organisationId === ORG.chaoyang)).toBe(false);
  });

  it('lets the city centre and supervisors see every district', async () => {
    for (const session of [cityAdmin, supervisor]) {
      expect((await session.get(`/api/v1/organisations/${ORG.chaoyang}`)).statusCode).toBe(200);
      expect((await session.get(`/api/v1/users/${chaoyangUserId}`)).statusCode).toBe(200);
    }
    const tree = (await cityAdmin.get('/api/v1/organisations/tree')).json() as unknown[];
    expect(tree.length).toBeGreaterThanOrEqual(17);
  });

  it('stops changes outside the subtree: no edits, no accounts, no children there', async () => {
    const edit = await haidianAdmin.patch(`/api/v1/users/${chaoyangUserId}`, { displayName: '改名' });
    expect(edit.statusCode).toBe(404);
    const create = await haidianAdmin.post('/api/v1/users', {
      username: 'intruder',
      displayName: '越权',
      organisationId: ORG.chaoyang,
      roles: ['reviewer'],
      password: 'Valid-password-1',
    });
    expect(create.statusCode).toBe(404);
    const child = await haidianAdmin.post('/api/v1/organisations', {
      parentId: ORG.chaoyang,
      code: 'X-1',
      name: '越权工作站',
      kind: 'street_workstation',
    });
    expect(child.statusCode).toBe(404);
    const move = await haidianAdmin.patch(`/api/v1/organisations/${ORG.chaoyangStreet}`, { name: '改名' });
    expect(move.statusCode).toBe(404);
  });

  it('does not let a district grant city-level roles', async () => {
    const response = await haidianAdmin.post('/api/v1/users', {
      username: 'fakesupervisor',
      displayName: '假监督',
      organisationId: ORG.haidian,
      roles: ['supervisor'],
      password: 'Valid-password-1',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('checks permissions by role', async () => {
    const response = await haidianReviewer.post('/api/v1/users', {
      username: 'someone',
      displayName: '某人',
      organisationId: ORG.haidian,
      roles: ['reviewer'],
      password: 'Valid-password-1',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
