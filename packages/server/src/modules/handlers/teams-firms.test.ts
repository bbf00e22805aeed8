import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { auditEvents } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;

interface Staff {
  id: string;
  session: Session;
}

async function signIn(organisationId: string, roles: Role[]): Promise<Staff> {
  const user = await buildUser(t.deps, { organisationId, roles });
  const session = new Session(t.app, 'en-US');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id: user.id, session };
}

let director: Staff;
let reviewer: Staff;
let chaoyangDirector: Staff;
let serial = 0;

async function handler(staff: Staff, overrides: Record<string, unknown> = {}): Promise<string> {
  serial += 1;
  const response = await staff.session.post('/api/v1/handlers', {
    name: `律师${serial}`,
    kind: 'social_lawyer',
    licenceNumber: `L-${serial}-${Date.now()}`,
    practiceStartDate: '2015-01-01',
    criminalPracticeStartDate: '2021-06-01',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function team(staff: Staff, body: Record<string, unknown>): Promise<string> {
  const response = await staff.session.post('/api/v1/teams', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const deathPenalty = {
  code: 'death_penalty',
  name: '死刑案件辩护团队',
  membershipRule: '刑事辩护执业满三年',
  minYearsOfCriminalPractice: 3,
};

const auditCount = async (entityId: string, action: string) =>
  (
    await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)))
  ).length;

beforeAll(async () => {
  t = await startTestApp();
  director = await signIn(ORG.haidian, ['director']);
  reviewer = await signIn(ORG.haidian, ['reviewer']);
  chaoyangDirector = await signIn(ORG.chaoyang, ['director']);
});
afterAll(() => t.close());

describe('specialised teams', () => {
  it('sets up a team once per organisation code and lists it with its member count', async () => {
    const id = await team(director, deathPenalty);
    const twice = await director.session.post('/api/v1/teams', deathPenalty);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('TEAM_CODE_TAKEN');
    // Another district has its own team under the same code.
    await team(chaoyangDirector, deathPenalty);
    const list = (await reviewer.session.get('/api/v1/teams')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, code: 'death_penalty', memberCount: 0, organisationId: ORG.haidian });
    expect(
      (await reviewer.session.post('/api/v1/teams', { ...deathPenalty, code: 'x_team' })).statusCode,
    ).toBe(403);
    expect(await auditCount(id, 'team.create')).toBe(1);
    const bad = await director.session.post('/api/v1/teams', { ...deathPenalty, code: 'Death Penalty' });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('admits a handler meeting the entry rule, refuses one short of it, and no one twice', async () => {
    const teamId = await team(director, { ...deathPenalty, code: 'death_penalty_2' });
    const senior = await handler(director);
    const junior = await handler(director, { criminalPracticeStartDate: '2024-12-01' });
    const add = (handlerId: string) =>
      director.session.post(`/api/v1/teams/${teamId}/members`, { handlerId });
    const joined = await add(senior);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ handlerId: senior, since: '2026-11-02', until: null });
    const again = await add(senior);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TEAM_MEMBER_EXISTS');
    const short = await add(junior);
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({
      code: 'TEAM_MEMBER_INELIGIBLE',
      details: { shortOf: ['yearsOfCriminalPractice'], yearsOfCriminalPractice: 1 },
    });
    const detail = (await director.session.get(`/api/v1/handlers/${senior}`)).json();
    expect(detail.teams).toMatchObject([{ id: teamId, code: 'death_penalty_2' }]);
    const filtered = (await director.session.get(`/api/v1/handlers?teamId=${teamId}`)).json();
    expect(filtered.items.map((h: { id: string }) => h.id)).toEqual([senior]);
    expect(filtered.total).toBe(1);
    const members = (await reviewer.session.get(`/api/v1/teams/${teamId}/members`)).json().items;
    expect(members).toMatchObject([{ handlerId: senior, yearsOfCriminalPractice: 5, until: null }]);
    expect(await auditCount(teamId, 'team.member_add')).toBe(1);
  });

  it('ends a membership as history, and an exit ends every membership', async () => {
    const teamId = await team(director, { code: 'labour', name: '劳动争议团队' });
    const other = await team(director, { code: 'minors', name: '未成年人案件团队' });
    const h = await handler(director);
    await director.session.post(`/api/v1/teams/${teamId}/members`, { handlerId: h });
    await director.session.post(`/api/v1/teams/${other}/members`, { handlerId: h });
    const ended = await director.session.request({
      method: 'DELETE',
      url: `/api/v1/teams/${teamId}/members/${h}`,
    });
    expect(ended.statusCode).toBe(204);
    expect((await director.session.get(`/api/v1/teams/${teamId}/members`)).json().items).toEqual([]);
    const all = (await director.session.get(`/api/v1/teams/${teamId}/members?all=true`)).json().items;
    expect(all).toMatchObject([{ handlerId: h, until: '2026-11-02' }]);
    await director.session.post(`/api/v1/handlers/${h}/status`, { action: 'exit', reason: '退出' });
    const detail = (await director.session.get(`/api/v1/handlers/${h}`)).json();
    expect(detail.teams).toEqual([]);
    expect(detail.memberships.every((m: { until: string | null }) => m.until !== null)).toBe(true);
    const rejoin = await director.session.post(`/api/v1/teams/${other}/members`, { handlerId: h });
    expect(rejoin.json().error).toMatchObject({
      code: 'TEAM_MEMBER_INELIGIBLE',
      details: { shortOf: ['status'] },
    });
  });

  it('keeps teams and handlers of another district out of reach', async () => {
    const teamId = await team(director, { code: 'appeals', name: '申诉案件团队' });
    const foreignHandler = await handler(chaoyangDirector);
    const cross = await director.session.post(`/api/v1/teams/${teamId}/members`, {
      handlerId: foreignHandler,
    });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.details).toEqual({ field: 'handlerId' });
    expect((await chaoyangDirector.session.get(`/api/v1/teams/${teamId}/members`)).statusCode).toBe(404);
    expect((await chaoyangDirector.session.patch(`/api/v1/teams/${teamId}`, { name: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('renames a team and retires it; a retired team takes no members', async () => {
    const teamId = await team(director, { code: 'marriage_family', name: '婚姻家庭团队' });
    const renamed = await director.session.patch(`/api/v1/teams/${teamId}`, {
      name: '婚姻家事团队',
      minYearsOfPractice: 2,
    });
    expect(renamed.json()).toMatchObject({ name: '婚姻家事团队', minYearsOfPractice: 2 });
    await director.session.patch(`/api/v1/teams/${teamId}`, { active: false });
    const h = await handler(director);
    expect(
      (await director.session.post(`/api/v1/teams/${teamId}/members`, { handlerId: h })).statusCode,
    ).toBe(404);
    expect(await auditCount(teamId, 'team.update')).toBe(2);
  });
});

describe('law firms', () => {
  const firm = {
    name: '北京市某某律师事务所',
    licenceNumber: '31110000ABCDEF1234',
    regionCode: '110108',
    address: '海淀区中关村大街1号',
    phone: '010-62000000',
  };

  it('registers a firm once per licence number, lists and edits it, and counts its handlers', async () => {
    const created = await director.session.post('/api/v1/law-firms', firm);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ ...firm, status: 'active', handlerCount: 0 });
    const twice = await chaoyangDirector.session.post('/api/v1/law-firms', { ...firm, name: '另一家' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('LAW_FIRM_LICENCE_TAKEN');
    await handler(director, { firmId: id });
    const handlerInFirm = await director.session.get(`/api/v1/handlers?firmId=${id}`);
    expect(handlerInFirm.json().total).toBe(1);
    expect(handlerInFirm.json().items[0].firm).toEqual({ id, name: firm.name });
    const list = await reviewer.session.get(`/api/v1/law-firms?q=${encodeURIComponent('某某')}`);
    expect(list.json().items).toMatchObject([{ id, handlerCount: 1 }]);
    const edited = await director.session.patch(`/api/v1/law-firms/${id}`, { status: 'inactive' });
    expect(edited.json()).toMatchObject({ status: 'inactive' });
    expect(await auditCount(id, 'law_firm.create')).toBe(1);
    expect(await auditCount(id, 'law_firm.update')).toBe(1);
    expect(
      (await reviewer.session.post('/api/v1/law-firms', { ...firm, licenceNumber: 'X1' })).statusCode,
    ).toBe(403);
    const unknownFirm = await director.session.post('/api/v1/handlers', {
      name: '无所律师',
      kind: 'social_lawyer',
      licenceNumber: 'NOFIRM-1',
      firmId: '00000000-0000-4000-8000-00000000dead',
    });
    expect(unknownFirm.json().error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'firmId' } });
    expect((await director.session.post('/api/v1/law-firms', { ...firm, regionCode: '11' })).statusCode).toBe(
      400,
    );
  });
});
