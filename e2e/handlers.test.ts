import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import { ok, POLL, signedIn } from './support/pages.ts';
import { signedInApi, yearsAgo } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * The handler registry in Debian's Chromium on the real app: a district director registers a
 * lawyer with five years of criminal practice, approves the admission, puts them in the
 * death-penalty team, then suspends them with a reason and reads the admission history.
 */
let server: RunningServer;
let browser: Browser;
let director: { username: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  director = await buildUser(server.context.deps, { organisationId: ORG.haidian, roles: ['director'] });
  const api = await signedInApi(server.context.app, director.username);
  const team = await api.post('/api/v1/teams', {
    code: 'death_penalty',
    name: '死刑案件辩护团队',
    membershipRule: '刑事辩护执业满三年（法律援助法第二十六条）',
    minYearsOfCriminalPractice: 3,
  });
  expect(team.statusCode, team.body).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in any field submits the dialog's form.
  await input.press('Tab');
}

describe('handler admission and exit', () => {
  it('registers, admits, teams up and suspends a criminal defence lawyer, with the history shown', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '法律援助人员');
    await page.getByRole('menuitem', { name: '法律援助人员' }).click();
    await page.getByRole('heading', { name: '法律援助人员' }).waitFor();
    await page.getByRole('button', { name: '登记人员' }).click();

    const form = page.getByRole('dialog');
    await form.getByLabel('姓名', { exact: true }).fill('赵刑辩');
    await form.getByLabel('执业证号', { exact: true }).fill('11101201810012345');
    await pickDate(page, '执业起始日期', yearsAgo(8, 0));
    await pickDate(page, '刑事执业起始日期', yearsAgo(5, 10));
    await form.getByLabel('申请说明', { exact: true }).fill('申请加入刑事辩护人才库');
    await ok(page);

    // The new record opens in the drawer: applying, five whole years of criminal practice.
    const drawer = page.locator('.ant-drawer-section');
    await expect.poll(() => drawer.innerText(), POLL).toContain('赵刑辩');
    expect(await drawer.innerText()).toContain('申请中');
    await expect.poll(() => drawer.innerText(), POLL).toContain(`5 年（${yearsAgo(5, 10)}）`);

    await drawer.getByRole('button', { name: /准\s*入/ }).click();
    const approve = page.getByRole('dialog').filter({ hasText: '准入：赵刑辩' });
    await approve.getByLabel('原因', { exact: true }).fill('执业资格审核合格，同意准入');
    await approve.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => drawer.locator('.ant-tag').first().innerText(), POLL).toBe('在册');

    await drawer.getByRole('tab', { name: '专业团队' }).click();
    await drawer.getByRole('combobox', { name: '添加成员' }).click();
    await page.locator('.ant-select-item-option', { hasText: '死刑案件辩护团队' }).click();
    await drawer.getByRole('button', { name: '添加成员' }).click();
    // The membership row (not the picker, which shows the team while the request runs).
    const membership = drawer.getByRole('tabpanel').getByRole('row').filter({ hasText: '死刑案件辩护团队' });
    await expect.poll(() => membership.count(), POLL).toBe(1);
    expect(await membership.innerText()).toContain('至今');

    await drawer.getByRole('button', { name: /暂\s*停/ }).click();
    const suspend = page.getByRole('dialog').filter({ hasText: '暂停：赵刑辩' });
    await suspend.getByLabel('原因', { exact: true }).fill('受到律师协会行业处分，暂停六个月');
    await suspend.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => drawer.locator('.ant-tag').first().innerText(), POLL).toBe('暂停');

    await drawer.getByRole('tab', { name: '准入退出记录' }).click();
    const history = drawer.getByRole('tabpanel');
    await expect.poll(() => history.getByRole('row').count(), POLL).toBe(4);
    const rows = await history.getByRole('row').allInnerTexts();
    expect(rows[1]).toContain('申请加入刑事辩护人才库');
    expect(rows[2]).toContain('执业资格审核合格，同意准入');
    expect(rows[3]).toContain('受到律师协会行业处分，暂停六个月');
    expect(rows[3]).toMatch(/在册\s*→\s*暂停/);
  });
});
