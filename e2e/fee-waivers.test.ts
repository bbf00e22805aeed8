import { describe, expect, it } from 'vitest';
import { beijingDateOf } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { errors, POLL, signedIn } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A fee waiver (费用缓减免, LAL art.53; issue 16): a reviewer asks a notary office to waive a
 * recipient's notary fee, sends the numbered letter, records the notary's answer and the amount
 * saved, and finds the request on the case file's 费用减免 tab.
 */
const suite = browserSuite();

describe('a notary fee waived for a recipient', () => {
  it('drafts, sends, records the answer and shows it on the case file', async () => {
    const { server, browser } = suite;
    const { app, deps } = server.context;
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    // A notified defence: aid is granted by the notice (LAL art.25), the defendant is a recipient.
    const api = await signedInApi(app, director.username);
    const person = await api.post('/api/v1/persons', { name: '韩某', phone: '13700004321' });
    expect(person.statusCode, person.body).toBe(201);
    const notice = await api.post('/api/v1/criminal-notices', {
      institutionKind: 'court',
      institutionName: '北京市海淀区人民法院',
      stage: 'trial_first_instance',
      ground: 'ordinary_procedure_court',
      charges: ['盗窃罪'],
      defendantId: person.json().id,
      detained: false,
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const { id, number } = notice.json() as { id: string; number: string };

    const page = await signedIn(browser, server.baseUrl, reviewer.username, '费用减免');
    await page.goto(`${server.baseUrl}/fee-waivers`);
    await page.getByRole('button', { name: '新建申请' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建费用缓减免申请' });
    await modal.getByLabel('受理编号').fill(number);
    await modal.getByRole('button', { name: '查找案件' }).click();
    await expect.poll(() => modal.innerText(), POLL).toContain('韩某');
    await choose(page, '机构类别', '公证机构');
    await modal.getByLabel('机构名称').fill('北京市海淀公证处');
    expect(await modal.locator('.ant-form-item').filter({ hasText: '申请事项' }).innerText()).toContain(
      '免收公证费',
    );
    await modal.getByLabel('费用名称').fill('公证费（继承权公证）');
    await modal.getByLabel('费用金额（元）').fill('800');
    await modal.getByRole('button', { name: '创建申请' }).click();

    const drawer = page.getByRole('dialog').filter({ hasText: '费用缓减免 ·' });
    await expect.poll(() => drawer.innerText(), POLL).toContain('草稿');
    expect(await drawer.innerText()).toContain('《法律援助法》第五十三条');
    await drawer.getByRole('button', { name: /发\s*送/ }).click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('申请函文号');
    expect(await drawer.innerText()).toContain('已发送');

    await drawer.getByRole('button', { name: '录入答复' }).click();
    await choose(page, '答复结果', '准予');
    await drawer.getByLabel('减免金额（元）').fill('800');
    await drawer.getByLabel('答复日期').click();
    // Beijing's today (the browser's own day may still be yesterday in UTC).
    await page.locator(`.ant-picker-dropdown .ant-picker-cell[title="${beijingDateOf(new Date())}"]`).click();
    await drawer.getByRole('button', { name: '保存答复' }).click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('已答复');
    expect(await drawer.innerText()).toContain('800.00');
    expect(await errors(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/applications/${id}`);
    await page.getByRole('tab', { name: '费用减免' }).click();
    const tab = page.getByRole('tabpanel', { name: '费用减免' });
    await expect.poll(() => tab.innerText(), POLL).toContain('北京市海淀公证处');
    expect(await tab.innerText()).toContain('准予');
    await page.close();
  }, 60_000);
});
