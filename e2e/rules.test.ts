import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUser, PASSWORD } from '../packages/server/test/factories.ts';
import { logIn, openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Browser journeys of the rules engine (issue 3) on the real app in Debian's Chromium:
 * a citizen without an account takes the self-test on a phone; a rule administrator adds a new
 * hardship line from a future date and sees the version before it end the day before.
 */
const suite = browserSuite();

/** Today in Beijing, as the web app and the engine count dates. */
function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function chooseMatter(page: Page, search: string) {
  await page.getByLabel('您要解决的是什么事情？', { exact: true }).click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-item-option', { hasText: search }).first().click();
}

describe('rules engine in the browser', () => {
  it('a citizen without an account takes the self-test on a phone', async () => {
    const page = await openPage(suite.browser, {
      viewport: { width: 390, height: 844 },
      url: `${suite.server.baseUrl}/login`,
    });
    await page.getByRole('link', { name: /法律援助自助测评/ }).click();
    await page.getByRole('heading', { name: '法律援助自助测评' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/self-test');
    const result = page.locator('.selftest-result');

    // Wages for a migrant worker: hardship presumed (LAL art.42(3)).
    await chooseMatter(page, '劳动报酬');
    await page.getByLabel('进城务工人员', { exact: true }).check();
    await page.getByLabel('家庭人口', { exact: true }).fill('3');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('7620');
    await page.getByRole('button', { name: '开始测评' }).click();
    await expect.poll(() => result.innerText().catch(() => ''), POLL).toContain('可以申请法律援助');
    expect(await result.innerText()).toContain('《法律援助法》第四十二条');

    // Maintenance for one person on ¥3,000 a month: above the ¥2,540 line in force since 2025-09-01.
    await chooseMatter(page, '赡养费');
    await page.getByLabel('进城务工人员', { exact: true }).uncheck();
    await page.getByLabel('家庭人口', { exact: true }).fill('1');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('3000');
    await page.getByRole('button', { name: '开始测评' }).click();
    await expect.poll(() => result.innerText(), POLL).toContain('暂不符合');
    const text = await result.innerText();
    expect(text).toContain('2,540');
    expect(text).toContain(`申请日期 ${beijingToday()}`);
    await page.screenshot({ path: '/tmp/fayuan-e2e-self-test.png', fullPage: true });
  });

  it('a rule administrator adds a hardship line from a future date; the previous one ends the day before', async () => {
    const ruleAdmin = await buildUser(suite.server.context.deps, { roles: ['rule_admin'] });
    const nextYear = Number(beijingToday().slice(0, 4)) + 1;
    const from = `${nextYear}-07-01`;
    const closedOn = `${nextYear}-06-30`;

    const page = await openPage(suite.browser, { url: `${suite.server.baseUrl}/login` });
    await logIn(page, ruleAdmin.username, PASSWORD);
    await page.getByRole('menuitem', { name: '规则管理' }).click();
    await page.getByRole('tab', { name: '经济困难标准' }).click();
    const current = page.getByRole('row').filter({ hasText: '2,540 元 / 人 / 月' });
    await expect.poll(() => current.count(), POLL).toBe(1);

    await page.getByRole('button', { name: '新增版本' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('经济困难标准（元 / 人 / 月）', { exact: true }).fill('2700');
    await dialog.getByLabel('生效日期', { exact: true }).fill(from);
    await dialog.getByLabel('备注', { exact: true }).fill('e2e: a new minimum wage');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);

    const added = page.getByRole('row').filter({ hasText: '2,700 元 / 人 / 月' });
    await expect.poll(() => added.innerText().catch(() => ''), POLL).toContain(from);
    expect(await added.innerText()).toContain('尚未生效');
    await expect.poll(() => current.innerText(), POLL).toContain(closedOn);
    await page.screenshot({ path: '/tmp/fayuan-e2e-rules.png', fullPage: true });

    const rows = (await (
      await fetch(`${suite.server.baseUrl}/api/v1/rules/threshold?jurisdiction=110000`)
    ).json()) as { effectiveFrom: string; effectiveTo: string | null; data: Record<string, unknown> }[];
    expect(rows.find((r) => r.effectiveFrom === '2025-09-01')?.effectiveTo).toBe(closedOn);
    expect(rows.find((r) => r.effectiveFrom === from)?.data.monthlyIncomePerMemberFen).toBe(270_000);

    // A service-standard checklist item is a rule row too: Beijing weighs meeting the client more
    // from next year, on the form that shows what evidences the item.
    await page.getByRole('tab', { name: '服务规范检查项' }).click();
    const meet = page
      .getByRole('row')
      .filter({ hasText: '会见受援人' })
      .filter({ hasNotText: '了解案情' }) // the civil item's name starts with the same words
      .filter({ hasText: '现行有效' });
    await expect.poll(() => meet.innerText().catch(() => ''), POLL).toContain('承办活动记录');
    await meet.getByRole('button', { name: '新增版本' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('适用地区', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '北京市',
      })
      .click();
    // The date first: its picker closes when the next field takes the focus.
    await form.getByLabel('生效日期', { exact: true }).fill(from);
    await form.getByLabel('分值', { exact: true }).fill('20');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => form.count(), POLL).toBe(0);
    const items = (await (
      await fetch(`${suite.server.baseUrl}/api/v1/rules/service_standard?jurisdiction=110000&at=${from}`)
    ).json()) as { jurisdiction: string; data: Record<string, unknown> }[];
    const beijing = items.find((r) => r.jurisdiction === '110000' && r.data.code === 'criminal.meet_client');
    expect(beijing?.data).toMatchObject({
      weight: 20,
      evidence: { kind: 'activity', activityKinds: ['meeting'] },
    });
  });
});
