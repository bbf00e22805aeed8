import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { applications, auditEvents, dutyServices, staffAlerts } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildPartnerActor, buildStation } from './duty-test-kit.ts';
import { dutyRequestView, requestDutyLawyer } from './request-duty-lawyer.ts';
import { AppError } from '../../platform/errors.ts';

// Monday 2026-11-02, 09:00 Beijing (the test clock's start).
const WEEK = '2026-11-02';
const ID_17 = '11010819900307123';
const ID_NUMBER = `${ID_17}${idNumberCheckCharacter(ID_17)}`;

let t: TestContext;
let director: Staff;
let chaoyangDirector: Staff;
let window: Staff;
let station: { id: string; name: string; code: string };
let unstaffed: { id: string; name: string; code: string };
let lawyer: { id: string; name: string; username: string; session: Session; userId: string };
let other: { id: string; session: Session };
let mondayAm: string;

async function login(username: string) {
  const session = new Session(t.app);
  expect((await session.login(username, PASSWORD)).statusCode).toBe(200);
  return session;
}

const plea = {
  prosecutor: '李检察官',
  charges: ['盗窃罪'],
  opinion: 'agree',
  opinionText: '量刑建议适当，同意签署。',
};

const origin = (actorUserId: string) => ({
  actor: null,
  ip: null,
  requestId: `test-${actorUserId.slice(0, 8)}`,
});

beforeAll(async () => {
  t = await startTestApp();
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  window = await signIn(t, ORG.haidian, ['window_staff']);
  station = await buildStation(t, ORG.haidian, {
    name: '海淀检察院法律援助工作站',
    kind: 'procuratorate_station',
    host: '北京市海淀区人民检察院',
  });
  unstaffed = await buildStation(t, ORG.haidian, {
    name: '海淀公安执法办案中心法律援助工作站',
    kind: 'police_case_centre_station',
    host: null,
  });
  const h = await buildHandler(t.deps, '吕律师', { organisationId: ORG.haidian });
  lawyer = {
    id: h.id,
    name: '吕律师',
    username: h.user.username,
    session: await login(h.user.username),
    userId: h.user.id,
  };
  const o = await buildHandler(t.deps, '欧律师', { organisationId: ORG.haidian, status: 'suspended' });
  other = { id: o.id, session: await login(o.user.username) };
  const confirmed = await director.session.post('/api/v1/duty/rosters', {
    stationId: station.id,
    weekStart: WEEK,
  });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  mondayAm = confirmed
    .json()
    .slots.find((s: { date: string; shift: string }) => s.date === WEEK && s.shift === 'am').id;
});
afterAll(() => t.close());

describe('the service log (服务台账) with the plea fields (CPL art.173–174)', () => {
  it('refuses a plea-signing presence without the case number, prosecutor, charges or opinion', async () => {
    const response = await lawyer.session.post('/api/v1/duty/services', {
      slotId: mondayAm,
      serviceTypes: ['plea_signing_presence'],
      person: { name: '张某' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('DUTY_PLEA_FIELDS_REQUIRED');
    expect(response.json().error.details.fields).toEqual([
      'institutionCaseNumber',
      'plea.prosecutor',
      'plea.charges',
      'plea.opinion',
    ]);
    const unknown = await lawyer.session.post('/api/v1/duty/services', {
      slotId: mondayAm,
      serviceTypes: ['fortune_telling'],
      person: { name: '张某' },
    });
    expect(unknown.json().error.code).toBe('DUTY_SERVICE_TYPE_UNKNOWN');
    const notMine = await other.session.post('/api/v1/duty/services', {
      slotId: mondayAm,
      serviceTypes: ['legal_consultation'],
      person: { name: '张某' },
    });
    expect(notMine.json().error.code).toBe('DUTY_NOT_YOUR_SLOT');
  });

  it('logs the presence with the plea, the ID number sealed and masked in the audit row', async () => {
    const response = await lawyer.session.post('/api/v1/duty/services', {
      slotId: mondayAm,
      serviceTypes: ['plea_signing_presence', 'legal_consultation'],
      person: { name: '张某', idNumber: ID_NUMBER },
      institutionCaseNumber: '京海检刑诉〔2026〕101号',
      plea,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      personName: '张某',
      institutionCaseNumber: '京海检刑诉〔2026〕101号',
      prosecutor: '李检察官',
      charges: ['盗窃罪'],
      pleaOpinion: 'agree',
      application: null,
    });
    const id = response.json().id;
    const [row] = await t.deps.db.select().from(dutyServices).where(eq(dutyServices.id, id));
    expect(row?.personIdNumberSealed?.toString('latin1')).not.toContain(ID_17);
    expect(t.deps.cipher.open(row!.personIdNumberSealed!)).toBe(ID_NUMBER);
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'duty_service.create')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain(ID_17);
  });
});

describe('duty-lawyer requests from organs', () => {
  it('tells the lawyer on duty now; the request is accepted, then served by a service record', async () => {
    const partner = await buildPartnerActor(t, ORG.haidian, 'procuratorate', '北京市海淀区人民检察院');
    const view = await t.deps.db.transaction((tx) =>
      requestDutyLawyer(
        t.deps,
        tx,
        partner.actor,
        {
          stationOrganisationCode: station.code,
          suspect: { name: '赵某' },
          institutionCaseNumber: '京海检刑诉〔2026〕102号',
          reason: 'plea_signing',
        },
        origin(partner.actor.userId),
        partner.partnerId,
      ),
    );
    expect(view).toMatchObject({
      status: 'received',
      station: { id: station.id },
      dutyLawyer: { name: '吕律师' },
    });
    const bell = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, lawyer.userId), eq(staffAlerts.kind, 'duty_request')));
    expect(bell).toHaveLength(1);
    const mine = (await lawyer.session.get('/api/v1/duty/my')).json();
    expect(mine.requests.map((q: { id: string }) => q.id)).toContain(view.id);
    expect((await lawyer.session.post(`/api/v1/duty/requests/${view.id}/accept`)).statusCode).toBe(200);
    expect((await dutyRequestView(t.deps.db, view.id, partner.actor.userId)).status).toBe('accepted');
    const served = await lawyer.session.post('/api/v1/duty/services', {
      slotId: mondayAm,
      serviceTypes: ['plea_signing_presence'],
      person: { name: '赵某' },
      institutionCaseNumber: '京海检刑诉〔2026〕102号',
      plea: { ...plea, opinion: 'disagree', opinionText: '量刑建议偏重。' },
      requestId: view.id,
    });
    expect(served.statusCode, served.body).toBe(201);
    expect(await dutyRequestView(t.deps.db, view.id, partner.actor.userId)).toMatchObject({
      status: 'served',
      dutyLawyer: { name: '吕律师' },
    });
  });

  it('with nobody on duty, the station’s centre’s directors are told; unknown or out-of-scope stations are refused', async () => {
    const partner = await buildPartnerActor(t, ORG.haidian, 'police', '北京市公安局海淀分局');
    const view = await t.deps.db.transaction((tx) =>
      requestDutyLawyer(
        t.deps,
        tx,
        partner.actor,
        {
          stationOrganisationCode: unstaffed.code,
          suspect: { name: '钱某', idNumber: ID_NUMBER },
          institutionCaseNumber: '京公海刑〔2026〕7号',
          reason: 'consultation',
        },
        origin(partner.actor.userId),
        partner.partnerId,
      ),
    );
    expect(view.dutyLawyer).toBeNull();
    const bell = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, director.id), eq(staffAlerts.kind, 'duty_request')));
    expect(bell).toHaveLength(1);
    const open = (await director.session.get('/api/v1/duty/requests')).json();
    expect(open.map((q: { id: string }) => q.id)).toContain(view.id);
    expect((await chaoyangDirector.session.get('/api/v1/duty/requests')).json()).toEqual([]);
    const refuse = (code: string) =>
      t.deps.db.transaction((tx) =>
        requestDutyLawyer(
          t.deps,
          tx,
          partner.actor,
          {
            stationOrganisationCode: code,
            suspect: { name: '孙某' },
            institutionCaseNumber: 'x',
            reason: 'other',
          },
          origin(partner.actor.userId),
        ),
      );
    await expect(refuse('NO-SUCH-STATION')).rejects.toMatchObject({ code: 'DUTY_REQUEST_STATION_UNKNOWN' });
    // 朝阳's station lies outside a 海淀 partner's organisation.
    await expect(refuse('110105-JCY01')).rejects.toBeInstanceOf(AppError);
  });
});

describe('KPIs per district and month', () => {
  it('counts plea presences, notices assigned within 3 days and defence coverage; another district sees its own', async () => {
    const notice = await recordNotice(window, '周某');
    const assigned = await director.session.post(`/api/v1/applications/${notice.id}/assignment`, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    await recordNotice(window, '吴某'); // not assigned
    const kpis = (await director.session.get('/api/v1/duty/kpis?month=2026-11')).json();
    expect(kpis).toEqual([
      {
        centre: { id: ORG.haidian, name: expect.any(String) },
        pleaPresences: 2,
        notifiedCases: 2,
        notifiedAssignedInTime: 1,
        notifiedAssignedInTimePerMille: 500,
        criminalCases: 2,
        criminalCasesWithLawyer: 1,
        defenceCoveragePerMille: 500,
      },
    ]);
    const chaoyang = (await chaoyangDirector.session.get('/api/v1/duty/kpis?month=2026-11')).json();
    expect(chaoyang).toEqual([
      {
        centre: { id: ORG.chaoyang, name: expect.any(String) },
        pleaPresences: 0,
        notifiedCases: 0,
        notifiedAssignedInTime: 0,
        notifiedAssignedInTimePerMille: null,
        criminalCases: 0,
        criminalCasesWithLawyer: 0,
        defenceCoveragePerMille: null,
      },
    ]);
  });
});

describe('service → application in one step (LAL art.39(2): within 24 hours)', () => {
  const forwardBody = {
    stage: 'prosecution_review',
    facts: '嫌疑人在值班律师处申请法律援助，家庭经济困难。',
    requestedHelp: '审查起诉阶段辩护。',
    hardshipBasis: 'integrity_pledge',
    household: { members: 3, monthlyIncomeFen: 3 * 150_000 },
  };

  it('passes it on forwarded by the station, flagged late only after 24 hours', async () => {
    const served = async (name: string) => {
      const response = await lawyer.session.post('/api/v1/duty/services', {
        slotId: mondayAm,
        serviceTypes: ['aid_application_help'],
        person: { name },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; servedAt: string };
    };
    const onTime = await served('郑某');
    const late = await served('王某');
    t.clock.advance(24 * 3_600_000); // exactly 24 hours after the person asked
    let session = await login(lawyer.username);
    const first = await session.post(`/api/v1/duty/services/${onTime.id}/application`, forwardBody);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().forwardedLate).toBe(false);
    const [app] = await t.deps.db
      .select()
      .from(applications)
      .where(eq(applications.id, first.json().applicationId));
    expect(app).toMatchObject({
      channel: 'forwarded',
      forwardedBy: station.name,
      ownerOrgId: ORG.haidian,
      intakeOrgId: station.id,
      state: 'received',
      caseType: 'criminal',
    });
    expect(app?.forwardedReceivedAt?.toISOString()).toBe(onTime.servedAt);
    const again = await session.post(`/api/v1/duty/services/${onTime.id}/application`, forwardBody);
    expect(again.json().error.code).toBe('DUTY_SERVICE_ALREADY_FORWARDED');

    t.clock.advance(1000); // one second past the 24 hours
    session = await login(lawyer.username);
    const second = await session.post(`/api/v1/duty/services/${late.id}/application`, forwardBody);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().forwardedLate).toBe(true);
    // The lawyer sees it was passed on: the service names the application.
    const [row] = await t.deps.db.select().from(dutyServices).where(eq(dutyServices.id, late.id));
    expect(row?.applicationId).toBe(second.json().applicationId);
    // The centre reads it with the forwarding and its late flag.
    const staff = await signIn(t, ORG.haidian, ['window_staff']);
    const detail = await staff.session.get(`/api/v1/applications/${second.json().applicationId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      channel: 'forwarded',
      forwardedBy: station.name,
      forwardedLate: true,
    });
  });
});
