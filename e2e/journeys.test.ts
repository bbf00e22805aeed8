import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Browser journeys on the real app (API + built web app) in Debian's Chromium:
 * an administrator works in Chinese, creates a district reviewer, the reviewer sees only the
 * district, the administrator reads the audit entry; then the interface switches to English.
 */
const suite = browserSuite();

async function logOut(page: Page, name: string) {
  await page.getByText(name).first().click();
  await page.getByText('退出登录').click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

describe('staff journeys', () => {
  const reviewer = {
    username: 'hd_reviewer',
    name: '海淀审查员',
    initial: 'Initial-pass-2026',
    chosen: 'Chosen-pass-2027',
  };

  it('creates a district user in Chinese, who then sees only the district; the audit log shows it', async () => {
    const page = await openPage(suite.browser, { url: suite.server.baseUrl });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await logIn(page, suite.server.admin.username, suite.server.admin.password);
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill(reviewer.username);
    await dialog.getByLabel('姓名', { exact: true }).fill(reviewer.name);
    await dialog.getByLabel('所属机构', { exact: true }).click();
    await page.keyboard.type('海淀区法律援助中心');
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '海淀区法律援助中心' })
      .first()
      .click();
    await dialog.getByLabel('角色', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '审查人员' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('初始密码', { exact: true }).fill(reviewer.initial);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect
      .poll(() => page.getByRole('row', { name: new RegExp(reviewer.username) }).count(), POLL)
      .toBe(1);
    await expect
      .poll(() => page.getByRole('row', { name: new RegExp(reviewer.username) }).innerText(), POLL)
      .toContain('海淀区法律援助中心');
    await logOut(page, '系统管理员');

    await logIn(page, reviewer.username, reviewer.initial);
    await page.getByLabel('当前密码', { exact: true }).fill(reviewer.initial);
    await page.getByLabel('新密码', { exact: true }).fill(reviewer.chosen);
    await page.getByLabel('确认密码', { exact: true }).fill(reviewer.chosen);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    const tree = page.getByRole('tree');
    await expect.poll(() => tree.innerText(), POLL).toContain('海淀区法律援助中心');
    const visible = await tree.innerText();
    expect(visible).toContain('中关村街道法律援助工作站');
    expect(visible).not.toContain('朝阳区法律援助中心');
    expect(visible).not.toContain('北京市法律援助中心');
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await logOut(page, reviewer.name);

    await logIn(page, suite.server.admin.username, suite.server.admin.password);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const createRow = page
      .getByRole('row')
      .filter({ hasText: '新建用户' })
      .filter({ hasText: 'admin' })
      .first();
    await createRow.getByRole('button', { name: '详情' }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.innerText(), POLL).toContain(reviewer.username);
    // The action in words; its code (user.create) only in the tooltip (issue 12).
    expect(await drawer.innerText()).toContain('新建用户');
    expect(await drawer.innerText()).not.toContain('user.create');
    await page.screenshot({ path: '/tmp/fayuan-e2e-audit.png' });
  });

  it('opens a dialog without its zoom when the system asks for reduced motion, and with it otherwise', async () => {
    /**
     * The animations in the 新建用户 dialog once it is open, with the browser's animations slowed a
     * hundredfold (a 0.3 s zoom then lasts 30 s, so a busy machine cannot miss it).
     */
    async function dialogAnimations(reducedMotion: 'reduce' | 'no-preference') {
      const page = await openPage(suite.browser, { url: suite.server.baseUrl, reducedMotion });
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Animation.enable');
      await devtools.send('Animation.setPlaybackRate', { playbackRate: 0.01 });
      await logIn(page, suite.server.admin.username, suite.server.admin.password);
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByLabel('用户名', { exact: true }).waitFor();
      const running = () => dialog.evaluate((el) => el.getAnimations({ subtree: true }).length);
      return { page, running };
    }
    const moving = await dialogAnimations('no-preference');
    await expect.poll(moving.running, POLL).toBeGreaterThan(0);
    await moving.page.context().close();

    const still = await dialogAnimations('reduce');
    // Long enough for a zoom, had one been started, to be under way.
    await still.page.waitForTimeout(500);
    expect(await still.running()).toBe(0);
    expect(await still.page.locator('.ant-modal').getAttribute('class')).not.toContain('zoom');
    await still.page.context().close();
  });

  it('switches to English, and the choice survives a reload', async () => {
    const page = await openPage(suite.browser, { url: suite.server.baseUrl });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn(page, suite.server.admin.username, suite.server.admin.password, {
      user: 'Username',
      pass: 'Password',
      button: 'Log in',
    });
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/fayuan-e2e-english.png' });
  });
});
