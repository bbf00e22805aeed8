import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { signInOnPortal } from './support/portal.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A complaint from the portal to its answer (issue 15): a citizen complains at phone width, the
 * centre's director accepts it, records the outcome and answers it within the periods, and the
 * citizen reads the answer on the portal.
 */
const suite = browserSuite();

describe('a complaint from the portal, accepted and answered in time', () => {
  it('is filed by a citizen, handled by the director on 投诉处理, and answered on the portal', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const citizen = await context.newPage();
    await signInOnPortal(citizen, server, '13955556666');
    await citizen.goto(`${server.baseUrl}/portal/complaints`);
    await citizen.locator('.ant-select').first().click();
    await citizen.keyboard.type('海淀');
    await citizen
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '海淀区法律援助中心',
      })
      .click();
    await citizen.getByRole('radio', { name: '法律援助中心' }).check();
    await citizen.getByLabel('投诉内容').fill('申请提交一周了，没有任何人联系我。');
    await citizen.getByRole('button', { name: '提交投诉' }).click();
    const mine = citizen.locator('.portal-cards li').filter({ hasText: '申请提交一周了' });
    await expect.poll(() => mine.innerText(), POLL).toContain('已收到，待受理');
    const text = await mine.innerText();
    const number = /投诉编号 (\S+)/.exec(text)?.[1] ?? '';
    expect(number).toMatch(/^110108投〔\d{4}〕第\d{4}号$/);
    expect(text).toMatch(/预计在 \d{4}-\d{2}-\d{2} 前完成这一步/);

    const director = await buildUser(server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['director'],
    });
    const staff = await signedIn(browser, server.baseUrl, director.username, '投诉');
    await staff.goto(`${server.baseUrl}/complaints`);
    const row = staff.locator('tr').filter({ hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain('待受理');
    expect(await row.innerText()).toContain('投诉受理期限');
    await row.getByRole('button', { name: number }).click();
    const drawer = staff.getByRole('dialog');
    await drawer.getByRole('button', { name: /^受\s*理$/ }).click();
    await staff
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('已受理，调查中');
    expect(await drawer.innerText()).toContain('按期完成');

    await drawer.getByRole('button', { name: '作出处理' }).click();
    await choose(staff, '处理结果', '查证不实', '查证不实或者无法查实，不作处理（投诉不属实）');
    await drawer.getByLabel('调查情况').fill('经查，中心已于受理次日电话联系申请人。');
    await drawer.getByRole('button', { name: /^提\s*交$/ }).click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('已处理，待答复');
    expect(await drawer.innerText()).toContain('《法律援助投诉处理办法》（2013年）');

    await drawer.getByRole('button', { name: '答复投诉人' }).click();
    await drawer.getByLabel('答复内容').fill('经核实，中心已电话联系您，请留意来电。');
    await drawer.getByRole('button', { name: /^提\s*交$/ }).click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('已答复');
    // Each of the three periods stopped in time.
    await expect.poll(async () => ((await drawer.innerText()).match(/按期完成/g) ?? []).length, POLL).toBe(3);
    await staff.close();

    await citizen.reload();
    const answered = citizen.locator('.portal-cards li').filter({ hasText: number });
    await expect.poll(() => answered.innerText(), POLL).toContain('经核实，中心已电话联系您');
    expect(await answered.innerText()).toContain('已答复');
    await citizen.getByRole('button', { name: '对处理结果不满意？申请复查' }).waitFor();
    await context.close();
  });
});
