import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';

let t: TestContext;
let window: Staff;
let director: Staff;

/** A handler in 海淀's pool with a login of their own. */
async function handler(name: string): Promise<{ id: string; session: Session }> {
  const user = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
  const id = randomUUID();
  await t.deps.db.insert(handlers).values({
    id,
    organisationId: ORG.haidian,
    userId: user.id,
    name,
    namePinyin: name,
    nameInitials: name,
    kind: 'social_lawyer',
    licenceNumber: `1110${Math.floor(Math.random() * 1e12)}`,
    practiceStartDate: '2015-01-01',
    criminalPracticeStartDate: '2016-01-01',
    districtsServed: [ORG.haidian],
    capacity: 5,
    status: 'active',
    statusSince: '2020-01-01',
  });
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, session };
}

const criminalNotice = (name: string) =>
  recordNotice(window, name, {
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    detained: true,
    detentionPlace: '北京市海淀区看守所',
  });

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
});
afterAll(() => t.close());

describe('GET /my-assignments (我的案件)', () => {
  it('lists the signed-in handler’s pending and accepted cases, through the login and not the data scope', async () => {
    const lawyer = await handler('冯律师');
    const c = await criminalNotice('壬某');
    const assigned = await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: lawyer.id,
      reason: '测试',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    // A handler holds no application permission: the worklist is closed to them.
    expect((await lawyer.session.get('/api/v1/applications')).statusCode).toBe(403);

    const pending = await lawyer.session.get('/api/v1/my-assignments');
    expect(pending.statusCode, pending.body).toBe(200);
    const mine = pending.json().items.find((x: { applicationId: string }) => x.applicationId === c.id);
    expect(mine).toMatchObject({
      applicationNumber: c.number,
      state: 'assigned',
      clientName: '壬某',
      status: 'pending',
    });
    expect(typeof mine.respondBy).toBe('string');

    const accepted = await lawyer.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: true,
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const after = (await lawyer.session.get('/api/v1/my-assignments')).json();
    expect(after.items.find((x: { applicationId: string }) => x.applicationId === c.id)).toMatchObject({
      state: 'in_progress',
      status: 'accepted',
    });
  });

  it('shows nothing of another handler’s cases and refuses a user who is not a handler', async () => {
    const other = await handler('陈律师');
    const items = (await other.session.get('/api/v1/my-assignments')).json().items;
    expect(items).toEqual([]);
    expect((await director.session.get('/api/v1/my-assignments')).statusCode).toBe(403);
  });

  it('drops a declined case from the list', async () => {
    const lawyer = await handler('褚律师');
    const c = await criminalNotice('癸某');
    await director.session.post(`/api/v1/applications/${c.id}/assignment`, {
      handlerId: lawyer.id,
      reason: '测试',
    });
    const declined = await lawyer.session.post(`/api/v1/applications/${c.id}/assignment/response`, {
      accept: false,
      reason: '时间冲突',
    });
    expect(declined.statusCode, declined.body).toBe(204);
    const items = (await lawyer.session.get('/api/v1/my-assignments')).json().items;
    expect(items.map((x: { applicationId: string }) => x.applicationId)).not.toContain(c.id);
  });
});
