import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const assess = (payload: unknown, locale = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/eligibility/assessments',
    payload: payload as object,
    headers: { 'accept-language': locale },
  });
const deadline = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: payload as object });

const example = {
  jurisdiction: '110000',
  applicationDate: '2025-09-02',
  matter: 'labour_remuneration',
  applicant: { categories: ['migrant_worker'] },
  household: { members: 3, monthlyIncomeFen: 762000 },
  facts: { domesticViolenceVictim: false },
};

describe('POST /api/v1/eligibility/assessments', () => {
  it('answers the example of the issue without login, with reasons, citations and the rule version', async () => {
    const response = await assess(example);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      eligible: true,
      scope: { inScope: true, citations: ['LAL art.31(5)'] },
      hardship: { status: 'presumed', perCapitaMonthlyIncomeFen: 254000 },
    });
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'MATTER_IN_SCOPE',
      'HARDSHIP_PRESUMED',
    ]);
    expect(body.reasons[1].citation).toBe('LAL art.42(3)');
    expect(body.reasons[1].message).toContain('免予核查');
    expect(body.ruleVersion).toMatch(/^rv-[0-9a-f]{8}$/);
    expect(body.rulesApplied).toContain('cn.matter.labour_remuneration.v1');
  });

  it('uses the minimum wage in force on the application date and says what would change the outcome', async () => {
    const above = {
      ...example,
      applicant: { categories: [] },
      matter: 'maintenance',
      household: { members: 2, monthlyIncomeFen: 500000 },
    };
    const before = (await assess({ ...above, applicationDate: '2025-08-31' }, 'en-US')).json();
    expect(before.hardship).toMatchObject({ status: 'not_met', thresholdFen: 242000 });
    expect(before.whatWouldChange[0].message).toContain('¥2,420');
    const after = (await assess({ ...above, applicationDate: '2025-09-01' })).json();
    expect(after.hardship).toMatchObject({ status: 'met', thresholdFen: 254000 });
    expect(after.eligible).toBe(true);
  });

  it('answers a matter outside the catalogue with eligible false, not an error', async () => {
    const response = await assess({ ...example, matter: 'divorce_property_split' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ eligible: false, scope: { inScope: false } });
    expect(response.json().reasons[0].code).toBe('MATTER_OUT_OF_CATALOGUE');
  });

  it('treats appeals as in scope in Beijing but nationally only after a retrial is ordered', async () => {
    const appeal = { ...example, matter: 'appeal', applicant: { categories: ['social_assistance'] } };
    expect((await assess(appeal)).json().eligible).toBe(true);
    const national = (await assess({ ...appeal, jurisdiction: '000000' })).json();
    expect(national.eligible).toBe(false);
    expect(national.reasons[0].code).toBe('MATTER_NEEDS_FACT');
    expect(
      (await assess({ ...appeal, jurisdiction: '000000', facts: { retrialOrdered: true } })).json().eligible,
    ).toBe(true);
  });

  it('answers eligible without a hardship test for a criminal-defence applicant above the line with a co-defendant who has counsel (LAL art.24)', async () => {
    const defence = {
      jurisdiction: '110000',
      applicationDate: '2026-11-02',
      matter: 'criminal_defense',
      household: { members: 1, monthlyIncomeFen: 900_000 },
      facts: { coDefendantHasCounsel: true },
    };
    const response = await assess(defence, 'en-US');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      eligible: true,
      scope: { inScope: true, citations: ['LAL art.24'] },
      hardship: { status: 'exempt', thresholdFen: null },
    });
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(['MATTER_IN_SCOPE', 'HARDSHIP_EXEMPT']);
    expect(body.reasons[1].citation).toBe(
      'LAL art.24; CPL art.35; 两高两部刑事诉讼法律援助规定(2013) art.2(2)',
    );
    expect(body.rulesApplied).toContain('cn.exemption.criminal_co_defendant_counsel.v1');
    // The same applicant without the other reason is means-tested, and above the line.
    const plain = (await assess({ ...defence, facts: {} })).json();
    expect(plain).toMatchObject({ eligible: false, hardship: { status: 'not_met' } });
  });

  it('refuses a fact that is not a rule row in force with FACT_UNKNOWN; a Beijing fact is unknown nationally', async () => {
    const unknown = await assess({ ...example, facts: { isRich: true } }, 'en-US');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'FACT_UNKNOWN' });
    expect(unknown.json().error.message).toContain('fact');
    const beijing = {
      ...example,
      applicationDate: '2015-06-01',
      matter: 'maintenance',
      facts: { severeDisability: true },
    };
    expect((await assess(beijing)).statusCode).toBe(200);
    expect((await assess({ ...beijing, jurisdiction: '000000' })).json().error.code).toBe('FACT_UNKNOWN');
  });

  it('decides a 2015 Beijing application on the rules then in force (BJR art.11, 12, 19(4))', async () => {
    const on2015 = { jurisdiction: '110000', applicationDate: '2015-06-01' };
    const samaritan = (await assess({ ...on2015, matter: 'good_samaritan' })).json();
    expect(samaritan).toMatchObject({
      eligible: true,
      hardship: { status: 'exempt', citations: ['BJR art.12'] },
    });
    const migrant = (
      await assess({
        ...on2015,
        matter: 'labour_remuneration',
        applicant: { categories: ['migrant_worker'] },
      })
    ).json();
    expect(migrant).toMatchObject({
      eligible: true,
      hardship: { status: 'exempt', citations: ['BJR art.11'] },
    });
    const disabled = (
      await assess({
        ...on2015,
        matter: 'maintenance',
        applicant: { categories: ['no_fixed_income'] },
        facts: { severeDisability: true },
      })
    ).json();
    expect(disabled).toMatchObject({
      eligible: true,
      hardship: { status: 'presumed', citations: ['BJR art.19(4)'] },
    });
  });

  it.each([
    ['no members', { household: { members: 0, monthlyIncomeFen: 1 } }],
    ['negative income', { household: { members: 2, monthlyIncomeFen: -1 } }],
    ['unknown jurisdiction', { jurisdiction: '990000' }],
    ['malformed jurisdiction', { jurisdiction: 'beijing' }],
    ['malformed date', { applicationDate: '2025-02-30' }],
    ['unknown category', { applicant: { categories: ['astronaut'] } }],
    ['unknown fact', { facts: { isRich: true } }],
    ['malformed fact code', { facts: { 'is-rich': true } }],
    ['fractional income', { household: { members: 2, monthlyIncomeFen: 10.5 } }],
    ['extra field', { password: 'x' }],
  ])('refuses %s with 400 in the error envelope', async (_name, change) => {
    const response = await assess({ ...example, ...change });
    expect(response.statusCode).toBe(400);
    expect(['VALIDATION_FAILED', 'JURISDICTION_UNKNOWN', 'FACT_UNKNOWN']).toContain(
      response.json().error.code,
    );
    expect(response.json().error.message).toBeTruthy();
  });
});

describe('POST /api/v1/deadlines', () => {
  it('extends a review deadline that ends in the National Day holiday', async () => {
    const response = await deadline({
      kind: 'review_decision',
      start: '2024-09-28T10:00:00+08:00',
      jurisdiction: '110000',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      dueDate: '2024-10-08',
      dueAt: '2024-10-08T23:59:59.999+08:00',
      amount: 7,
      unit: 'calendar_days',
      // BJR art.21's 5 working days (to 10-10) run beside LAL art.43: the earlier governs, both cited.
      citations: ['LAL art.43', 'BJR art.21', '民法典 art.201–203'],
      warnings: [],
    });
    expect(response.json().extendedOver.map((d: { date: string }) => d.date)).toEqual([
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ]);
  });

  it('gives a Beijing centre the earlier of BJR art.21 (5 working days) and LAL art.43 (7 days), citing both', async () => {
    // Received on Saturday 2025-03-01: 7 days end on Saturday 03-08, moved to Monday 03-10; 5 working days end on Friday 03-07.
    const beijing = (await deadline({ kind: 'review_decision', start: '2025-03-01T10:00:00+08:00' })).json();
    expect(beijing).toMatchObject({
      dueDate: '2025-03-07',
      amount: 5,
      unit: 'working_days',
      citations: ['BJR art.21', 'LAL art.43', '民法典 art.201–203'],
    });
    const national = (
      await deadline({ kind: 'review_decision', start: '2025-03-01T10:00:00+08:00', jurisdiction: '000000' })
    ).json();
    expect(national).toMatchObject({
      dueDate: '2025-03-10',
      citations: ['LAL art.43', '民法典 art.201–203'],
    });
  });

  it('runs hours exactly and counts working days for custom periods', async () => {
    const hours = (await deadline({ kind: 'custody_transfer', start: '2024-09-30T20:00:00+08:00' })).json();
    expect(hours.dueAt).toBe('2024-10-01T20:00:00.000+08:00');
    const working = (
      await deadline({ kind: 'custom', amount: 3, unit: 'working_days', start: '2024-09-27T09:00:00+08:00' })
    ).json();
    expect(working.dueDate).toBe('2024-10-08');
  });

  it('a period ending on 2027-01-01 runs to 2027-01-04 on the statutory baseline, flagged provisional', async () => {
    // 7 days from 2026-12-25 end on Friday 2027-01-01, 元旦 by 全国年节及纪念日放假办法 art.2 whatever
    // 2027's notice will say; the notice is not on file, so the date is provisional.
    const response = (await deadline({ kind: 'review_decision', start: '2026-12-25T10:00:00+08:00' })).json();
    expect(response).toMatchObject({ dueDate: '2027-01-04', provisional: true });
    expect(response.extendedOver).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: null },
      { date: '2027-01-03', name: null },
    ]);
    expect(response.warnings).toEqual([
      expect.objectContaining({ code: 'CALENDAR_PROVISIONAL', provisional: true, years: [2027] }),
    ]);
    expect(response.warnings[0].message).toContain('2027 年的国务院放假通知尚未录入');
  });

  it('says so in English too, and a date inside announced years is not provisional', async () => {
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      headers: { 'accept-language': 'en-US' },
      payload: { kind: 'review_decision', start: '2030-01-01T09:00:00+08:00' },
    });
    expect(en.json().warnings[0].message).toContain('holiday notice for 2030 is not on file');
    const inside = (await deadline({ kind: 'review_decision', start: '2026-03-02T09:00:00+08:00' })).json();
    expect(inside).toMatchObject({ provisional: false, warnings: [] });
  });

  it('counts weekends only, and says so, for a year neither a notice nor the statute in force covers', async () => {
    const response = (
      await deadline({ kind: 'custom', amount: 7, unit: 'calendar_days', start: '2012-03-01T09:00:00+08:00' })
    ).json();
    expect(response.provisional).toBe(false);
    expect(response.warnings.map((w: { code: string }) => w.code)).toEqual(['CALENDAR_YEAR_MISSING']);
  });

  it.each([
    ['unknown kind', { kind: 'coffee_break', start: '2024-09-28T10:00:00+08:00' }],
    ['no offset', { kind: 'review_decision', start: '2024-09-28T10:00:00' }],
    ['negative amount', { kind: 'custom', amount: -1, unit: 'hours', start: '2024-09-28T10:00:00+08:00' }],
    ['unknown unit', { kind: 'custom', amount: 1, unit: 'weeks', start: '2024-09-28T10:00:00+08:00' }],
  ])('refuses %s with 400', async (_name, payload) => {
    const response = await deadline(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toMatch(/VALIDATION_FAILED|PERIOD_UNKNOWN/);
  });
});
