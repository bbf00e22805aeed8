import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  consultations,
  dutyRosters,
  dutySlots,
  handlers,
  serviceContracts,
} from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../../applications/application-test-kit.ts';
import { buildLawFirm, buildPoolHandler, type PoolHandler } from '../../quality/closed-case-kit.ts';
import { buildStation } from '../../duty/duty-test-kit.ts';
import { lineOf, openLine } from '../funding-test-kit.ts';

/*
 * Government purchase of legal services (政府购买法律服务, LAL art.15, issue 16): contracts with a
 * law firm or a social organisation, what was delivered counted from the records, and payments
 * that never exceed the contract.
 */
let t: TestContext;
let finance: Staff;
let director: Staff;
let window: Staff;
let chaoyangFinance: Staff;
let firmId: string;
let otherFirmId: string;
let lawyer: PoolHandler;
let otherLawyer: PoolHandler;
let line: string;
beforeAll(async () => {
  t = await startTestApp();
  finance = await signIn(t, ORG.haidian, ['finance']);
  director = await signIn(t, ORG.haidian, ['director']);
  window = await signIn(t, ORG.haidian, ['window_staff']);
  chaoyangFinance = await signIn(t, ORG.chaoyang, ['finance']);
  firmId = await buildLawFirm(t.deps, '北京市某某律师事务所');
  otherFirmId = await buildLawFirm(t.deps, '北京市另一律师事务所');
  lawyer = await buildPoolHandler(t, ORG.haidian, '购买服务律师', firmId);
  otherLawyer = await buildPoolHandler(t, ORG.haidian, '他所律师', otherFirmId);
  line = await openLine(finance, { purpose: 'duty_subsidy', amountFen: 1_000_000_00 });
});
afterAll(() => t.close());

const firmContract = (overrides: Record<string, unknown> = {}) => ({
  contractNumber: `HD-GM-2026-${randomUUID().slice(0, 4)}`,
  providerKind: 'law_firm',
  lawFirmId: firmId,
  budgetLineId: line,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  amountFen: 300_000_00,
  casesDue: 40,
  dutyDaysDue: 100,
  hotlineHoursDue: 200,
  ...overrides,
});

async function assignAndAccept(handler: PoolHandler, defendant: string) {
  const { id } = await recordNotice(window, defendant);
  const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: handler.id,
    reason: '购买服务合同承办',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await handler.session.post(`/api/v1/applications/${id}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
}

/** Duty slots at a 海淀 station, straight into the roster tables (the roster's API is tested in duty/). */
async function dutySlotsFor(
  rows: Array<{ handlerId: string; date: string; shift: 'am' | 'pm'; checkedIn: boolean }>,
) {
  const station = await buildStation(t, ORG.haidian);
  const rosterId = randomUUID();
  await t.deps.db.insert(dutyRosters).values({
    id: rosterId,
    stationOrgId: station.id,
    weekStart: '2026-03-02',
    confirmedBy: director.id,
    confirmedAt: t.clock.now(),
  });
  for (const r of rows)
    await t.deps.db.insert(dutySlots).values({
      id: randomUUID(),
      rosterId,
      stationOrgId: station.id,
      date: r.date,
      shift: r.shift,
      startsAt: new Date(`${r.date}T${r.shift === 'am' ? '09' : '13'}:00:00+08:00`),
      endsAt: new Date(`${r.date}T${r.shift === 'am' ? '12' : '17'}:00:00+08:00`),
      handlerId: r.handlerId,
      checkedInAt: r.checkedIn ? new Date(`${r.date}T08:55:00+08:00`) : null,
    });
}

/** A 12348 call taken by a lawyer's login, with its duration. */
async function hotlineCall(
  handlerId: string,
  seconds: number | null,
  channel: 'hotline_12348' | 'window_visit',
) {
  const [h] = await t.deps.db
    .select({ userId: handlers.userId })
    .from(handlers)
    .where(eq(handlers.id, handlerId));
  await t.deps.db.insert(consultations).values({
    id: randomUUID(),
    ownerOrgId: ORG.haidian,
    channel,
    topicMatter: 'other',
    question: '咨询劳动报酬',
    durationSeconds: seconds,
    startedAt: new Date('2026-06-01T10:00:00+08:00'),
    staffUserId: h!.userId!,
    ownerUserId: h!.userId!,
    outcome: 'answered',
  });
}

describe('purchased services (政府购买法律服务)', () => {
  it('count what the firm delivered from the records: cases, duty days, hotline hours', async () => {
    const key = `contract-${randomUUID()}`;
    const body = firmContract();
    const post = () => finance.session.post('/api/v1/funding/contracts', body, { 'idempotency-key': key });
    const created = await post();
    expect(created.statusCode, created.body).toBe(201);
    expect((await post()).json().id).toBe(created.json().id);
    expect(
      await t.deps.db
        .select()
        .from(serviceContracts)
        .where(eq(serviceContracts.contractNumber, body.contractNumber)),
    ).toHaveLength(1);
    const id = created.json().id as string;

    await assignAndAccept(lawyer, '合同案件一');
    await assignAndAccept(lawyer, '合同案件二');
    await assignAndAccept(otherLawyer, '他所案件');
    await dutySlotsFor([
      { handlerId: lawyer.id, date: '2026-03-02', shift: 'am', checkedIn: true },
      { handlerId: lawyer.id, date: '2026-03-02', shift: 'pm', checkedIn: true }, // same day: one day
      { handlerId: lawyer.id, date: '2026-03-03', shift: 'am', checkedIn: true },
      { handlerId: lawyer.id, date: '2026-03-04', shift: 'am', checkedIn: false }, // never came
      { handlerId: otherLawyer.id, date: '2026-03-05', shift: 'am', checkedIn: true },
    ]);
    await hotlineCall(lawyer.id, 5_400, 'hotline_12348');
    await hotlineCall(lawyer.id, null, 'hotline_12348'); // no duration: counts nothing
    await hotlineCall(lawyer.id, 3_600, 'window_visit'); // not the hotline
    const hours = await finance.session.post(`/api/v1/funding/contracts/${id}/hotline-hours`, {
      servedOn: '2026-06-02',
      minutes: 30,
      note: '12348 热线值守（通话未逐条登记时长）',
    });
    expect(hours.statusCode, hours.body).toBe(201);
    const outside = await finance.session.post(`/api/v1/funding/contracts/${id}/hotline-hours`, {
      servedOn: '2027-01-02',
      minutes: 30,
      note: '期外',
    });
    expect(outside.json().error.code).toBe('CONTRACT_DATE_OUTSIDE_PERIOD');

    const detail = (await director.session.get(`/api/v1/funding/contracts/${id}`)).json();
    expect(detail).toMatchObject({
      providerName: '北京市某某律师事务所',
      recordedHotlineSeconds: 5_400,
      manualHotlineMinutes: 30,
    });
    expect(detail.progress).toEqual([
      { service: 'cases', due: 40, delivered: 2, perMille: 50 },
      { service: 'dutyDays', due: 100, delivered: 2, perMille: 20 },
      { service: 'hotlineHours', due: 200, delivered: 2, perMille: 10 },
    ]);
  });

  it('are paid against the contract, never above its amount, spending from its line', async () => {
    const created = await finance.session.post(
      '/api/v1/funding/contracts',
      firmContract({ amountFen: 100_000_00, startsOn: '2026-03-01' }),
    );
    const id = created.json().id as string;
    const before = await lineOf(finance, line);
    const paid = await finance.session.post(`/api/v1/funding/contracts/${id}/payments`, {
      amountFen: 60_000_00,
      paidOn: '2026-07-01',
      reference: '付款凭证 2026-07-001',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().leftFen).toBe(40_000_00);
    const over = await finance.session.post(`/api/v1/funding/contracts/${id}/payments`, {
      amountFen: 40_000_01,
      paidOn: '2026-08-01',
      reference: '付款凭证 2026-08-001',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'CONTRACT_OVERPAID', details: { leftFen: 40_000_00 } });

    const after = await lineOf(finance, line);
    expect(after.spentFen - before.spentFen).toBe(60_000_00);
    // The contract committed 100,000.00 when recorded; 60,000.00 of it is now spent.
    expect(after.commitments.find((c: { contractId: string }) => c.contractId === id)).toMatchObject({
      amountFen: 100_000_00,
      paidFen: 60_000_00,
      openFen: 40_000_00,
    });
    expect(after.burnDown[2].committedFen - before.burnDown[2].committedFen).toBe(0);
    expect(after.burnDown[6].spentFen - before.burnDown[6].spentFen).toBe(60_000_00);

    const stale = await finance.session.patch(`/api/v1/funding/contracts/${id}`, {
      version: 0 + 1,
      casesDue: 1,
    });
    expect(stale.statusCode, stale.body).toBe(200);
    const again = await finance.session.patch(`/api/v1/funding/contracts/${id}`, { version: 1, casesDue: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONTRACT_STALE');
    const below = await finance.session.patch(`/api/v1/funding/contracts/${id}`, {
      version: 2,
      amountFen: 59_999_99,
    });
    expect(below.json().error.code).toBe('CONTRACT_AMOUNT_BELOW_PAID');
  });

  it('with a social organisation count only the hours entered by hand', async () => {
    const wrong = await finance.session.post(
      '/api/v1/funding/contracts',
      firmContract({ providerKind: 'social_organisation', lawFirmId: null }),
    );
    expect(wrong.json().error.code).toBe('CONTRACT_PROVIDER_INVALID');
    const backwards = await finance.session.post(
      '/api/v1/funding/contracts',
      firmContract({ startsOn: '2026-06-01', endsOn: '2026-05-31' }),
    );
    expect(backwards.json().error.code).toBe('CONTRACT_PERIOD_INVALID');
    const created = await finance.session.post(
      '/api/v1/funding/contracts',
      firmContract({
        providerKind: 'social_organisation',
        lawFirmId: null,
        providerName: '海淀区某社会工作服务中心',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await finance.session.post(`/api/v1/funding/contracts/${id}/hotline-hours`, {
      servedOn: '2026-06-02',
      minutes: 240,
      note: '热线值守半天',
    });
    const detail = (await finance.session.get(`/api/v1/funding/contracts/${id}`)).json();
    expect(detail.progress.map((p: { delivered: number }) => p.delivered)).toEqual([0, 0, 4]);
  });

  it('are kept to their centre', async () => {
    const created = await finance.session.post('/api/v1/funding/contracts', firmContract());
    const id = created.json().id as string;
    const seen = await chaoyangFinance.session.get(`/api/v1/funding/contracts/${id}`);
    expect(seen.statusCode).toBe(404);
    expect(seen.json().error.code).toBe('CONTRACT_NOT_FOUND');
    const paid = await chaoyangFinance.session.post(`/api/v1/funding/contracts/${id}/payments`, {
      amountFen: 1_00,
      paidOn: '2026-07-01',
      reference: '越权',
    });
    expect(paid.statusCode).toBe(404);
    expect((await chaoyangFinance.session.get('/api/v1/funding/contracts')).json().items).toEqual([]);
    const foreignLine = await chaoyangFinance.session.post('/api/v1/funding/contracts', firmContract());
    expect(foreignLine.json().error.code).toBe('BUDGET_LINE_UNUSABLE');
  });
});
