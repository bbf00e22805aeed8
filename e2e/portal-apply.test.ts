import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { signInOnPortal } from './support/portal.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The citizen's journey at phone width (issue 14): sign in with the code from the simulator's
 * journal → apply for a wage claim with a photo of the ID card → the centre asks for a missing
 * document → the citizen sends it from the portal → the centre grants → the citizen sees the
 * decision, downloads its PDF and sees who looked at the file (office and role, no name).
 */
const suite = browserSuite();

const first17 = '11010819900101002';
const ID_NUMBER = first17 + idNumberCheckCharacter(first17);
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(256),
]);

describe('applying on the portal', () => {
  it('applies, supplies a missing document, and follows the case to the decision', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInOnPortal(page, server, '13911112222');

    await page.getByRole('link', { name: '申请法律援助' }).first().click();
    await choose(page, '向哪个法律援助中心申请', '海淀', '海淀区法律援助中心');
    await choose(page, '您遇到的是什么事', '劳动报酬', '劳动报酬');
    await page
      .getByLabel('发生了什么，需要什么帮助')
      .fill('我在工地干了六个月，老板拖欠工资三万元不给，想请律师帮我要回来。');
    await page.getByLabel('申请人姓名').fill('周建国');
    await page.getByLabel('申请人身份证号码').fill(ID_NUMBER);
    await page.getByLabel('家庭人口（人）').fill('3');
    await page.getByLabel('家庭每月总收入（元）').fill('4500');
    // Submitting without the pledge is refused on the page.
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts(), POLL)
      .toContain('请勾选诚信承诺');
    await page.getByLabel('我已阅读并承诺以上内容属实').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/portal\/applications\/[0-9a-f-]{36}/);
    const applicationId = /applications\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('中心应在');

    // A photo of the ID card, from the phone.
    await page.setInputFiles('#upload-identity_document', {
      name: '身份证.jpg',
      mimeType: 'image/jpeg',
      buffer: PHOTO,
    });
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('已上传 1 个文件');

    // The centre asks for what is missing.
    const deps = server.context.deps;
    const clerk = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const staff = await signedInApi(server.context.app, clerk.username);
    const asked = await staff.post(`/api/v1/applications/${applicationId}/supplement-request`, {
      extraItems: [],
    });
    expect(asked.statusCode, asked.body).toBe(200);

    await page.reload();
    await page.getByRole('heading', { name: '需要补充的材料' }).waitFor();
    const requested = await page.locator('.portal-material').filter({ hasText: '需要补充' }).all();
    expect(requested.length).toBeGreaterThan(0);
    for (const material of requested) {
      const input = material.locator('input[type=file]');
      await input.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
      await expect.poll(() => material.innerText(), POLL).toContain('已上传');
    }
    await page.getByRole('button', { name: '提交补充材料' }).click();
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('材料已补齐，继续审查');

    // The centre grants.
    const review = await signedInApi(server.context.app, reviewer.username);
    const detail = (await review.get(`/api/v1/applications/${applicationId}`)).json();
    expect((await review.post(`/api/v1/applications/${applicationId}/review`)).statusCode).toBe(200);
    const reasons = detail.assessment.reasons.map((r: { code: string; citation: string }) => ({
      code: r.code,
      citation: r.citation,
    }));
    const granted = await review.post(`/api/v1/applications/${applicationId}/decision`, {
      decision: 'grant',
      reasons,
    });
    expect(granted.statusCode, granted.body).toBe(200);

    await page.reload();
    const download = page.getByRole('link', { name: '下载给予法律援助决定书' });
    await download.waitFor();
    const pdf = await context.request.get(
      new URL((await download.getAttribute('href'))!, server.baseUrl).toString(),
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const access = page
      .locator('.portal-section')
      .filter({ has: page.getByRole('heading', { name: '谁查看了我的申请' }) });
    await expect.poll(() => access.innerText(), POLL).toContain('审查人员');
    const shown = await access.innerText();
    expect(shown).toContain('海淀区法律援助中心');
    expect(shown).not.toContain(reviewer.username);
    await context.close();
  });
});
