import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { errors, POLL, signedIn } from './support/pages.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 16, budgets and donations: finance opens a budget line, records a donation and its use
 * from the line, and sees the line's remaining fall by the amount used.
 */
const suite = browserSuite();

describe('budgets and donations', () => {
  it('finance records a donation’s use against a budget line and sees what remains', async () => {
    const finance = await buildUser(suite.server.context.deps, {
      username: 'finance_funding',
      organisationId: ORG.haidian,
      roles: ['finance'],
    });
    const page = await signedIn(suite.browser, suite.server.baseUrl, finance.username, '预算');
    const save = () =>
      page
        .getByRole('dialog')
        .getByRole('button', { name: /保\s*存/ })
        .click();

    await page.getByRole('menuitem', { name: '预算' }).click();
    await page.getByRole('button', { name: '新增预算项目' }).click();
    await page.getByLabel('项目名称', { exact: true }).fill('社会捐助资金');
    await page.getByLabel('金额（元）', { exact: true }).fill('10000');
    await save();
    const drawer = page.locator('.ant-drawer-open');
    await expect
      .poll(
        async () =>
          (await errors(page)).join(' | ') || (await drawer.getByTestId('line-remaining').innerText()),
        POLL,
      )
      .toBe('¥10,000.00');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await page.getByRole('menuitem', { name: '社会捐赠' }).click();
    await page.getByRole('button', { name: '登记捐赠' }).click();
    await page.getByLabel('捐赠人', { exact: true }).fill('北京某公益基金会');
    await page.getByLabel('捐赠用途', { exact: true }).fill('农民工讨薪案件');
    await page.getByLabel('金额（元）', { exact: true }).fill('3000');
    await save();
    const donation = page.locator('.ant-drawer-open');
    await expect
      .poll(
        async () =>
          (await errors(page)).join(' | ') || (await donation.getByTestId('donation-left').innerText()),
        POLL,
      )
      .toBe('¥3,000.00');
    expect(await donation.locator('.ant-drawer-title').innerText()).toMatch(/捐〔\d{4}〕第0001号/);

    await donation.getByRole('button', { name: '登记使用' }).click();
    await choose(page, '支出预算项目', '社会捐助资金');
    await page.getByRole('dialog').getByLabel('金额（元）', { exact: true }).fill('1200');
    await page.getByLabel('用于', { exact: true }).fill('资助受援人鉴定费');
    await save();
    await expect
      .poll(
        async () =>
          (await errors(page)).join(' | ') || (await donation.getByTestId('donation-left').innerText()),
        POLL,
      )
      .toBe('¥1,800.00');

    await page.keyboard.press('Escape');
    await donation.waitFor({ state: 'detached' });
    await page.getByRole('menuitem', { name: '预算' }).click();
    const row = page.getByRole('row', { name: /社会捐助资金/ });
    await expect.poll(() => row.getByTestId('remaining').innerText(), POLL).toBe('¥8,800.00');

    // The line's burn-down chart: allocation, spent + committed, spent.
    await row.getByRole('button', { name: '查看' }).click();
    const chart = page.locator('.ant-drawer-open .recharts-line-curve');
    await expect.poll(() => chart.count(), POLL).toBe(3);
    if (process.env.FUNDING_SCREENSHOT)
      await page.screenshot({ path: process.env.FUNDING_SCREENSHOT, fullPage: true });
  });
});
