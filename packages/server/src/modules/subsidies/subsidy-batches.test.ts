import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  applications,
  auditEvents,
  payeeBankAccounts,
  subsidyBatchItems,
  subsidyCalculations,
  subsidyPayments,
} from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildLawFirm, buildPoolHandler, closedCase, type PoolHandler } from '../quality/closed-case-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let finance: Staff;
let secondFinance: Staff;
let chaoyangFinance: Staff;
let ruleAdmin: Staff;
let firmLawyer: PoolHandler;
let centreLawyer: PoolHandler;
let firmId: string;
const rateIds: Record<string, string> = {};

interface Calculation {
  id: string;
  status: string;
  version: number;
  complete: boolean;
  computedFen: number;
  totalFen: number;
  ruleIds: string[];
  ruleVersion: string;
  basisDate: string;
  items: {
    code: string;
    ruleId: string;
    amountFen: number | null;
    evidence: string;
    explanationZh: string;
  }[];
}

const calcOf = async (id: string, staff: { session: Staff['session'] } = finance) =>
  (await staff.session.get(`/api/v1/applications/${id}/subsidy-calculation`)).json<Calculation>();

async function evaluate(id: string, score = 93, grade = 'excellent') {
  const evaluated = await reviewer.session.post(`/api/v1/applications/${id}/evaluation`, {
    methods: ['file_inspection'],
    grade,
    score,
    findings: '卷宗规范。',
  });
  expect(evaluated.statusCode, evaluated.body).toBe(201);
}

/** The rule admin sets a Beijing figure of the standard from 2020 (the centre's own row). */
async function setRate(code: string, data: Record<string, unknown>) {
  if (rateIds[code]) return;
  const stored = await ruleAdmin.session.get('/api/v1/rules/subsidy_rate?jurisdiction=000000');
  const row = stored.json<{ key: string; data: Record<string, unknown> }[]>().find((r) => r.key === code);
  expect(row, code).toBeDefined();
  const added = await ruleAdmin.session.post('/api/v1/rules/subsidy_rate', {
    jurisdiction: '110000',
    effectiveFrom: '2020-01-01',
    citation: '海淀区法律援助中心补贴标准（测试）',
    data: { ...row?.data, ...data },
  });
  expect(added.statusCode, added.body).toBe(201);
  rateIds[code] = added.json<{ id: string }>().id;
}

/** The figures the cases here need (the first test sets them itself, after seeing them unset). */
async function ensureRates() {
  await setRate('case_criminal_trial_first_instance', { amountFen: 180_000 });
  await setRate('quality_excellent', { percentBp: 1_000 });
}

async function approvedCase(
  handler: PoolHandler,
  defendant: string,
  adjust?: { adjustmentFen: number; adjustmentReason: string },
) {
  await ensureRates();
  const id = await closedCase({ window, director, reviewer }, handler, defendant);
  await evaluate(id);
  const calc = await calcOf(id);
  const approved = await finance.session.post(`/api/v1/subsidy-calculations/${calc.id}/approve`, {
    version: calc.version,
    ...adjust,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return { id, calc: approved.json<Calculation>() };
}

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  finance = await signIn(t, ORG.haidian, ['finance']);
  secondFinance = await signIn(t, ORG.haidian, ['finance']);
  chaoyangFinance = await signIn(t, ORG.chaoyang, ['finance']);
  ruleAdmin = await signIn(t, ORG.bureau, ['rule_admin']);
  firmId = await buildLawFirm(t.deps, '北京海淀某律师事务所');
  firmLawyer = await buildPoolHandler(t, ORG.haidian, '冯律师', firmId);
  centreLawyer = await buildPoolHandler(t, ORG.haidian, '陈律师', null);
});
afterAll(() => t.close());

describe('subsidy calculation and review (LAL art.52; BJR art.32)', () => {
  it('is calculated at the accepted closing, unset figures keep it from approval until the centre sets them, and every line cites its rule row', async () => {
    const id = await closedCase({ window, director, reviewer }, firmLawyer, '褚某');
    const first = await calcOf(id);
    expect(first).toMatchObject({
      status: 'calculated',
      complete: false,
      computedFen: 0,
      basisDate: '2026-11-02',
    });
    expect(first.items).toEqual([
      expect.objectContaining({
        code: 'case_criminal_trial_first_instance',
        amountFen: null,
        evidence: 'standard',
      }),
    ]);
    expect(first.items[0]?.explanationZh).toContain('待中心设定');

    const early = await finance.session.post(`/api/v1/subsidy-calculations/${first.id}/approve`, {
      version: first.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('SUBSIDY_CASE_NOT_EVALUATED');

    await evaluate(id);
    const evaluated = await calcOf(id);
    expect(evaluated.items.map((i) => i.code)).toEqual([
      'case_criminal_trial_first_instance',
      'quality_excellent',
    ]);
    const unset = await finance.session.post(`/api/v1/subsidy-calculations/${evaluated.id}/approve`, {
      version: evaluated.version,
    });
    expect(unset.statusCode).toBe(409);
    expect(unset.json().error.code).toBe('SUBSIDY_RATE_NOT_SET');
    expect(unset.json().error.message).toContain('case_criminal_trial_first_instance');

    await setRate('case_criminal_trial_first_instance', { amountFen: 180_000 });
    await setRate('quality_excellent', { percentBp: 1_000 });
    const reviewed = await finance.session.post(`/api/v1/subsidy-calculations/${evaluated.id}/review-facts`, {
      version: evaluated.version,
      declared: { extraStages: 0, extraParties: 0, remoteTravel: true, complex: false },
      costs: [
        { kind: 'interpretation', claimedFen: 50_000, note: '维吾尔语翻译' },
        { kind: 'copying', claimedFen: 3_000, note: '' },
      ],
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const calc = reviewed.json<Calculation>();
    // Base 1,800 + 10 % for quality + interpretation at cost; copying is in the base (京财行〔2011〕2483号
    // 第三条); remote travel has no figure yet, so the calculation is still incomplete.
    expect(calc.items.map((i) => [i.code, i.amountFen])).toEqual([
      ['case_criminal_trial_first_instance', 180_000],
      ['supplement_remote_travel', null],
      ['cost_interpretation', 50_000],
      ['cost_copying', 0],
      ['quality_excellent', 18_000],
    ]);
    expect(calc.complete).toBe(false);
    expect(calc.ruleIds).toEqual(
      expect.arrayContaining([rateIds.case_criminal_trial_first_instance, 'bj.subsidy.cost_copying.v1']),
    );
    expect(calc.ruleVersion).not.toBe(evaluated.ruleVersion);

    const withoutTravel = await finance.session.post(`/api/v1/subsidy-calculations/${calc.id}/review-facts`, {
      version: calc.version,
      declared: { extraStages: 0, extraParties: 0, remoteTravel: false, complex: false },
    });
    const ready = withoutTravel.json<Calculation>();
    expect(ready).toMatchObject({ complete: true, computedFen: 248_000, totalFen: 248_000 });

    // The handler sees the calculation of their case; another district's finance does not.
    expect((await calcOf(id, firmLawyer)).totalFen).toBe(248_000);
    expect(
      (await chaoyangFinance.session.get(`/api/v1/applications/${id}/subsidy-calculation`)).statusCode,
    ).toBe(404);
    expect((await chaoyangFinance.session.get(`/api/v1/subsidy-calculations/${ready.id}`)).statusCode).toBe(
      404,
    );

    const stale = await finance.session.post(`/api/v1/subsidy-calculations/${ready.id}/approve`, {
      version: calc.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SUBSIDY_CALCULATION_STALE');
    const approved = await finance.session.post(`/api/v1/subsidy-calculations/${ready.id}/approve`, {
      version: ready.version,
      adjustmentFen: -8_000,
      adjustmentReason: '复印费票据不全',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', totalFen: 240_000, adjustmentFen: -8_000 });
    const audits = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ready.id), eq(auditEvents.action, 'subsidy_calculations.approve')));
    expect(audits).toHaveLength(1);
    // Approved: the review facts are closed, and a hand-recorded payment is refused.
    const closed = await finance.session.post(`/api/v1/subsidy-calculations/${ready.id}/review-facts`, {
      version: ready.version + 1,
    });
    expect(closed.json().error.code).toBe('SUBSIDY_STEP_NOT_OPEN');
    const byHand = await finance.session.post(`/api/v1/applications/${id}/subsidy-payment`, {
      amountFen: 240_000,
      paidOn: '2026-11-02',
      paymentReference: '凭证 1',
    });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error.code).toBe('SUBSIDY_IN_BATCH');
  });

  it('an adjustment above the policy’s amount needs a second person; it needs a reason and cannot make the total nil', async () => {
    await ensureRates();
    const id = await closedCase({ window, director, reviewer }, centreLawyer, '卫某');
    await evaluate(id);
    let calc = await calcOf(id);
    const url = `/api/v1/subsidy-calculations/${calc.id}`;
    const noReason = await finance.session.post(`${url}/approve`, {
      version: calc.version,
      adjustmentFen: 1_000,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('SUBSIDY_ADJUSTMENT_REASON_REQUIRED');
    const nil = await finance.session.post(`${url}/approve`, {
      version: calc.version,
      adjustmentFen: -calc.computedFen,
      adjustmentReason: '全部扣减',
    });
    expect(nil.statusCode).toBe(422);
    expect(nil.json().error.code).toBe('SUBSIDY_TOTAL_NOT_POSITIVE');

    const large = await finance.session.post(`${url}/approve`, {
      version: calc.version,
      adjustmentFen: 60_000,
      adjustmentReason: '异地会见三次，差旅另行补贴',
    });
    expect(large.statusCode, large.body).toBe(200);
    calc = large.json<Calculation>();
    expect(calc).toMatchObject({ status: 'pending_second', totalFen: calc.computedFen + 60_000 });
    const self = await finance.session.post(`${url}/second-approval`, {
      version: calc.version,
      approve: true,
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('SUBSIDY_SECOND_APPROVER_SAME');
    expect(
      (await window.session.post(`${url}/second-approval`, { version: calc.version, approve: true }))
        .statusCode,
    ).toBe(403);
    const second = await secondFinance.session.post(`${url}/second-approval`, {
      version: calc.version,
      approve: true,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'approved', secondApprovedBy: { id: secondFinance.id } });
  });
});

async function bankFileRows(batchId: string) {
  const file = await finance.session.get(`/api/v1/subsidy-batches/${batchId}/bank-file`);
  expect(file.statusCode, file.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  if (String(file.headers['content-type']).startsWith('text/csv')) {
    const text = file.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return text
      .slice(1)
      .trim()
      .split('\n')
      .map((line) => line.split(','));
  }
  await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as string[]).slice(1).map(String)));
  return rows;
}

const returnFile = (rows: string[][]) =>
  Buffer.from(
    ['业务参考号,交易状态,银行流水号,交易日期,备注', ...rows.map((r) => r.join(','))].join('\n'),
    'utf8',
  );

describe('payment batches, the bank file and the return (nothing paid twice)', () => {
  it('a batch goes from draft to paid: accounts, the director’s approval, the bank file read back, the return applied once', async () => {
    const a = await approvedCase(firmLawyer, '蒋某');
    const b = await approvedCase(firmLawyer, '沈某');
    const c = await approvedCase(centreLawyer, '韩某');
    const made = await finance.session.post('/api/v1/subsidy-batches', {
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    expect(made.statusCode, made.body).toBe(201);
    const batch = made.json<{
      id: string;
      number: string;
      version: number;
      totalFen: number;
      lines: {
        reference: string;
        payeeName: string;
        amountFen: number;
        subsidies: { applicationId: string; amountFen: number }[];
      }[];
    }>();
    expect(batch.number).toMatch(/^BT2026-\d{4}$/);
    const mine = [a, b, c].map((x) => x.id);
    const lineOf = (id: string) => batch.lines.find((l) => l.subsidies.some((s) => s.applicationId === id))!;
    expect(lineOf(a.id)).toBe(lineOf(b.id));
    const line = lineOf(a.id);
    expect(line.amountFen).toBe(line.subsidies.reduce((s, x) => s + x.amountFen, 0));
    expect(line.amountFen).toBeGreaterThanOrEqual(a.calc.totalFen + b.calc.totalFen);
    expect(batch.totalFen).toBe(batch.lines.reduce((s, l) => s + l.amountFen, 0));
    expect(batch.lines.flatMap((l) => l.subsidies.map((s) => s.applicationId))).toEqual(
      expect.arrayContaining(mine),
    );

    // A second batch finds nothing left to gather: the subsidies are in this one.
    const again = await finance.session.post('/api/v1/subsidy-batches', {
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('SUBSIDY_BATCH_EMPTY');
    // And the database itself refuses a subsidy live in two batches.
    const [item] = await t.deps.db
      .select()
      .from(subsidyBatchItems)
      .where(eq(subsidyBatchItems.applicationId, a.id));
    await expect(
      t.deps.db.insert(subsidyBatchItems).values({ ...item!, id: randomUUID(), status: 'open' }),
    ).rejects.toMatchObject({ cause: { constraint: 'subsidy_batch_items_live_key' } });

    const url = `/api/v1/subsidy-batches/${batch.id}`;
    const noAccount = await finance.session.post(`${url}/submit`, { version: batch.version });
    expect(noAccount.statusCode).toBe(422);
    expect(noAccount.json().error.code).toBe('SUBSIDY_ACCOUNT_MISSING');
    const badAccount = await finance.session.request({
      method: 'PUT',
      url: '/api/v1/subsidy-payees/account',
      payload: {
        payeeKind: 'law_firm',
        payeeId: firmId,
        accountName: '北京海淀某律师事务所',
        bankName: '工商银行海淀支行',
        accountNumber: '12ab',
      },
    });
    expect(badAccount.statusCode).toBe(400);
    for (const [payeeKind, payeeId, accountName, accountNumber] of [
      ['law_firm', firmId, '北京海淀某律师事务所', '0200 0049 0920 0123 456'],
      ['handler', centreLawyer.id, '陈律师', '6222020200112233445'],
    ] as const) {
      const saved = await finance.session.request({
        method: 'PUT',
        url: '/api/v1/subsidy-payees/account',
        payload: { payeeKind, payeeId, accountName, bankName: '工商银行海淀支行', accountNumber },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const [sealed] = await t.deps.db
      .select()
      .from(payeeBankAccounts)
      .where(eq(payeeBankAccounts.payeeFirmId, firmId));
    expect(sealed?.accountNumberSealed.toString('utf8')).not.toContain('0200');
    expect(sealed?.accountNumberTail).toBe('3456');

    const submitted = await finance.session.post(`${url}/submit`, { version: batch.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await finance.session.get(`${url}/bank-file`)).statusCode).toBe(409);
    expect((await finance.session.post(`${url}/approve`, { version: batch.version + 1 })).statusCode).toBe(
      403,
    );
    const approved = await director.session.post(`${url}/approve`, { version: batch.version + 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: director.id } });

    const rows = await bankFileRows(batch.id);
    expect(rows[0]).toEqual(['业务参考号', '收款户名', '收款账号', '开户银行', '金额（元）', '用途']);
    const firmRow = rows.find((r) => r[0] === lineOf(a.id).reference);
    expect(firmRow?.slice(1, 5)).toEqual([
      '北京海淀某律师事务所',
      '0200004909200123456',
      '工商银行海淀支行',
      (lineOf(a.id).amountFen / 100).toFixed(2),
    ]);
    expect(rows).toHaveLength(batch.lines.length + 1);
    const pdf = await director.session.get(`${url}/payment-list.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    // The budget line for case subsidies carries what the unpaid subsidies commit.
    const made2 = await finance.session.post('/api/v1/funding/budget-lines', {
      year: 2026,
      name: '2026 年办案补贴',
      sourceKind: 'government_allocation',
      purpose: 'case_subsidy',
      amountFen: 100_000_000,
    });
    expect(made2.statusCode, made2.body).toBe(201);
    const lineUrl = `/api/v1/funding/budget-lines/${made2.json<{ id: string }>().id}`;
    type Standing = {
      committedFen: number;
      spentFen: number;
      caseSubsidies: { committedFen: number; spentFen: number };
    };
    const before = (await finance.session.get(lineUrl)).json<Standing>();
    expect(before.caseSubsidies.committedFen).toBeGreaterThanOrEqual(
      lineOf(a.id).amountFen + lineOf(c.id).amountFen,
    );

    // The bank pays the firm's line and fails the handler's.
    const today = '2026-11-02';
    const ret = returnFile([
      [lineOf(a.id).reference, '成功', 'SN0001', today.replaceAll('-', ''), ''],
      [lineOf(c.id).reference, '失败', '', today, '户名不符'],
      ['BT1999-0001-001', '成功', 'SN9', today, ''],
    ]);
    const applied = await finance.session.post(`${url}/bank-return`, ret, { 'content-type': 'text/csv' });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({
      paid: 1,
      failed: 1,
      unknownReferences: ['BT1999-0001-001'],
      alreadySettled: [],
      settled: batch.lines.length === 2,
    });
    for (const id of [a.id, b.id]) {
      const [app] = await t.deps.db
        .select({ state: applications.state })
        .from(applications)
        .where(eq(applications.id, id));
      expect(app?.state).toBe('subsidy_paid');
      const paid = await t.deps.db
        .select()
        .from(subsidyPayments)
        .where(eq(subsidyPayments.applicationId, id));
      expect(paid).toHaveLength(1);
      expect(paid[0]).toMatchObject({
        batchId: batch.id,
        paymentReference: 'SN0001',
        paidOn: today,
        rateRuleId: rateIds.case_criminal_trial_first_instance,
      });
    }
    const [failed] = await t.deps.db
      .select()
      .from(subsidyCalculations)
      .where(eq(subsidyCalculations.applicationId, c.id));
    expect(failed?.status).toBe('approved');

    // The same file again changes nothing: no second payment.
    const twice = await finance.session.post(`${url}/bank-return`, ret, { 'content-type': 'text/csv' });
    expect(twice.json()).toMatchObject({ paid: 0, failed: 0 });
    expect(twice.json().alreadySettled).toEqual(
      expect.arrayContaining([lineOf(a.id).reference, lineOf(c.id).reference]),
    );
    expect(
      await t.deps.db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, a.id)),
    ).toHaveLength(1);

    // The handler sees 已支付 with the batch; the failed subsidy goes into the next batch.
    const own = (await firmLawyer.session.get('/api/v1/handlers/me/subsidies')).json<
      { applicationId: string; status: string; batchNumber: string | null; paidOn: string | null }[]
    >();
    expect(own.find((s) => s.applicationId === a.id)).toMatchObject({
      status: 'paid',
      batchNumber: batch.number,
      paidOn: today,
    });
    const next = await finance.session.post('/api/v1/subsidy-batches', {
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      payee: { kind: 'handler', handlerId: centreLawyer.id },
    });
    expect(next.statusCode, next.body).toBe(201);
    // The failed line's subsidies, and only those, are gathered again.
    const refused = lineOf(c.id)
      .subsidies.map((s) => s.applicationId)
      .sort();
    expect(
      next
        .json<{ lines: { subsidies: { applicationId: string }[] }[] }>()
        .lines.flatMap((l) => l.subsidies.map((s) => s.applicationId))
        .sort(),
    ).toEqual(refused);
  });

  it('a bad return file is refused whole, and the organisation’s CSV layout shapes the bank file', async () => {
    const a = await approvedCase(centreLawyer, '杨某');
    const made = (
      await finance.session.post('/api/v1/subsidy-batches', {
        periodFrom: '2026-11-02',
        periodTo: '2026-11-02',
        payee: { kind: 'handler', handlerId: centreLawyer.id },
      })
    ).json<{ id: string; version: number; lines: { reference: string }[] }>();
    const url = `/api/v1/subsidy-batches/${made.id}`;
    // Cancel returns the subsidy; a new batch takes it again.
    expect((await finance.session.post(`${url}/cancel`, { version: made.version })).statusCode).toBe(200);
    const [calc] = await t.deps.db
      .select()
      .from(subsidyCalculations)
      .where(eq(subsidyCalculations.applicationId, a.id));
    expect(calc?.status).toBe('approved');
    const batch = (
      await finance.session.post('/api/v1/subsidy-batches', {
        periodFrom: '2026-11-02',
        periodTo: '2026-11-02',
        payee: { kind: 'handler', handlerId: centreLawyer.id },
      })
    ).json<{ id: string; version: number; lines: { reference: string; amountFen: number }[] }>();
    const burl = `/api/v1/subsidy-batches/${batch.id}`;
    expect((await finance.session.post(`${burl}/submit`, { version: batch.version })).statusCode).toBe(200);
    expect((await director.session.post(`${burl}/approve`, { version: batch.version + 1 })).statusCode).toBe(
      200,
    );

    const layout = (await finance.session.get('/api/v1/subsidy-bank-layout')).json<{
      layout: Record<string, unknown>;
      version: number;
    }>();
    const custom = {
      ...layout.layout,
      format: 'csv',
      columns: [
        { header: '账号', field: 'accountNumber' },
        { header: '户名', field: 'accountName' },
        { header: '金额', field: 'amountYuan' },
        { header: '摘要', field: 'reference' },
      ],
    };
    const saved = await finance.session.request({
      method: 'PUT',
      url: '/api/v1/subsidy-bank-layout',
      payload: { layout: custom, version: layout.version },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await finance.session.request({
      method: 'PUT',
      url: '/api/v1/subsidy-bank-layout',
      payload: { layout: custom, version: layout.version },
    });
    expect(stale.statusCode).toBe(409);
    const rows = await bankFileRows(batch.id);
    expect(rows[0]).toEqual(['账号', '户名', '金额', '摘要']);
    expect(rows[1]).toEqual([
      '6222020200112233445',
      '陈律师',
      (batch.lines[0]!.amountFen / 100).toFixed(2),
      batch.lines[0]!.reference,
    ]);

    const noDate = await finance.session.post(
      `${burl}/bank-return`,
      returnFile([[batch.lines[0]!.reference, '成功', 'SN2', '十一月二日', '']]),
      { 'content-type': 'text/csv' },
    );
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.code).toBe('SUBSIDY_RETURN_INVALID');
    const noColumn = await finance.session.post(`${burl}/bank-return`, Buffer.from('参考号,状态\nX,成功'), {
      'content-type': 'text/csv',
    });
    expect(noColumn.json().error.code).toBe('SUBSIDY_RETURN_INVALID');
    const [still] = await t.deps.db
      .select()
      .from(subsidyCalculations)
      .where(eq(subsidyCalculations.applicationId, a.id));
    expect(still?.status).toBe('batched');
    expect(
      await t.deps.db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, a.id)),
    ).toEqual([]);
    expect(
      (
        await chaoyangFinance.session.post(`${burl}/bank-return`, returnFile([]), {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(404);
  });
});
