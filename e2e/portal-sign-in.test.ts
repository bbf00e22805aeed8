import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { readOtp, signInOnPortal } from './support/portal.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The portal's sign-in at phone width: the code is read from the simulator's journal, as a person
 * reads it from their phone; a wrong code is announced; the staff pages stay closed to a citizen.
 */
const suite = browserSuite();

describe('portal sign-in', () => {
  it('signs in at 390 px with the code from the simulator file, and signs out', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInOnPortal(page, suite.server, '13900001111');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('header').innerText(), POLL).toContain('139****1111');
    // The portal session is nobody on the staff side.
    await page.goto(`${suite.server.baseUrl}/worklist`);
    await page.waitForURL(/\/login/);
    await page.goto(`${suite.server.baseUrl}/portal`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '登录', exact: true }).waitFor();
    await page.close();
  });

  it('announces a wrong code and keeps what was typed', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${suite.server.baseUrl}/portal/sign-in`);
    await page.getByLabel('手机号').fill('13900002222');
    const asked = Date.now() - 1000;
    await page.getByRole('button', { name: '获取验证码' }).click();
    const code = await readOtp(suite.server, '13900002222', asked);
    await expect.poll(() => page.getByRole('button', { name: /秒后可重新获取/ }).count(), POLL).toBe(1);
    await page.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts(), POLL)
      .toContainEqual(expect.stringContaining('验证码不正确或已过期'));
    expect(await page.getByLabel('手机号').inputValue()).toBe('13900002222');
    await page.close();
  });

  it('shows the sign-in codes on the staff page 消息 masked, simulated, and without the code', async () => {
    const supervisor = await buildUser(suite.server.context.deps, {
      organisationId: ORG.bureau,
      roles: ['supervisor'],
    });
    const page = await signedIn(suite.browser, suite.server.baseUrl, supervisor.username, '消息');
    await page.getByRole('menuitem', { name: '消息' }).click();
    const row = page.locator('tr').filter({ hasText: '139****1111' }).first();
    await expect.poll(() => row.innerText(), POLL).toContain('登录验证码');
    expect(await row.innerText()).toContain('模拟发送');
    expect(await page.locator('main').innerText()).not.toMatch(/\d{6}/);
    await page.close();
  });
});
