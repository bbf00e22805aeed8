import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { SERVICE_STANDARD_ITEMS } from '@fayuan/domain';
import { toStoredRule } from './rule-tables.ts';

let t: TestContext;
let ruleAdmin: Session;
let reviewer: Session;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await buildUser(t.deps, { roles: ['rule_admin'], organisationId: ORG.city });
  ruleAdmin = new Session(t.app);
  await ruleAdmin.login(admin.username, PASSWORD);
  const user = await buildUser(t.deps, { roles: ['reviewer'], organisationId: ORG.haidian });
  reviewer = new Session(t.app);
  await reviewer.login(user.username, PASSWORD);
});
afterAll(() => t.close());

const assess = (applicationDate: string, monthlyIncomeFen: number) =>
  t.app
    .inject({
      method: 'POST',
      url: '/api/v1/eligibility/assessments',
      payload: {
        jurisdiction: '110000',
        applicationDate,
        matter: 'maintenance',
        household: { members: 1, monthlyIncomeFen },
      },
    })
    .then((r) => r.json());

describe('rule tables', () => {
  it('seeds the service-standard checklist items exactly as the reference rows say (issue 15)', async () => {
    const rows = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rules/service_standard?jurisdiction=110000' })
    ).json<
      {
        id: string;
        key: string;
        data: unknown;
        citation: string;
        effectiveFrom: string;
        effectiveTo: string | null;
      }[]
    >();
    const shipped = SERVICE_STANDARD_ITEMS.map((item) => toStoredRule('service_standard', item));
    expect(rows.map((r) => r.id).sort()).toEqual(shipped.map((r) => r.id).sort());
    for (const row of rows) {
      const want = shipped.find((r) => r.id === row.id);
      expect({ ...row, id: undefined }).toMatchObject({
        key: want?.key,
        data: want?.data,
        citation: want?.citation,
        effectiveFrom: want?.effectiveFrom,
        effectiveTo: want?.effectiveTo,
      });
    }
  });

  it('lists the shipped Beijing thresholds with their sources', async () => {
    const rows = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rules/threshold?jurisdiction=110000' })
    ).json();
    expect(
      rows.map((r: { effectiveFrom: string; data: { monthlyIncomePerMemberFen: number } }) => [
        r.effectiveFrom,
        r.data.monthlyIncomePerMemberFen,
      ]),
    ).toEqual([
      ['2025-09-01', 254000],
      ['2023-09-01', 242000],
      ['2021-08-01', 232000],
      ['2019-07-01', 220000],
    ]);
    const matters = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rules/matter?jurisdiction=110000&at=2026-01-01' })
    ).json();
    expect(matters.length).toBeGreaterThanOrEqual(22);
  });

  it('adds a new minimum wage from a future date: earlier decisions keep theirs, later ones use it', async () => {
    const response = await ruleAdmin.post('/api/v1/rules/threshold', {
      jurisdiction: '110000',
      effectiveFrom: '2027-07-01',
      citation: 'OPN (三); Beijing minimum wage from 2027-07-01 (test)',
      data: { monthlyIncomePerMemberFen: 266000 },
    });
    expect(response.statusCode).toBe(201);
    const rows = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rules/threshold?jurisdiction=110000' })
    ).json();
    expect(rows[1]).toMatchObject({ effectiveFrom: '2025-09-01', effectiveTo: '2027-06-30' });
    const before = await assess('2027-06-30', 260000);
    const after = await assess('2027-07-01', 260000);
    expect(before.hardship).toMatchObject({ status: 'not_met', thresholdFen: 254000 });
    expect(after.hardship).toMatchObject({ status: 'met', thresholdFen: 266000 });
    expect(after.ruleVersion).not.toBe(before.ruleVersion);
    expect(after.rulesApplied).toContain(response.json().id);
  });

  it('refuses a version that does not come after the latest, and invalid data', async () => {
    const early = await ruleAdmin.post('/api/v1/rules/threshold', {
      jurisdiction: '110000',
      effectiveFrom: '2024-01-01',
      citation: 'rewrite history',
      data: { monthlyIncomePerMemberFen: 1 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RULE_VERSION_NOT_LATER');
    const bad = await ruleAdmin.post('/api/v1/rules/matter', {
      jurisdiction: '110000',
      effectiveFrom: '2027-01-01',
      citation: 'x 1',
      data: { code: 'Bad Code', nameZh: '坏', nameEn: 'Bad' },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await ruleAdmin.post('/api/v1/rules/threshold', {
      jurisdiction: '990000',
      effectiveFrom: '2027-01-01',
      citation: 'nowhere',
      data: { monthlyIncomePerMemberFen: 1 },
    });
    expect(unknown.json().error.code).toBe('JURISDICTION_UNKNOWN');
  });

  it('adds a matter to the Beijing catalogue from a date', async () => {
    const added = await ruleAdmin.post('/api/v1/rules/matter', {
      jurisdiction: '110000',
      effectiveFrom: '2027-01-01',
      citation: 'OPN (三) supplementary matter (test)',
      data: {
        code: 'housing_demolition',
        nameZh: '房屋征收补偿',
        nameEn: 'Housing expropriation compensation',
      },
    });
    expect(added.statusCode).toBe(201);
    const payload = {
      jurisdiction: '110000',
      matter: 'housing_demolition',
      applicant: { categories: ['social_assistance'] },
    };
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/assessments',
      payload: { ...payload, applicationDate: '2026-12-31' },
    });
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/assessments',
      payload: { ...payload, applicationDate: '2027-01-01' },
    });
    expect(before.json().eligible).toBe(false);
    expect(after.json().eligible).toBe(true);
  });

  it('lets only rule administrators change rules, and audits every change', async () => {
    const denied = await reviewer.post('/api/v1/rules/threshold', {
      jurisdiction: '110000',
      effectiveFrom: '2030-01-01',
      citation: 'no',
      data: { monthlyIncomePerMemberFen: 1 },
    });
    expect(denied.statusCode).toBe(403);
    const events = await t.deps.pool.query(
      "SELECT action FROM audit_events WHERE entity_type = 'rule_rows' ORDER BY seq",
    );
    expect(events.rows.map((r) => r.action)).toEqual(['rule.close', 'rule.add_version', 'rule.add_version']);
  });
});

describe('holiday calendar', () => {
  it('ships the official calendar, with adjusted working days', async () => {
    const days = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar?year=2024' })).json();
    expect(days.find((d: { date: string }) => d.date === '2024-10-01')).toMatchObject({
      kind: 'holiday',
      nameZh: '国庆节',
    });
    expect(days.find((d: { date: string }) => d.date === '2024-09-29')).toMatchObject({
      kind: 'adjusted_workday',
    });
  });

  it('takes next year’s calendar the day it is announced, and deadlines follow it', async () => {
    const start = { kind: 'review_decision', start: '2029-09-27T09:00:00+08:00' };
    const before = (await t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: start })).json();
    // No 2029 notice yet: the statutory 国庆 (10-01 to 10-03) of the baseline, provisional.
    expect(before).toMatchObject({ dueDate: '2029-10-04', provisional: true });
    expect(before.warnings[0].code).toBe('CALENDAR_PROVISIONAL');
    const added = await ruleAdmin.post('/api/v1/calendar/years', {
      year: 2029,
      source: '国务院办公厅关于2029年部分节假日安排的通知（测试）',
      days: [
        '2029-10-01',
        '2029-10-02',
        '2029-10-03',
        '2029-10-04',
        '2029-10-05',
        '2029-10-06',
        '2029-10-07',
      ].map((date) => ({
        date,
        kind: 'holiday',
        nameZh: '国庆节',
        nameEn: 'National Day',
      })),
    });
    expect(added.statusCode).toBe(201);
    const after = (await t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: start })).json();
    expect(after).toMatchObject({ dueDate: '2029-10-08', warnings: [], provisional: false });
    const again = await ruleAdmin.post('/api/v1/calendar/years', { year: 2029, source: 'again', days: [] });
    expect(again.json().error.code).toBe('CALENDAR_YEAR_EXISTS');
    const outside = await ruleAdmin.post('/api/v1/calendar/years', {
      year: 2031,
      source: 'typo test',
      days: [{ date: '2030-01-01', kind: 'holiday', nameZh: '元旦', nameEn: 'New Year' }],
    });
    expect(outside.json().error.code).toBe('CALENDAR_DAY_OUTSIDE_YEAR');
  });
});
