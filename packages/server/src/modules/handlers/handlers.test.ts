import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { auditEvents, handlers, handlerStatusEvents } from '../../db/schema/index.ts';
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

let haidianDirector: Staff;
let haidianReviewer: Staff;
let haidianWindow: Staff;
let chaoyangDirector: Staff;
let supervisor: Staff;

let serial = 0;
/** A social lawyer in criminal practice since 2021-06-01 (5 whole years on the test clock's 2026-11-02). */
function lawyer(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    name: '张律师',
    kind: 'social_lawyer',
    licenceNumber: `1110120181000${String(serial).padStart(4, '0')}`,
    practiceStartDate: '2018-03-15',
    criminalPracticeStartDate: '2021-06-01',
    specialties: ['criminal', 'labour_remuneration'],
    languages: ['en', 'sign'],
    districtsServed: [ORG.haidian, ORG.chaoyang],
    familiarWithMinors: true,
    capacity: 8,
    phone: '139 1000 2000',
    ...overrides,
  };
}

async function register(staff: Staff, body: Record<string, unknown> = lawyer()) {
  const response = await staff.session.post('/api/v1/handlers', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function auditRows(entityId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  t = await startTestApp();
  haidianDirector = await signIn(ORG.haidian, ['director']);
  haidianReviewer = await signIn(ORG.haidian, ['reviewer']);
  haidianWindow = await signIn(ORG.haidian, ['window_staff']);
  chaoyangDirector = await signIn(ORG.chaoyang, ['director']);
  supervisor = await signIn(ORG.bureau, ['supervisor']);
});
afterAll(() => t.close());

describe('registering a handler', () => {
  it('records an application to join with derived years, a masked and sealed phone and an audit row', async () => {
    const created = await register(haidianDirector, lawyer({ applicationNote: '本人申请加入' }));
    expect(created).toMatchObject({
      organisationId: ORG.haidian,
      name: '张律师',
      namePinyin: 'zhanglvshi',
      kind: 'social_lawyer',
      volunteerSubkind: null,
      yearsOfPractice: 8,
      yearsOfCriminalPractice: 5,
      specialties: ['criminal', 'labour_remuneration'],
      languages: ['en', 'sign'],
      familiarWithMinors: true,
      capacity: 8,
      openCases: 0,
      status: 'applying',
      statusReason: '本人申请加入',
      statusSince: '2026-11-02',
      phoneMasked: '139****2000',
      teams: [],
      version: 1,
      statusHistory: [{ fromStatus: null, toStatus: 'applying', reason: '本人申请加入' }],
    });
    const [row] = await t.deps.db.select().from(handlers).where(eq(handlers.id, created.id));
    expect(JSON.stringify(row) + row!.phoneSealed!.toString('latin1')).not.toContain('13910002000');
    expect(row!.phoneHash!.equals(t.deps.cipher.lookupHash('13910002000'))).toBe(true);
    const [audit] = await auditRows(created.id, 'handler.create');
    expect(audit!.changes).toMatchObject({
      status: { after: 'applying' },
      kind: { after: 'social_lawyer' },
      phone: { after: '***' },
    });
  });

  it('derives the years from the clock: a year counts on its anniversary', async () => {
    const created = await register(
      haidianDirector,
      lawyer({ practiceStartDate: '2023-11-03', criminalPracticeStartDate: '2023-11-03' }),
    );
    expect(created.yearsOfCriminalPractice).toBe(2);
    // A day later (a fresh sign-in: the others' sessions would count the day as idle time).
    t.clock.advance(24 * 3_600_000);
    try {
      const nextDay = await signIn(ORG.haidian, ['reviewer']);
      const read = await nextDay.session.get(`/api/v1/handlers/${created.id}`);
      expect(read.json().yearsOfCriminalPractice).toBe(3);
    } finally {
      t.clock.advance(-24 * 3_600_000);
    }
  });

  it('refuses a licence number already on file, whoever registered it', async () => {
    const first = lawyer();
    await register(haidianDirector, first);
    const again = await chaoyangDirector.session.post(
      '/api/v1/handlers',
      lawyer({ licenceNumber: ` ${first.licenceNumber} ` }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'HANDLER_LICENCE_TAKEN',
      details: { field: 'licenceNumber' },
    });
  });

  it('validates kinds, dates, specialties, districts, phone and login with stable codes', async () => {
    const post = (body: Record<string, unknown>) => haidianDirector.session.post('/api/v1/handlers', body);
    const codeOf = async (body: Record<string, unknown>) => (await post(body)).json().error.code;
    expect(await codeOf(lawyer({ licenceNumber: null }))).toBe('HANDLER_LICENCE_REQUIRED');
    expect(await codeOf(lawyer({ kind: 'volunteer', licenceNumber: null }))).toBe('HANDLER_SUBKIND_INVALID');
    expect(await codeOf(lawyer({ volunteerSubkind: 'student' }))).toBe('HANDLER_SUBKIND_INVALID');
    expect(await codeOf(lawyer({ practiceStartDate: '2027-01-01' }))).toBe('HANDLER_DATES_INVALID');
    expect(await codeOf(lawyer({ criminalPracticeStartDate: '2017-01-01' }))).toBe('HANDLER_DATES_INVALID');
    expect(await codeOf(lawyer({ specialties: ['astrology'] }))).toBe('HANDLER_SPECIALTY_UNKNOWN');
    expect(await codeOf(lawyer({ districtsServed: [ORG.haidianStreet] }))).toBe('HANDLER_DISTRICT_UNKNOWN');
    expect(await codeOf(lawyer({ phone: '12' }))).toBe('PHONE_INVALID');
    expect(await codeOf(lawyer({ userId: haidianWindow.id }))).toBe('HANDLER_USER_INVALID');
    expect(await codeOf(lawyer({ languages: ['Klingon'] }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(lawyer({ capacity: -1 }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(lawyer({ kind: 'judge' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(lawyer({ organisationId: ORG.chaoyang }))).toBe('NOT_FOUND');
    const volunteer = await post(
      lawyer({ kind: 'volunteer', volunteerSubkind: 'student', licenceNumber: null }),
    );
    expect(volunteer.statusCode, volunteer.body).toBe(201);
    expect(volunteer.json()).toMatchObject({
      kind: 'volunteer',
      volunteerSubkind: 'student',
      licenceNumber: null,
    });
  });

  it('links one login account with role handler to one record only', async () => {
    const account = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
    await register(haidianDirector, lawyer({ userId: account.id }));
    const twice = await haidianDirector.session.post('/api/v1/handlers', lawyer({ userId: account.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('HANDLER_USER_TAKEN');
  });

  it('replays a create under the same Idempotency-Key', async () => {
    const body = lawyer();
    const headers = { 'idempotency-key': `handler-${body.licenceNumber}` };
    const first = await haidianDirector.session.post('/api/v1/handlers', body, headers);
    const second = await haidianDirector.session.post('/api/v1/handlers', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });
});

describe('access and data scope', () => {
  it('lets reviewers and supervisors read, only directors manage, and window staff neither', async () => {
    const created = await register(haidianDirector);
    expect((await haidianReviewer.session.get(`/api/v1/handlers/${created.id}`)).statusCode).toBe(200);
    expect((await supervisor.session.get(`/api/v1/handlers/${created.id}`)).statusCode).toBe(200);
    expect((await haidianWindow.session.get('/api/v1/handlers')).statusCode).toBe(403);
    const byReviewer = await haidianReviewer.session.post('/api/v1/handlers', lawyer());
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().error.code).toBe('FORBIDDEN');
  });

  it('hides another district’s handlers from reading, listing, editing and status changes', async () => {
    const created = await register(haidianDirector, lawyer({ name: '海淀独有' }));
    const path = `/api/v1/handlers/${created.id}`;
    expect((await chaoyangDirector.session.get(path)).statusCode).toBe(404);
    expect((await chaoyangDirector.session.patch(path, { capacity: 1, version: 1 })).statusCode).toBe(404);
    const move = await chaoyangDirector.session.post(`${path}/status`, { action: 'approve', reason: '同意' });
    expect(move.statusCode).toBe(404);
    const list = await chaoyangDirector.session.get(`/api/v1/handlers?q=${encodeURIComponent('海淀独有')}`);
    expect(list.json().total).toBe(0);
    const cityWide = await supervisor.session.get(`/api/v1/handlers?q=${encodeURIComponent('海淀独有')}`);
    expect(cityWide.json().total).toBe(1);
  });

  it('audits every read of a record (it holds a phone)', async () => {
    const created = await register(haidianDirector);
    await haidianReviewer.session.get(`/api/v1/handlers/${created.id}`);
    const reads = await auditRows(created.id, 'handlers.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actorId).toBe(haidianReviewer.id);
  });

  it('shows a handler their own record at /handlers/me, and nobody else’s', async () => {
    const account = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['handler'] });
    const created = await register(haidianDirector, lawyer({ userId: account.id, name: '李自己' }));
    const session = new Session(t.app, 'en-US');
    await session.login(account.username, PASSWORD);
    const me = await session.get('/api/v1/handlers/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: created.id, name: '李自己', phoneMasked: '139****2000' });
    expect((await session.get(`/api/v1/handlers/${created.id}`)).statusCode).toBe(403);
    expect((await session.get('/api/v1/handlers')).statusCode).toBe(403);
    expect((await haidianReviewer.session.get('/api/v1/handlers/me')).statusCode).toBe(404);
  });
});

describe('admission and exit (准入退出)', () => {
  const move = (staff: Staff, id: string, body: Record<string, unknown>) =>
    staff.session.post(`/api/v1/handlers/${id}/status`, body);

  it('approves, suspends, reinstates and exits, keeping each step with its reason, date and author', async () => {
    const created = await register(haidianDirector);
    // Each step a minute after the last, as they would come (history is ordered by time).
    const later = async (body: Record<string, unknown>) => {
      t.clock.advance(60_000);
      return move(haidianDirector, created.id, body);
    };
    const approved = await later({ action: 'approve', reason: '审核合格' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', statusReason: '审核合格', version: 2 });
    const suspended = await later({
      action: 'suspend',
      reason: '受到行业处分',
      effectiveOn: '2026-11-02',
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusSince: '2026-11-02' });
    await later({ action: 'reinstate', reason: '处分期满' });
    const exited = await later({ action: 'exit', reason: '本人申请退出' });
    expect(exited.json().status).toBe('exited');
    expect(
      exited
        .json()
        .statusHistory.map((e: { fromStatus: string | null; toStatus: string }) => [
          e.fromStatus,
          e.toStatus,
        ]),
    ).toEqual([
      [null, 'applying'],
      ['applying', 'active'],
      ['active', 'suspended'],
      ['suspended', 'active'],
      ['active', 'exited'],
    ]);
    expect(exited.json().statusHistory[2]).toMatchObject({
      reason: '受到行业处分',
      effectiveOn: '2026-11-02',
      by: { id: haidianDirector.id },
    });
    const events = await t.deps.db
      .select()
      .from(handlerStatusEvents)
      .where(eq(handlerStatusEvents.handlerId, created.id));
    expect(events).toHaveLength(5);
    const [audit] = await auditRows(created.id, 'handler.suspend');
    expect(audit!.changes).toMatchObject({
      status: { before: 'active', after: 'suspended' },
      statusReason: { after: '受到行业处分' },
    });
  });

  it('refuses a move the current status does not allow, naming the moves that are open', async () => {
    const created = await register(haidianDirector);
    const suspend = await move(haidianDirector, created.id, { action: 'suspend', reason: '未准入不能暂停' });
    expect(suspend.statusCode).toBe(409);
    expect(suspend.json().error).toMatchObject({
      code: 'HANDLER_STATUS_CONFLICT',
      details: { status: 'applying', action: 'suspend', allowed: ['approve', 'exit'] },
    });
    await move(haidianDirector, created.id, { action: 'exit', reason: '不予准入' });
    const back = await move(haidianDirector, created.id, { action: 'reinstate', reason: '重新加入' });
    expect(back.json().error.code).toBe('HANDLER_STATUS_CONFLICT');
    expect(back.json().error.details.allowed).toEqual([]);
  });

  it('needs a reason, and a date neither in the future nor before the current status', async () => {
    const created = await register(haidianDirector, lawyer({ appliedOn: '2026-10-20' }));
    const noReason = await move(haidianDirector, created.id, { action: 'approve', reason: '  ' });
    expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
    const future = await move(haidianDirector, created.id, {
      action: 'approve',
      reason: '合格',
      effectiveOn: '2026-11-03',
    });
    expect(future.json().error.code).toBe('HANDLER_DATES_INVALID');
    const early = await move(haidianDirector, created.id, {
      action: 'approve',
      reason: '合格',
      effectiveOn: '2026-10-19',
    });
    expect(early.json().error.code).toBe('HANDLER_DATES_INVALID');
    const backdated = await move(haidianDirector, created.id, {
      action: 'approve',
      reason: '合格',
      effectiveOn: '2026-10-25',
    });
    expect(backdated.json()).toMatchObject({ status: 'active', statusSince: '2026-10-25' });
  });

  it('refuses a status change made on a stale version', async () => {
    const created = await register(haidianDirector);
    await haidianDirector.session.patch(`/api/v1/handlers/${created.id}`, { capacity: 3, version: 1 });
    const stale = await move(haidianDirector, created.id, { action: 'approve', reason: '合格', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'HANDLER_VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
  });
});

describe('editing a handler', () => {
  it('changes what is sent, bumps the version and audits the difference', async () => {
    const created = await register(haidianDirector);
    const edited = await haidianDirector.session.patch(`/api/v1/handlers/${created.id}`, {
      version: 1,
      capacity: 12,
      languages: ['ug'],
      phone: '13800001111',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      capacity: 12,
      languages: ['ug'],
      phoneMasked: '138****1111',
      version: 2,
    });
    const [audit] = await auditRows(created.id, 'handler.update');
    expect(audit!.changes).toEqual({
      capacity: { before: 8, after: 12 },
      languages: { before: ['en', 'sign'], after: ['ug'] },
      phone: { before: '***', after: '***' },
      version: { before: 1, after: 2 },
    });
  });

  it('refuses an edit made on a stale version (two editors)', async () => {
    const created = await register(haidianDirector);
    const first = await haidianDirector.session.patch(`/api/v1/handlers/${created.id}`, {
      version: 1,
      capacity: 2,
    });
    expect(first.statusCode).toBe(200);
    const second = await haidianDirector.session.patch(`/api/v1/handlers/${created.id}`, {
      version: 1,
      capacity: 9,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('HANDLER_VERSION_CONFLICT');
  });

  it('refuses taking another handler’s licence number', async () => {
    const a = await register(haidianDirector);
    const b = await register(haidianDirector);
    const clash = await haidianDirector.session.patch(`/api/v1/handlers/${b.id}`, {
      version: 1,
      licenceNumber: a.licenceNumber,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('HANDLER_LICENCE_TAKEN');
  });
});

describe('finding handlers', () => {
  it('filters by kind, status, specialty, language, district, minors and searches name, pinyin and initials', async () => {
    const director = await signIn(ORG.dongcheng, ['director']);
    const a = await register(
      director,
      lawyer({ name: '欧阳娜娜', languages: ['bo'], familiarWithMinors: false }),
    );
    await register(
      director,
      lawyer({
        name: '王小明',
        kind: 'public_lawyer',
        specialties: ['civil'],
        languages: [],
        districtsServed: [ORG.dongcheng],
      }),
    );
    await director.session.post(`/api/v1/handlers/${a.id}/status`, { action: 'approve', reason: '合格' });
    const total = async (query: string) =>
      (await director.session.get(`/api/v1/handlers?${query}`)).json().total as number;
    expect(await total('')).toBe(2);
    expect(await total('kind=public_lawyer')).toBe(1);
    expect(await total('status=active')).toBe(1);
    expect(await total('specialty=criminal')).toBe(1);
    expect(await total('language=bo')).toBe(1);
    expect(await total(`district=${ORG.chaoyang}`)).toBe(1);
    expect(await total('familiarWithMinors=true')).toBe(1);
    expect(await total('familiarWithMinors=false')).toBe(1);
    expect(await total(`q=${encodeURIComponent('欧阳')}`)).toBe(1);
    expect(await total('q=ouyang')).toBe(1);
    expect(await total('q=wxm')).toBe(1);
    expect(await total(`q=${a.licenceNumber}`)).toBe(1);
    const page = await director.session.get('/api/v1/handlers?sort=name');
    expect(page.json().items.map((h: { name: string }) => h.name)).toEqual(['欧阳娜娜', '王小明']);
    expect(page.json().items[0]).toMatchObject({ yearsOfCriminalPractice: 5, openCases: 0 });
  });
});

describe('training and conflicts', () => {
  it('records training hours and conflicts (回避), party names masked in the audit log', async () => {
    const created = await register(haidianDirector);
    const base = `/api/v1/handlers/${created.id}`;
    const training = await haidianDirector.session.post(`${base}/training`, {
      title: '死刑复核案件辩护实务',
      hours: 6,
      heldOn: '2026-10-10',
      provider: '北京市律师协会',
    });
    expect(training.statusCode, training.body).toBe(201);
    await haidianDirector.session.post(`${base}/training`, {
      title: '未成年人保护',
      hours: 2.5,
      heldOn: '2026-09-01',
    });
    const future = await haidianDirector.session.post(`${base}/training`, {
      title: '将来',
      hours: 1,
      heldOn: '2027-01-01',
    });
    expect(future.json().error.code).toBe('HANDLER_DATES_INVALID');
    const conflict = await haidianDirector.session.post(`${base}/conflicts`, {
      kind: 'opposing_party',
      partyName: '北京某建筑公司',
      note: '曾任该公司常年法律顾问',
    });
    expect(conflict.statusCode, conflict.body).toBe(201);
    const detail = (await haidianDirector.session.get(base)).json();
    expect(detail.trainingHours).toBe(8.5);
    expect(detail.training[0]).toMatchObject({ title: '死刑复核案件辩护实务', hours: 6 });
    expect(detail.conflicts).toMatchObject([{ kind: 'opposing_party', partyName: '北京某建筑公司' }]);
    const [audit] = await auditRows(created.id, 'handler.conflict_add');
    expect(audit!.changes).toMatchObject({ conflictPartyName: { after: '***' } });
    expect(JSON.stringify(audit!.changes)).not.toContain('建筑公司');

    const removed = await haidianDirector.session.request({
      method: 'DELETE',
      url: `${base}/conflicts/${conflict.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await haidianDirector.session.get(base)).json().conflicts).toEqual([]);
    expect(await auditRows(created.id, 'handler.conflict_remove')).toHaveLength(1);
    const foreign = await chaoyangDirector.session.post(`${base}/conflicts`, {
      kind: 'relation',
      partyName: '某某',
    });
    expect(foreign.statusCode).toBe(404);
  });
});
