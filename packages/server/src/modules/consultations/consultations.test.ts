import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { auditEvents, consultationHandovers, consultations } from '../../db/schema/index.ts';
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
  await session.login(user.username, PASSWORD);
  return { id: user.id, session };
}

let haidianStaff: Staff;
let haidianColleague: Staff;
let haidianDirector: Staff;
let haidianHandler: Staff;
let haidianStreetStaff: Staff;
let chaoyangStaff: Staff;
let supervisor: Staff;
let personId: string;

const hotline = {
  channel: 'hotline_12348',
  topicMatter: 'labour_remuneration',
  question: '老板拖欠三个月工资，怎么办？',
};

async function record(staff: Staff, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return staff.session.post('/api/v1/consultations', body, headers);
}

async function created(staff: Staff, body: Record<string, unknown>): Promise<string> {
  const response = await record(staff, body);
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function auditRows(entityId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  t = await startTestApp();
  haidianStaff = await signIn(ORG.haidian, ['window_staff']);
  haidianColleague = await signIn(ORG.haidian, ['window_staff']);
  haidianDirector = await signIn(ORG.haidian, ['director']);
  haidianHandler = await signIn(ORG.haidian, ['handler']);
  haidianStreetStaff = await signIn(ORG.haidianStreet, ['workstation_staff']);
  chaoyangStaff = await signIn(ORG.chaoyang, ['window_staff']);
  supervisor = await signIn(ORG.bureau, ['supervisor']);
  const person = await haidianStaff.session.post('/api/v1/persons', { name: '王芳', phone: '13700001234' });
  expect(person.statusCode).toBe(201);
  personId = person.json().id;
});
afterAll(() => t.close());

describe('recording a consultation', () => {
  it('records an anonymous hotline call; the recorder is staff and first-inquiry owner', async () => {
    const response = await record(haidianStaff, {
      ...hotline,
      callerName: '李先生',
      callerPhone: '138 0013 8000',
      answer: '可申请劳动仲裁，并可申请法律援助。',
      durationSeconds: 420,
      followUpOn: '2026-11-09',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      ownerOrgId: ORG.haidian,
      channel: 'hotline_12348',
      person: null,
      callerName: '李先生',
      callerPhoneMasked: '138****8000',
      topicMatter: 'labour_remuneration',
      outcome: 'answered',
      referredTo: null,
      durationSeconds: 420,
      followUpOn: '2026-11-09',
      startedAt: '2026-11-02T01:00:00.000Z',
      staff: { id: haidianStaff.id },
      owner: { id: haidianStaff.id },
    });
    const id = response.json().id;
    const [row] = await t.deps.db.select().from(consultations).where(eq(consultations.id, id));
    const raw = JSON.stringify(row) + row!.callerPhoneSealed!.toString('latin1');
    expect(raw).not.toContain('13800138000');
    expect(row!.callerPhoneHash!.equals(t.deps.cipher.lookupHash('13800138000'))).toBe(true);
    const [audit] = await auditRows(id, 'consultation.create');
    expect(audit!.changes).toMatchObject({
      channel: { after: 'hotline_12348' },
      callerPhone: { after: '***' },
      callerName: { after: '***' },
      question: { after: hotline.question },
    });
    expect(JSON.stringify(audit!.changes)).not.toContain('13800138000');
  });

  it('links a consultation to a person in scope, and refuses one out of scope', async () => {
    const response = await record(haidianStaff, { ...hotline, channel: 'window_visit', personId });
    expect(response.statusCode).toBe(201);
    expect(response.json().person).toEqual({ id: personId, name: '王芳' });
    const foreign = await record(chaoyangStaff, { ...hotline, personId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details).toEqual({ field: 'personId' });
  });

  it('accepts a matter in the Beijing catalogue or `other`, and refuses an unknown topic', async () => {
    expect(
      (await record(haidianStaff, { ...hotline, topicMatter: 'personal_injury_product' })).statusCode,
    ).toBe(201);
    expect((await record(haidianStaff, { ...hotline, topicMatter: 'other' })).statusCode).toBe(201);
    const unknown = await record(haidianStaff, { ...hotline, topicMatter: 'space_mining' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'CONSULTATION_TOPIC_UNKNOWN',
      details: { field: 'topicMatter', topic: 'space_mining' },
    });
  });

  it('requires where a referred consultation went', async () => {
    const missing = await record(haidianStaff, { ...hotline, outcome: 'referred' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('CONSULTATION_REFERRAL_REQUIRED');
    const referred = await record(haidianStaff, {
      ...hotline,
      outcome: 'referred',
      referredTo: '海淀区劳动人事争议仲裁委员会',
    });
    expect(referred.statusCode).toBe(201);
    expect(referred.json().referredTo).toBe('海淀区劳动人事争议仲裁委员会');
  });

  it('refuses a malformed caller phone and an unknown field', async () => {
    const phone = await record(haidianStaff, { ...hotline, callerPhone: '12345' });
    expect(phone.json().error).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'callerPhone' } });
    const extra = await record(haidianStaff, { ...hotline, ownerUserId: haidianColleague.id });
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('replays an idempotent create without recording twice', async () => {
    const body = { ...hotline, question: '幂等测试：工伤认定' };
    const first = await record(haidianStaff, body, { 'idempotency-key': 'consult-1' });
    const second = await record(haidianStaff, body, { 'idempotency-key': 'consult-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.deps.db
      .select()
      .from(consultations)
      .where(eq(consultations.question, body.question));
    expect(rows).toHaveLength(1);
  });

  it('refuses staff without consultation.manage, and lets a supervisor only read', async () => {
    expect((await record(haidianHandler, hotline)).statusCode).toBe(403);
    expect((await haidianHandler.session.get('/api/v1/consultations')).statusCode).toBe(403);
    expect((await record(supervisor, hotline)).statusCode).toBe(403);
    expect((await supervisor.session.get('/api/v1/consultations')).statusCode).toBe(200);
  });
});

describe('reading and updating', () => {
  it('audits the read of a consultation holding personal data, not of an anonymous one', async () => {
    const linked = await created(haidianStaff, { ...hotline, personId });
    const anonymous = await created(haidianStaff, hotline);
    expect((await haidianStaff.session.get(`/api/v1/consultations/${linked}`)).statusCode).toBe(200);
    const read = await haidianStaff.session.get(`/api/v1/consultations/${anonymous}`);
    expect(read.json()).toMatchObject({ id: anonymous, handovers: [] });
    expect(await auditRows(linked, 'consultations.read')).toHaveLength(1);
    expect(await auditRows(anonymous, 'consultations.read')).toHaveLength(0);
  });

  it('records answer, outcome and follow-up, audited; referral rules apply on update too', async () => {
    const id = await created(haidianStaff, { ...hotline, outcome: 'pending' });
    const refused = await haidianColleague.session.patch(`/api/v1/consultations/${id}`, {
      outcome: 'referred',
    });
    expect(refused.json().error.code).toBe('CONSULTATION_REFERRAL_REQUIRED');
    const response = await haidianColleague.session.patch(`/api/v1/consultations/${id}`, {
      answer: '建议先行协商，协商不成申请仲裁。',
      outcome: 'converted',
      applicationId: 'APP-2026-0001',
      followUpOn: '2026-11-16',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'converted',
      applicationId: 'APP-2026-0001',
      followUpOn: '2026-11-16',
      owner: { id: haidianStaff.id },
    });
    const [audit] = await auditRows(id, 'consultation.update');
    expect(audit!.changes).toMatchObject({ outcome: { before: 'pending', after: 'converted' } });
  });

  it('answers 404 for another district, on read, update and hand-over', async () => {
    const id = await created(chaoyangStaff, hotline);
    expect((await haidianStaff.session.get(`/api/v1/consultations/${id}`)).statusCode).toBe(404);
    expect(
      (await haidianStaff.session.patch(`/api/v1/consultations/${id}`, { answer: 'x' })).statusCode,
    ).toBe(404);
    const handover = await haidianDirector.session.post(`/api/v1/consultations/${id}/handover`, {
      toUserId: haidianColleague.id,
      reason: '移交',
    });
    expect(handover.statusCode).toBe(404);
    expect((await supervisor.session.get(`/api/v1/consultations/${id}`)).statusCode).toBe(200);
  });
});

describe('first-inquiry responsibility (首问负责)', () => {
  const handover = (staff: Staff, id: string, toUserId: string, reason = '本人休假，移交同事跟进') =>
    staff.session.post(`/api/v1/consultations/${id}/handover`, { toUserId, reason });

  it('hands over to a named colleague: the owner changes and the history is recorded', async () => {
    const id = await created(haidianStaff, { ...hotline, callerPhone: '13911112222' });
    const response = await handover(haidianStaff, id, haidianColleague.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      staff: { id: haidianStaff.id },
      owner: { id: haidianColleague.id },
      handovers: [
        {
          from: { id: haidianStaff.id },
          to: { id: haidianColleague.id },
          by: { id: haidianStaff.id },
          reason: '本人休假，移交同事跟进',
        },
      ],
    });
    const rows = await t.deps.db
      .select()
      .from(consultationHandovers)
      .where(eq(consultationHandovers.consultationId, id));
    expect(rows).toHaveLength(1);
    const [audit] = await auditRows(id, 'consultation.handover');
    expect(audit!.changes).toMatchObject({
      ownerUserId: { before: haidianStaff.id, after: haidianColleague.id },
    });
    // The former owner may no longer hand it over; a director may.
    const former = await handover(haidianStaff, id, haidianStaff.id);
    expect(former.statusCode).toBe(403);
    expect(former.json().error.code).toBe('CONSULTATION_NOT_OWNER');
    const byDirector = await handover(haidianDirector, id, haidianStaff.id, '重新分配');
    expect(byDirector.statusCode).toBe(200);
    expect(byDirector.json().owner.id).toBe(haidianStaff.id);
    expect(byDirector.json().handovers).toHaveLength(2);
  });

  it('refuses a colleague out of scope, without the permission, unable to see it, or already owner', async () => {
    const id = await created(haidianStaff, hotline);
    for (const target of [chaoyangStaff, haidianHandler, haidianStreetStaff, haidianStaff]) {
      const response = await handover(haidianStaff, id, target.id);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('CONSULTATION_HANDOVER_TARGET_INVALID');
    }
    const unknown = await handover(haidianStaff, id, '00000000-0000-4000-8000-00000000dead');
    expect(unknown.json().error.code).toBe('CONSULTATION_HANDOVER_TARGET_INVALID');
    const [row] = await t.deps.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row!.ownerUserId).toBe(haidianStaff.id);
  });

  it('lists the colleagues a consultation can go to: active, in scope, allowed to own it', async () => {
    const response = await haidianStaff.session.get('/api/v1/consultations/colleagues');
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((u: { id: string }) => u.id);
    for (const staff of [haidianStaff, haidianColleague, haidianDirector, haidianStreetStaff])
      expect(ids).toContain(staff.id);
    for (const staff of [haidianHandler, chaoyangStaff, supervisor]) expect(ids).not.toContain(staff.id);
    expect(response.json().items[0]).toHaveProperty('organisationName');
    expect((await haidianHandler.session.get('/api/v1/consultations/colleagues')).statusCode).toBe(403);
  });

  it('does not let the owner be changed by an update', async () => {
    const id = await created(haidianStaff, hotline);
    const response = await haidianStaff.session.patch(`/api/v1/consultations/${id}`, {
      ownerUserId: haidianColleague.id,
    });
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('lists, caller lookup and stats', () => {
  let chaoyangIds: string[];

  beforeAll(async () => {
    chaoyangIds = [
      await created(chaoyangStaff, {
        ...hotline,
        callerPhone: '010-65123456',
        startedAt: '2026-10-01T10:00:00+08:00',
        question: '离婚后孩子抚养费怎么要？',
        topicMatter: 'maintenance',
      }),
      await created(chaoyangStaff, {
        ...hotline,
        channel: 'window_visit',
        startedAt: '2026-10-15T23:30:00+08:00',
        outcome: 'referred',
        referredTo: '朝阳区人民法院诉讼服务中心',
      }),
      await created(chaoyangStaff, {
        ...hotline,
        callerPhone: '01065123456',
        startedAt: '2026-10-31T23:59:00+08:00',
        outcome: 'pending',
      }),
      await created(chaoyangStaff, { ...hotline, channel: 'online', startedAt: '2026-11-01T00:00:00+08:00' }),
    ];
  });

  it('finds earlier calls by the caller phone, however it is typed', async () => {
    const response = await chaoyangStaff.session.get('/api/v1/consultations?callerPhone=010%206512%203456');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(2);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([chaoyangIds[2], chaoyangIds[0]]);
    expect(body.items[0].callerPhoneMasked).toBe('010*****3456');
    const haidian = await haidianStaff.session.get('/api/v1/consultations?callerPhone=01065123456');
    expect(haidian.json().total).toBe(0);
  });

  it('filters by channel, outcome, topic, text, date range and owner, and sorts by startedAt', async () => {
    const get = async (query: string) =>
      (await chaoyangStaff.session.get(`/api/v1/consultations?${query}`)).json();
    expect((await get('channel=window_visit')).items.map((c: { id: string }) => c.id)).toEqual([
      chaoyangIds[1],
    ]);
    expect((await get('outcome=pending')).total).toBe(1);
    expect((await get('topicMatter=maintenance')).total).toBe(1);
    expect((await get(`q=${encodeURIComponent('抚养费')}`)).total).toBe(1);
    const october = await get('from=2026-10-01&to=2026-10-31&sort=startedAt');
    expect(october.items.map((c: { id: string }) => c.id)).toEqual(chaoyangIds.slice(0, 3));
    expect((await get('mine=true')).total).toBe(5);
    expect((await get(`ownerUserId=${haidianStaff.id}`)).total).toBe(0);
    expect((await get('pageSize=2&page=2')).items).toHaveLength(2);
  });

  it('lists only what the caller owns with mine=true', async () => {
    const own = await created(haidianColleague, hotline);
    const mine = (await haidianColleague.session.get('/api/v1/consultations?mine=true')).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(own);
    expect(
      (await haidianColleague.session.get('/api/v1/consultations?mine=false')).json().total,
    ).toBeGreaterThan(mine.total);
    expect(mine.items.every((c: { owner: { id: string } }) => c.owner.id === haidianColleague.id)).toBe(true);
  });

  it('counts by channel and outcome in scope over a date range', async () => {
    const response = await chaoyangStaff.session.get(
      '/api/v1/consultations/stats?from=2026-10-01&to=2026-10-31',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      total: 3,
      byChannel: {
        window_visit: 1,
        hotline_12348: 2,
        online: 0,
        letter: 0,
        video: 0,
        workstation: 0,
        circuit_service: 0,
      },
      byOutcome: { answered: 1, referred: 1, converted: 0, pending: 1 },
    });
    const haidian = (
      await haidianStaff.session.get('/api/v1/consultations/stats?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(haidian.total).toBe(0);
    const cityWide = (
      await supervisor.session.get('/api/v1/consultations/stats?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(cityWide.total).toBe(3);
  });
});

describe('searching consultations (segmented words and substrings)', () => {
  let dongcheng: Staff;
  let wagesId: string;
  let custodyId: string;
  const ids = async (q: string) =>
    (await dongcheng.session.get(`/api/v1/consultations?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    dongcheng = await signIn(ORG.dongcheng, ['window_staff']);
    wagesId = await created(dongcheng, hotline);
    custodyId = await created(dongcheng, {
      ...hotline,
      topicMatter: 'maintenance',
      question: '离婚后孩子跟着妈妈，爸爸一直不给钱',
      answer: '可以向法院起诉要求支付抚养费。',
    });
  });

  it('finds a two-character word inside a longer sentence, in question or answer', async () => {
    expect(await ids('工资')).toEqual([wagesId]);
    expect(await ids('孩子')).toEqual([custodyId]);
    expect(await ids('起诉')).toEqual([custodyId]);
  });

  it('needs every word of the query, in any order', async () => {
    expect(await ids('工资 拖欠')).toEqual([wagesId]);
    expect(await ids('工资 孩子')).toEqual([]);
  });

  it('finds the words of an answer recorded later', async () => {
    expect(await ids('劳动仲裁')).toEqual([]);
    await dongcheng.session.patch(`/api/v1/consultations/${wagesId}`, { answer: '建议申请劳动仲裁。' });
    expect(await ids('劳动仲裁')).toEqual([wagesId]);
  });
});
