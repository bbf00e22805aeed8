import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signRequest } from '../packages/server/src/platform/partner-signing/partner-signing.ts';
import { confirmPopover, logIn, openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';
import { seriousViolations, visibleCodes } from './support/scan.ts';

/**
 * 合作机构 (issue 13): the administrator registers a partner and sees its secrets once, a request
 * signed with them shows in the partner's request log, the key is rotated (the new secret shown
 * once) and the old key revoked, after which a request signed with it is refused.
 */
const suite = browserSuite();

const WHOAMI = '/api/partner/v1/whoami';

/** A signed GET /whoami over HTTP, as a partner's system sends it. */
async function whoami(keyId: string, secret: string): Promise<number> {
  const headers = signRequest({ keyId, secret, method: 'GET', pathWithQuery: WHOAMI });
  const response = await fetch(`${suite.server.baseUrl}${WHOAMI}`, { headers });
  return response.status;
}

/** The page shows no code-shaped text and passes axe with no serious or critical violation. */
async function expectClean(page: Page, where: string) {
  expect({ where, codes: await visibleCodes(page) }).toEqual({ where, codes: [] });
  expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
}

const shownSecret = (page: Page, label: string) =>
  page.getByTestId(`secret-${label}`).locator('code').innerText();

describe('partner institutions (合作机构)', () => {
  it('registers a partner, shows its secrets once, logs its request, rotates and revokes its key', async () => {
    const page = await openPage(suite.browser, { url: suite.server.baseUrl });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await logIn(page, suite.server.admin.username, suite.server.admin.password);
    await page.getByRole('menuitem', { name: '合作机构' }).click();
    await page.getByRole('button', { name: '登记合作机构' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('机构名称', { exact: true }).fill('北京市公安局海淀分局');
    await dialog.getByLabel('机构类型', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '公安机关' }).click();
    await dialog.getByLabel('所属法律援助机构', { exact: true }).click();
    await page.keyboard.type('海淀区法律援助中心');
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '海淀区法律援助中心' })
      .first()
      .click();
    await dialog.getByLabel('回调地址', { exact: true }).fill('https://gaj.example.gov.cn/fayuan/callback');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();

    const secrets = page.getByRole('dialog', { name: '请立即保存密钥' });
    await secrets.waitFor();
    expect(await secrets.innerText()).toContain('关闭后不再显示');
    const keyId = await shownSecret(page, 'keyId');
    const secret = await shownSecret(page, 'secret');
    expect(keyId).toMatch(/^fy_/);
    expect(await shownSecret(page, 'callbackKeyId')).toMatch(/^fyo_/);
    await secrets.getByRole('button', { name: '我已保存，关闭' }).click();
    await secrets.waitFor({ state: 'hidden' });
    expect(await page.getByText(secret).count()).toBe(0);

    expect(await whoami(keyId, secret)).toBe(200);
    await page.getByRole('row').filter({ hasText: '北京市公安局海淀分局' }).waitFor();
    await expectClean(page, 'list');

    await page.getByRole('link', { name: '北京市公安局海淀分局' }).click();
    await page.getByRole('tab', { name: '基本信息' }).waitFor();
    await expectClean(page, 'details');
    await page.getByRole('tab', { name: '请求记录' }).click();
    const log = page.getByRole('tabpanel', { name: '请求记录' });
    // The log row is written just after the answer: refresh until it shows.
    const rowsWith = async (text: string) => {
      await log.getByRole('button', { name: /刷\s*新/ }).click();
      return log.getByRole('row').filter({ hasText: text }).count();
    };
    await expect.poll(() => rowsWith('身份核验'), POLL).toBe(1);
    expect(await log.getByRole('row').filter({ hasText: '身份核验' }).innerText()).toContain('成功');

    await page.getByRole('tab', { name: '密钥' }).click();
    await page.getByRole('button', { name: '轮换密钥' }).click();
    await confirmPopover(page);
    const rotated = page.getByRole('dialog', { name: '新密钥（只显示这一次）' });
    await rotated.waitFor();
    const newKeyId = await shownSecret(page, 'keyId');
    const newSecret = await shownSecret(page, 'secret');
    expect(newKeyId).not.toBe(keyId);
    await rotated.getByRole('button', { name: '我已保存，关闭' }).click();
    await rotated.waitFor({ state: 'hidden' });
    // In the overlap both keys sign.
    expect(await whoami(keyId, secret)).toBe(200);
    expect(await whoami(newKeyId, newSecret)).toBe(200);

    await page.getByRole('button', { name: `吊销 ${keyId}` }).click();
    await confirmPopover(page);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: keyId }).innerText(), POLL)
      .toContain('已失效');
    expect(await whoami(keyId, secret)).toBe(401);
    expect(await whoami(newKeyId, newSecret)).toBe(200);
    await expectClean(page, 'keys');

    await page.getByRole('tab', { name: '请求记录' }).click();
    await expect.poll(() => rowsWith('密钥已吊销或过期'), POLL).toBe(1);
    await expectClean(page, 'request log');
  });
});
