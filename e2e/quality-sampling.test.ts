import { describe, expect, it } from 'vitest';
import { beijingDateOf } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { buildLawyer, closedNotice } from './support/people.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Random sampling to rectification (issue 15): the bureau's supervisor draws this month's sample
 * of 海淀's closed cases, a reviewer inspects a sampled file against the service standard and
 * requests a rectification, and the handler replies from 我的案件.
 */
const suite = browserSuite();

describe('a sampled file inspected and put right', () => {
  it('is drawn by the supervisor, inspected by a reviewer, and answered by the handler', async () => {
    const { server, browser } = suite;
    const { app, deps } = server.context;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const supervisor = await buildUser(deps, { organisationId: ORG.bureau, roles: ['supervisor'] });
    const lawyer = await buildLawyer(deps, '魏律师');
    const { id, number } = await closedNotice(
      app,
      { director: director.username, lawyer: lawyer.username, reviewer: reviewer.username },
      { name: '许某', phone: '13700007788' },
    );

    // The supervisor: this month's plan for 海淀, every closed case, drawn from a recorded seed.
    const bureau = await signedIn(browser, server.baseUrl, supervisor.username, '质量抽查');
    await bureau.goto(`${server.baseUrl}/quality/inspections`);
    await bureau.getByRole('tab', { name: '抽查计划' }).click();
    await bureau.getByRole('button', { name: '新建抽查计划' }).click();
    const modal = bureau.locator('.ant-modal');
    await choose(bureau, '法律援助中心', '海淀', '海淀区法律援助中心');
    await modal.getByLabel('计划名称').fill('本月卷宗抽查');
    await modal.getByLabel('抽取比例（‰）').fill('1000');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    const drawer = bureau.getByRole('dialog').filter({ hasText: '本月卷宗抽查' });
    await drawer.getByRole('button', { name: /抽\s*取/ }).click();
    await bureau
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => drawer.innerText(), POLL).toContain(number);
    expect(await drawer.innerText()).toMatch(/随机种子\s*\S+/);
    await bureau.close();

    // The reviewer inspects the sampled file and asks for a rectification.
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '质量抽查');
    await page.goto(`${server.baseUrl}/quality/inspections`);
    const row = page.locator('tr').filter({ hasText: number });
    await row.getByRole('button', { name: '开始检查' }).click();
    const inspection = page.getByRole('dialog').filter({ hasText: '卷宗检查' });
    await expect.poll(() => inspection.innerText(), POLL).toContain('缺少记录');
    expect(await inspection.innerText()).toContain('有记录');
    // Every item in words: no closing-material code shows.
    expect(await inspection.innerText()).not.toMatch(/[a-z]+_[a-z_]+/);
    await inspection.getByLabel('整改事项').fill('补充会见笔录\n补充阅卷记录');
    await inspection.getByLabel('整改期限').click();
    // Beijing's today (the browser's own day may still be yesterday in UTC).
    const today = beijingDateOf(new Date());
    await page.locator(`.ant-picker-dropdown .ant-picker-cell[title="${today}"]`).click();
    expect(await inspection.getByLabel('整改期限').inputValue()).toBe(today);
    await inspection.getByRole('button', { name: '发送整改要求' }).click();
    await expect.poll(() => inspection.innerText(), POLL).toContain('待整改');
    await page.close();

    // The handler answers from 我的案件.
    const mine = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await mine.goto(`${server.baseUrl}/my-cases`);
    const card = mine.locator('.ant-card').filter({ hasText: '整改要求' }).filter({ hasText: number });
    await expect.poll(() => card.innerText(), POLL).toContain('补充会见笔录');
    await card.getByLabel('整改情况').fill('已补充会见笔录和阅卷记录，并上传。');
    await card.getByRole('button', { name: '提交回复' }).click();
    await expect.poll(() => card.innerText(), POLL).toContain('已回复，待确认');

    // The case's own page shows its live service-standard checklist with the inspection's state.
    await mine.goto(`${server.baseUrl}/my-cases/${id}`);
    const standard = mine.getByTestId('service-standard');
    await expect.poll(() => standard.innerText().catch(() => ''), POLL).toContain('卷宗检查进行中');
    const text = await standard.innerText();
    expect(text).toContain('会见受援人');
    expect(text).toContain('缺少记录');
    await mine.close();
  });
});
