import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { donations, donationUses } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { readPdf } from '../../../../test/pdf-text.ts';
import { recordNotice, signIn, type Staff } from '../../applications/application-test-kit.ts';
import { lineOf, openLine, receiveDonation } from '../funding-test-kit.ts';

/*
 * Social donations (社会捐赠, LAL art.9, issue 16): numbered receipts per centre and year, the
 * receipt as a PDF, and uses spent from a budget line that never exceed the donation.
 */
let t: TestContext;
let finance: Staff;
let window: Staff;
let chaoyangFinance: Staff;
let line: string;
beforeAll(async () => {
  t = await startTestApp();
  finance = await signIn(t, ORG.haidian, ['finance']);
  window = await signIn(t, ORG.haidian, ['window_staff']);
  chaoyangFinance = await signIn(t, ORG.chaoyang, ['finance']);
  line = await openLine(finance, { sourceKind: 'donations', purpose: 'other', amountFen: 200_000_00 });
});
afterAll(() => t.close());

describe('donations (社会捐赠)', () => {
  it('are numbered per centre and year, once per Idempotency-Key', async () => {
    const body = {
      donorKind: 'person',
      donorName: '李某',
      purpose: '未成年人法律援助',
      amountFen: 1_000_00,
      receivedOn: '2026-02-01',
    };
    const post = () =>
      finance.session.post('/api/v1/funding/donations', body, { 'idempotency-key': 'donation-1' });
    const first = await post();
    expect(first.statusCode, first.body).toBe(201);
    const again = await post();
    expect(again.json()).toEqual(first.json());
    expect(await t.deps.db.select().from(donations).where(eq(donations.donorName, '李某'))).toHaveLength(1);

    const second = await receiveDonation(finance, { receivedOn: '2026-06-01' });
    const lastYear = await receiveDonation(finance, { receivedOn: '2025-12-30' });
    const chaoyang = await receiveDonation(chaoyangFinance);
    expect(first.json().receiptNumber).toMatch(/〔2026〕第0001号$/);
    expect(second.receiptNumber).toMatch(/〔2026〕第0002号$/);
    expect(lastYear.receiptNumber).toMatch(/〔2025〕第0001号$/);
    expect(chaoyang.receiptNumber).toMatch(/〔2026〕第0001号$/);
    expect(chaoyang.receiptNumber).not.toBe(first.json().receiptNumber);
  });

  it('are used from a budget line, for a case if named, and never for more than was given', async () => {
    const donation = await receiveDonation(finance, { amountFen: 3_000_00 });
    const { number } = await recordNotice(window, '受赠案件当事人');
    const used = await finance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
      budgetLineId: line,
      amountFen: 2_000_00,
      usedOn: '2026-04-02',
      description: '资助受援人鉴定费',
      applicationNumber: number,
    });
    expect(used.statusCode, used.body).toBe(201);
    expect(used.json().leftFen).toBe(1_000_00);

    const over = await finance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
      budgetLineId: line,
      amountFen: 1_000_01,
      usedOn: '2026-04-03',
      description: '超出部分',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'DONATION_OVERUSED', details: { leftFen: 1_000_00 } });
    expect(over.json().error.message).toContain('不能超过捐赠金额');

    const wrongYear = await finance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
      budgetLineId: line,
      amountFen: 1_00,
      usedOn: '2027-01-02',
      description: '跨年度',
    });
    expect(wrongYear.json().error.code).toBe('BUDGET_LINE_UNUSABLE');
    const noCase = await finance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
      budgetLineId: line,
      amountFen: 1_00,
      usedOn: '2026-04-03',
      description: '无此案件',
      applicationNumber: '不存在的编号',
    });
    expect(noCase.json().error.code).toBe('DONATION_CASE_NOT_FOUND');

    const detail = (await finance.session.get(`/api/v1/funding/donations/${donation.id}`)).json();
    expect(detail).toMatchObject({ usedFen: 2_000_00, leftFen: 1_000_00 });
    expect(detail.uses).toEqual([
      expect.objectContaining({ amountFen: 2_000_00, application: expect.objectContaining({ number }) }),
    ]);
    expect((await lineOf(finance, line)).spentFen).toBe(2_000_00);
    expect(
      await t.deps.db.select().from(donationUses).where(eq(donationUses.donationId, donation.id)),
    ).toHaveLength(1);
  });

  it('refuse two uses at once that together exceed the donation: one of them is refused', async () => {
    const donation = await receiveDonation(finance, { amountFen: 1_000_00 });
    const use = () =>
      finance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
        budgetLineId: line,
        amountFen: 600_00,
        usedOn: '2026-05-01',
        description: '并发使用',
      });
    const results = await Promise.all([use(), use()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
  });

  it('print their receipt with the amount in capitals', async () => {
    const donation = await receiveDonation(finance, { amountFen: 12_345_60, donorName: '张某某' });
    const pdf = await finance.session.get(`/api/v1/funding/donations/${donation.id}/receipt.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(pdf.rawPayload);
    for (const words of [
      '法律援助社会捐赠收据',
      donation.receiptNumber,
      '张某某',
      '壹万贰仟叁佰肆拾伍元陆角',
      '第九条',
    ])
      expect(text).toContain(words);
  });

  it('are kept to their centre', async () => {
    const donation = await receiveDonation(finance);
    const seen = await chaoyangFinance.session.get(`/api/v1/funding/donations/${donation.id}`);
    expect(seen.statusCode).toBe(404);
    expect(seen.json().error.code).toBe('DONATION_NOT_FOUND');
    expect(
      (await chaoyangFinance.session.get(`/api/v1/funding/donations/${donation.id}/receipt.pdf`)).statusCode,
    ).toBe(404);
    const used = await chaoyangFinance.session.post(`/api/v1/funding/donations/${donation.id}/uses`, {
      budgetLineId: line,
      amountFen: 1_00,
      usedOn: '2026-04-03',
      description: '越权使用',
    });
    expect(used.statusCode).toBe(404);
    const listed = (await chaoyangFinance.session.get('/api/v1/funding/donations')).json().items;
    expect(listed.map((d: { id: string }) => d.id)).not.toContain(donation.id);
    // 朝阳's finance cannot spend from 海淀's line either.
    const own = await receiveDonation(chaoyangFinance);
    const foreignLine = await chaoyangFinance.session.post(`/api/v1/funding/donations/${own.id}/uses`, {
      budgetLineId: line,
      amountFen: 1_00,
      usedOn: '2026-04-03',
      description: '他区预算',
    });
    expect(foreignLine.json().error.code).toBe('BUDGET_LINE_UNUSABLE');
  });
});
