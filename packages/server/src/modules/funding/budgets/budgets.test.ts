import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, budgetLines, staffAlerts, subsidyPayments } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { buildHandler, ORG } from '../../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../../applications/application-test-kit.ts';
import { lineOf, openLine, receiveDonation } from '../funding-test-kit.ts';

/*
 * Budget lines (issue 16): allocated, committed, spent and remaining per line, kept to the centre,
 * changed against the version seen, and an alert rung once each time a line runs low.
 */
let t: TestContext;
let finance: Staff;
let director: Staff;
let window: Staff;
let chaoyangFinance: Staff;
beforeAll(async () => {
  t = await startTestApp();
  finance = await signIn(t, ORG.haidian, ['finance']);
  director = await signIn(t, ORG.haidian, ['director']);
  window = await signIn(t, ORG.haidian, ['window_staff']);
  chaoyangFinance = await signIn(t, ORG.chaoyang, ['finance']);
});
afterAll(() => t.close());

const use = (donationId: string, budgetLineId: string, amountFen: number) =>
  finance.session.post(`/api/v1/funding/donations/${donationId}/uses`, {
    budgetLineId,
    amountFen,
    usedOn: '2026-04-01',
    description: '支付案件调查取证费用',
  });
const budgetAlerts = (lineId: string) =>
  t.deps.db
    .select()
    .from(staffAlerts)
    .where(and(eq(staffAlerts.budgetLineId, lineId), eq(staffAlerts.kind, 'budget_low')));

describe('budget lines (预算)', () => {
  it('are opened once per Idempotency-Key, audited, and start with all their allocation remaining', async () => {
    const key = `line-${randomUUID()}`;
    const body = {
      name: '2026 年同级财政拨款',
      sourceKind: 'government_allocation',
      purpose: 'case_subsidy',
    };
    const id = await openLine(finance, body, key);
    expect(await openLine(finance, body, key)).toBe(id);
    expect(await t.deps.db.select().from(budgetLines).where(eq(budgetLines.name, body.name))).toHaveLength(1);
    const [audit] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit).toMatchObject({ action: 'budget_lines.create', entityType: 'budget_lines' });

    expect(await lineOf(director, id)).toMatchObject({
      year: 2026,
      allocatedFen: 100_000_00,
      committedFen: 0,
      spentFen: 0,
      remainingFen: 100_000_00,
      availableFen: 100_000_00,
      alertThresholdPerMille: 100,
      low: false,
      version: 1,
    });
    const list = (await director.session.get('/api/v1/funding/budget-lines?year=2026')).json().items;
    expect(list.map((l: { id: string }) => l.id)).toContain(id);
    expect((await director.session.get('/api/v1/funding/budget-lines?year=2025')).json().items).toEqual([]);
  });

  it('are kept to their centre: another district sees none of them and gets 404', async () => {
    const id = await openLine(finance);
    const other = await chaoyangFinance.session.get(`/api/v1/funding/budget-lines/${id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('BUDGET_LINE_NOT_FOUND');
    expect((await chaoyangFinance.session.get('/api/v1/funding/budget-lines')).json().items).toEqual([]);
    const patched = await chaoyangFinance.session.patch(`/api/v1/funding/budget-lines/${id}`, {
      version: 1,
      amountFen: 1,
    });
    expect(patched.statusCode).toBe(404);
    // Window staff hold no funding permission at all.
    expect((await window.session.get('/api/v1/funding/budget-lines')).statusCode).toBe(403);
  });

  it('change against the version seen, never below what was spent', async () => {
    const id = await openLine(finance, { amountFen: 10_000_00 });
    const changed = await finance.session.patch(`/api/v1/funding/budget-lines/${id}`, {
      version: 1,
      amountFen: 12_000_00,
      alertThresholdPerMille: 200,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ version: 2 });
    const stale = await finance.session.patch(`/api/v1/funding/budget-lines/${id}`, {
      version: 1,
      name: '迟到的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('BUDGET_LINE_STALE');

    const donation = await receiveDonation(finance);
    expect((await use(donation.id, id, 5_000_00)).statusCode).toBe(201);
    const below = await finance.session.patch(`/api/v1/funding/budget-lines/${id}`, {
      version: 2,
      amountFen: 4_999_99,
    });
    expect(below.statusCode).toBe(422);
    expect(below.json().error.code).toBe('BUDGET_LINE_BELOW_SPENT');
  });

  it('ring their low-balance alert once per crossing, to finance and the directors', async () => {
    const id = await openLine(finance, { amountFen: 1_000_00 }); // threshold 10 % = 100.00
    const donation = await receiveDonation(finance);
    expect((await use(donation.id, id, 900_00)).statusCode).toBe(201); // exactly 100.00 left: not low
    expect(await budgetAlerts(id)).toEqual([]);

    expect((await use(donation.id, id, 1)).statusCode).toBe(201); // 99.99 left: low
    const rung = await budgetAlerts(id);
    expect(new Set(rung.map((a) => a.userId))).toEqual(new Set([finance.id, director.id]));
    expect((await lineOf(finance, id)).low).toBe(true);

    expect((await use(donation.id, id, 50_00)).statusCode).toBe(201); // still low: no second ring
    expect(await budgetAlerts(id)).toHaveLength(2);

    // The director sees it in the bell.
    const bell = (await director.session.get('/api/v1/alerts')).json().items;
    expect(bell.find((a: { kind: string }) => a.kind === 'budget_low')).toMatchObject({
      budgetLine: { id },
    });

    // More money: the line is above its threshold again, and the next crossing rings again.
    const line = await lineOf(finance, id);
    const raised = await finance.session.patch(`/api/v1/funding/budget-lines/${id}`, {
      version: line.version,
      amountFen: 2_000_00,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect((await lineOf(finance, id)).low).toBe(false);
    t.clock.advance(60_000);
    expect((await use(donation.id, id, 900_00)).statusCode).toBe(201);
    expect(await budgetAlerts(id)).toHaveLength(4);
  });

  it('count the case subsidies paid in the year on the centre’s cases as spent on its case-subsidy line', async () => {
    const chaoyangWindow = await signIn(t, ORG.chaoyang, ['window_staff']);
    const line = await openLine(chaoyangFinance, { purpose: 'case_subsidy', amountFen: 50_000_00 });
    t.clock.advance(1_000);
    const second = await openLine(chaoyangFinance, { purpose: 'case_subsidy', amountFen: 1_00 });
    const { id: caseId } = await recordNotice(chaoyangWindow, '补贴测试');
    const { id: lastYearCase } = await recordNotice(chaoyangWindow, '上年补贴');
    const { id: handlerId } = await buildHandler(t.deps, '补贴律师', { organisationId: ORG.chaoyang });
    const pay = (applicationId: string, amountFen: number, paidOn: string) =>
      t.deps.db.insert(subsidyPayments).values({
        id: randomUUID(),
        applicationId,
        handlerId,
        payeeKind: 'handler',
        payeeName: '补贴律师',
        amountFen,
        paidOn,
        paymentReference: `PZ-${paidOn}`,
        recordedBy: chaoyangFinance.id,
        recordedAt: t.clock.now(),
      });
    await pay(caseId, 2_600_00, '2026-05-20');
    await pay(lastYearCase, 1_000_00, '2025-12-31'); // another year
    const detail = await lineOf(chaoyangFinance, line);
    expect(detail).toMatchObject({
      spentFen: 2_600_00,
      caseSubsidies: { spentFen: 2_600_00, committedFen: 0 },
    });
    expect(detail.burnDown[3].spentFen).toBe(0);
    expect(detail.burnDown[4].spentFen).toBe(2_600_00);
    // The first case-subsidy line of the year carries them; the second does not count them again.
    expect((await lineOf(chaoyangFinance, second)).spentFen).toBe(0);
    // 海淀's lines know nothing of 朝阳's cases.
    const haidian = await openLine(finance, { purpose: 'case_subsidy' });
    expect((await lineOf(finance, haidian)).spentFen).toBe(0);
  });
});
