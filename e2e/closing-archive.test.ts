import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import type { Session } from '../packages/server/test/harness.ts';
import { uploadRequired } from '../packages/server/src/modules/casework/casework-test-kit.ts';
import { launchBrowser } from './support/browser.ts';
import { confirmPopover, errors, ok, openFromList, POLL, signedIn, stateOf } from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * After the closing, in Debian's Chromium on the real app: a notified criminal case in 海淀 is
 * assigned, worked and closed through the API (as e2e/casework.test.ts leaves it); the reviewer
 * records the quality evaluation (LAL art.57, art.59), finance finds the case in the worklist and
 * records the subsidy paid to the lawyer's firm (LAL art.52), and the director files it: 已归档.
 */
const FINDINGS = '案卷材料齐全，庭审辩护意见充分，受援人对服务表示满意。';
const FIRM = '北京海淀明法律师事务所';
const REFERENCE = '京财支〔2026〕0815号';
let server: RunningServer;
let browser: Browser;
let director: { username: string };
let reviewer: { username: string };
let finance: { username: string };
let caseId = '';
let caseNumber = '';

/**
 * The handler's closing (LAL art.50) with the closing materials a criminal defence must hand in
 * (rule list `closing_material`), uploaded through the handler's own case.
 */
async function submitClosing(lawyer: Session, id: string) {
  await uploadRequired(lawyer, id);
  const closing = await lawyer.post(`/api/v1/cases/${id}/closing`, {
    result: 'opinion_fully_adopted',
    report: '辩护意见被法院全部采纳。',
  });
  expect(closing.statusCode, closing.body).toBe(201);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
  finance = await buildUser(deps, { organisationId: ORG.haidian, roles: ['finance'] });
  const lawyer = await buildLawyer(deps, '卢律师', { firm: FIRM });

  ({ id: caseId, number: caseNumber } = await acceptedNotice(
    server.context.app,
    { director: director.username, lawyer: lawyer.username },
    { name: '丙某', phone: '13700006789' },
  ));
  const own = await signedInApi(server.context.app, lawyer.username);
  await submitClosing(own, caseId);
  const review = await (
    await signedInApi(server.context.app, reviewer.username)
  ).post(`/api/v1/cases/${caseId}/closing/review`, { accept: true });
  expect(review.statusCode, review.body).toBe(200);
  expect(review.json().state).toBe('closed');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('after the closing: evaluation, subsidy, archive', () => {
  it('the reviewer records the quality evaluation: the score must fit the grade', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications/${caseId}`);
    await expect.poll(() => stateOf(page), POLL).toBe('已结案');

    await page.getByRole('button', { name: '质量评估' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /案卷检查/ }).check();
    await dialog.getByRole('checkbox', { name: /回访受援人/ }).check();
    // A visit records the recipient's satisfaction (LAL art.59).
    await dialog.getByRole('radio', { name: '满意', exact: true }).check();
    await dialog.getByRole('radio', { name: /^良好/ }).check();
    await dialog.getByLabel('评估分数', { exact: true }).fill('95');
    await dialog.getByLabel('评估意见', { exact: true }).fill(FINDINGS);
    await ok(page);
    await expect.poll(async () => (await errors(page)).join(' | '), POLL).toContain('分数须在 80–89 分之间');

    await dialog.getByLabel('评估分数', { exact: true }).fill('86');
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已评估');
    await page.getByRole('tab', { name: '质量评估' }).click();
    const recorded = page.getByTestId('evaluation');
    await expect.poll(() => recorded.innerText().catch(() => ''), POLL).toContain(FINDINGS);
    const text = await recorded.innerText();
    for (const part of ['良好', '86 分', '案卷检查', '回访受援人', '满意']) expect(text).toContain(part);
  });

  it('finance finds the case in the worklist and records the subsidy paid to the lawyer’s firm', async () => {
    const page = await signedIn(browser, server.baseUrl, finance.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications?state=evaluated`);
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('已评估');
    // Finance pays; it does not evaluate or file.
    expect(await page.getByRole('button', { name: '质量评估' }).count()).toBe(0);

    await page.getByRole('button', { name: '凭证登记发放' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('发放金额（元）', { exact: true }).fill('3000');
    await dialog.getByLabel('支付凭证号', { exact: true }).fill(REFERENCE);
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('补贴已发放');

    await page.getByRole('tab', { name: '补贴发放' }).click();
    const payment = page.getByTestId('subsidy-payment');
    await expect.poll(() => payment.innerText().catch(() => ''), POLL).toContain(REFERENCE);
    const text = await payment.innerText();
    for (const part of ['¥3,000.00', FIRM, '律师事务所', '卢律师']) expect(text).toContain(part);
    expect(await page.getByRole('button', { name: /^归\s*档$/ }).count()).toBe(0);
  });

  it('the director files the case: 已归档, with the evaluation and the payment in the file', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications/${caseId}`);
    await expect.poll(() => stateOf(page), POLL).toBe('补贴已发放');
    await page.getByRole('button', { name: /^归\s*档$/ }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已归档');

    const api = await signedInApi(server.context.app, director.username);
    const file = (await api.get(`/api/v1/cases/${caseId}/archive`)).json();
    expect(file.intact).toBe(true);
    expect(file.snapshot.evaluation).toMatchObject({ score: 86, satisfaction: 'satisfied' });
    expect(file.snapshot.subsidyPayments).toMatchObject([
      { amountFen: 300_000, paymentReference: REFERENCE, payee: { kind: 'law_firm', name: FIRM } },
    ]);
  });
});
