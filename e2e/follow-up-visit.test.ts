import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { buildLawyer, closedNotice } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A follow-up visit (回访, issue 15): the director plans this month's visits, calls the recipient
 * of a closed case, who says they are not satisfied (2 of 5); the call opens a review, which the
 * director closes with what was done.
 */
const suite = browserSuite();

describe('a follow-up call that finds the recipient dissatisfied', () => {
  it('records satisfaction 2 and opens a review', async () => {
    const { server, browser } = suite;
    const { app, deps } = server.context;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const lawyer = await buildLawyer(deps, '蒋律师');
    const { number } = await closedNotice(
      app,
      { director: director.username, lawyer: lawyer.username, reviewer: reviewer.username },
      { name: '韩某', phone: '13700005678' },
    );

    const page = await signedIn(browser, server.baseUrl, director.username, '回访');
    await page.goto(`${server.baseUrl}/quality/visits`);
    await page.getByRole('button', { name: '制定回访计划' }).click();
    await page.getByLabel('回访比例（‰）').fill('1000');
    await page.getByLabel('结案后第几天回访').fill('0');
    await page.locator('.ant-modal').getByRole('button', { name: '制定回访计划' }).click();
    await expect.poll(() => page.locator('.ant-modal').innerText(), POLL).toMatch(/已抽取 \d+ 件/);
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定/ })
      .click();

    const row = page.locator('tr').filter({ hasText: number });
    await row.waitFor();
    await row.getByRole('button', { name: '记录回访' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '电话回访' });
    // The director may unmask: the number to call, whole (the read is audited).
    await expect.poll(() => modal.innerText(), POLL).toContain('13700005678');
    for (const [question, answer] of [
      ['承办人员接受指派后是否及时与您联系？', '是'],
      ['办理过程中是否向您告知案件进展？', '否'],
      ['承办人员是否向您收取过财物？', '否'],
    ] as const)
      await modal
        .locator('.ant-form-item')
        .filter({ hasText: question })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    await modal.locator('.ant-rate-star').nth(1).click();
    await modal.getByLabel('受援人的原话').fill('律师很少联系我，不清楚案子进展。');
    await modal.getByRole('button', { name: '保存回访记录' }).click();
    await expect.poll(() => page.locator('body').innerText(), POLL).toContain('已生成复核事项');
    await expect.poll(() => row.innerText(), POLL).toContain('2 / 5');

    await page.getByRole('tab', { name: '复核' }).click();
    const task = page
      .getByRole('tabpanel', { name: '复核' })
      .locator('tr')
      .filter({ hasText: number })
      .first();
    await expect.poll(() => task.innerText(), POLL).toContain('待复核');
    expect(await task.innerText()).toContain('不满意（2 / 5）');
    expect(await task.innerText()).toContain('办理过程中是否向您告知案件进展？');
    await task.getByRole('button', { name: /办\s*结/ }).click();
    await page.getByLabel('复核情况及处理').fill('已约谈承办律师，要求每月向受援人告知进展。');
    await page
      .locator('form')
      .getByRole('button', { name: /办\s*结/ })
      .click();
    await expect.poll(() => task.innerText(), POLL).toContain('已办结');
    await page.close();
  });
});
