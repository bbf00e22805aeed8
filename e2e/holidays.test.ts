import { describe, expect, it } from 'vitest';
import { buildUser } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 11 §2 in the browser: a period into 2027, whose State Council holiday notice is not on
 * file, counts the statutory holidays and is shown as provisional (暂定) on the deadline page; the
 * admin calendar says the notice is missing. The dates are fixed, not today's.
 */
const suite = browserSuite();

describe('years without a holiday notice', () => {
  it('the deadline page flags a 2027 due date as provisional, and the calendar says the notice is missing', async () => {
    const admin = await buildUser(suite.server.context.deps, { roles: ['rule_admin'] });
    const page = await signedIn(suite.browser, suite.server.baseUrl, admin.username, '期限计算');
    await page.getByRole('menuitem', { name: '期限计算' }).click();
    await page.getByRole('heading', { name: '期限计算' }).waitFor();

    // 7 days from 2026-12-25: the last day is 2027-01-01 (元旦), moved over the weekend to 01-04.
    await choose(page, '期限类型', '自定义', '自定义期限');
    await page.getByLabel('期限长度', { exact: true }).fill('7');
    const start = page.getByLabel('起算时间（北京时间）', { exact: true });
    await start.click();
    await start.fill('2026-12-25 10:00');
    await start.press('Enter');
    await page.getByRole('button', { name: '计算' }).click();

    const due = page.locator('.due');
    await expect.poll(() => due.innerText().catch(() => ''), POLL).toContain('2027-01-04');
    expect(await page.getByTestId('provisional-tag').innerText()).toContain('暂定');
    expect(await page.getByTestId('deadline-warning-CALENDAR_PROVISIONAL').innerText()).toContain(
      '2027 年的国务院放假通知尚未录入',
    );
    expect(await page.locator('.ant-tag', { hasText: '元旦' }).first().innerText()).toContain('2027-01-01');

    // The admin calendar, year 2027: the notice is missing, the baseline is listed.
    await page.getByRole('menuitem', { name: '规则管理' }).click();
    await page.getByRole('tab', { name: '节假日' }).click();
    await page.getByLabel('年份', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '2027',
      })
      .first()
      .click();
    const missing = page.getByTestId('calendar-notice-missing-2027').first();
    await expect
      .poll(() => missing.innerText().catch(() => ''), POLL)
      .toContain('2027 年的国务院放假通知尚未录入');
    expect(await page.getByText('2027 年法定节假日（基准，暂定）').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: '2027-02-05' }).count()).toBe(1);
  });
});
