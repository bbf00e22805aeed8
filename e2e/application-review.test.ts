import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import { confirmPopover, ok, orErrors, POLL, signedIn, stateOf } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { choose } from './support/select.ts';

/**
 * The application and review office in the browser (Debian's Chromium, the real app): window staff
 * take in an application with a document missing, request it with one notice, record it received
 * (which resumes the review); a reviewer grants aid; the grant decision comes back as a PDF.
 */
// The application file shows a refusal's decision in an error alert, so here only the error alerts
// in a dialog count as errors: stateOf(page, 'in dialogs').
let server: RunningServer;
let browser: Browser;
let windowStaff: { username: string };
let reviewer: { username: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  windowStaff = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
  reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
  // The applicant is already on file (registering people has its own journey).
  const session = await signedInApi(server.context.app, windowStaff.username);
  const person = await session.post('/api/v1/persons', { name: '赵小满', phone: '13700001234' });
  expect(person.statusCode, person.body).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('application and review', () => {
  let detailUrl = '';

  it('window staff take in an application, request the missing document and record it received', async () => {
    const page = await signedIn(browser, server.baseUrl, windowStaff.username, '审查工作台');
    await page.getByRole('menuitem', { name: '申请受理' }).click();
    await page.getByRole('heading', { name: '申请受理' }).waitFor();

    await choose(page, '申请人', '赵小满');
    await choose(page, '援助事项', '劳动报酬');
    await choose(page, '案件类型', '民事');
    await page.getByLabel('对方当事人', { exact: true }).fill('北京某建筑公司');
    await page.getByLabel('案情摘要', { exact: true }).fill('申请人在工地工作六个月，公司拖欠工资三万元。');
    await page.getByLabel('申请援助的内容', { exact: true }).fill('代理劳动仲裁，追讨欠薪。');
    await page.getByLabel('家庭人口', { exact: true }).fill('3');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('6000');
    // Identity document and pledge handed in; the materials on the matter are not.
    await page.getByRole('checkbox', { name: /申请人身份证件/ }).check();
    await page.getByRole('checkbox', { name: /经济困难状况个人诚信承诺书/ }).check();
    expect(await page.getByRole('checkbox', { name: /与所申请法律援助事项有关的材料/ }).isChecked()).toBe(
      false,
    );
    await page.getByRole('button', { name: '受理申请' }).click();
    await expect
      .poll(() => orErrors(page, async () => page.url(), 'in dialogs'), POLL)
      .toMatch(/\/applications\/[0-9a-f-]{36}$/);
    detailUrl = page.url();
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('已受理');

    // One notice listing the missing item.
    await page.getByRole('button', { name: '通知补充材料' }).click();
    const notice = page.getByRole('dialog');
    await expect
      .poll(() => notice.getByRole('list', { name: '缺少的材料' }).innerText(), POLL)
      .toContain('与所申请法律援助事项有关的材料');
    expect(await notice.getByRole('list', { name: '缺少的材料' }).innerText()).not.toContain(
      '申请人身份证件',
    );
    await notice.getByRole('button', { name: /出具通知/ }).click();
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('待补充材料');
    await page.getByRole('tab', { name: '文书' }).click();
    await expect.poll(() => page.getByRole('tabpanel').innerText(), POLL).toContain('补充材料通知书');

    await page.getByRole('button', { name: '登记收到材料' }).click();
    const received = page.getByRole('dialog');
    await received.getByRole('checkbox', { name: /与所申请法律援助事项有关的材料/ }).check();
    await ok(page);
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).not.toBe('待补充材料');
    await page.getByRole('tab', { name: /材料/ }).first().click();
    await expect.poll(() => page.getByRole('tabpanel').innerText(), POLL).toContain('材料齐全');
  });

  it('the reviewer finds it, starts the review (recorded as its reviewer), grants aid and downloads the grant decision as a PDF', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.getByRole('menuitem', { name: '审查工作台' }).click();
    const row = page.getByRole('row').filter({ hasText: '赵小满' });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toMatch(/剩余|已暂停/);
    await row.getByRole('link').first().click();
    await page.waitForURL(detailUrl, POLL);

    // Complete materials put the application back to wait for a reviewer (the review period runs
    // again, LAL art.43(2)); the reviewer who starts the review is recorded: 审查中 never stands
    // beside "尚未开始审查".
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('已受理');
    expect(await page.getByRole('main').innerText()).toContain('尚未开始审查');
    await page.getByRole('button', { name: '开始审查' }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('审查中');
    expect(await page.getByRole('main').innerText()).not.toContain('尚未开始审查');

    await page.getByRole('button', { name: '作出决定' }).click();
    const decide = page.getByRole('dialog');
    expect(await decide.getByRole('radio', { name: '给予法律援助' }).isChecked()).toBe(true);
    await decide.getByRole('button', { name: /提交决定/ }).click();
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('给予援助');

    await page.getByRole('tab', { name: '文书' }).click();
    const grant = page.getByRole('row').filter({ hasText: '给予法律援助决定书' });
    await expect.poll(() => grant.count(), POLL).toBe(1);
    const href = await grant.getByRole('link', { name: /查看 PDF/ }).getAttribute('href');
    expect(href).toMatch(/\/documents\/[0-9a-f-]{36}\/pdf$/);
    const pdf = await page.request.get(new URL(href ?? '', server.baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.screenshot({ path: '/tmp/fayuan-e2e-application.png', fullPage: true });
  });
});
