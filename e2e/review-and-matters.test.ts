import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { confirmPopover, openPage, POLL, signedIn } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 12 in the browser: the refusal dialog opens with the reasons the assessment found; a
 * citizen on a phone finds the labour matter by 欠薪, is asked only its questions and reads the
 * result and the next steps without scrolling for them; the staff matter picker finds matters by
 * callers' words (工伤, 家暴).
 */
const suite = browserSuite();

describe('the refusal dialog', () => {
  it('opens with the assessment’s reasons ticked (household income above the line)', async () => {
    const deps = suite.server.context.deps;
    const windowStaff = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const api = await signedInApi(suite.server.context.app, windowStaff.username);
    const person = await api.post('/api/v1/persons', { name: '钱多多', phone: '13700005678' });
    expect(person.statusCode, person.body).toBe(201);
    const created = await api.post('/api/v1/applications', {
      applicantId: person.json().id,
      channel: 'window',
      matter: 'labour_remuneration',
      caseType: 'civil',
      facts: '公司拖欠工资两个月。',
      requestedHelp: '代理劳动仲裁。',
      hardshipBasis: 'integrity_pledge',
      household: { members: 2, monthlyIncomeFen: 900_000 },
      materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const page = await signedIn(suite.browser, suite.server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(`${suite.server.baseUrl}/applications/${id}`);
    await page.getByRole('button', { name: '开始审查' }).click();
    await confirmPopover(page);
    await page.getByRole('button', { name: '作出决定' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('radio', { name: '不予法律援助' }).isChecked(), POLL).toBe(true);
    const hardship = dialog.getByRole('checkbox', { name: /不符合经济困难标准/ });
    await expect.poll(() => hardship.isChecked(), POLL).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /申请事项不属于法律援助范围/ }).isChecked()).toBe(
      false,
    );
  });
});

describe('the self-test on a phone (390×844)', () => {
  it('finds the labour matter by 欠薪, asks only its questions, and shows the result and next steps in view', async () => {
    const page = await openPage(suite.browser, {
      viewport: { width: 390, height: 844 },
      url: `${suite.server.baseUrl}/self-test`,
    });
    await page.getByRole('heading', { name: '法律援助自助测评' }).waitFor();
    // Before a matter is chosen, no questions; a criminal one is never asked for wages.
    expect(await page.getByRole('heading', { name: '请回答以下问题' }).count()).toBe(0);

    await page.getByLabel('您要解决的是什么事情？', { exact: true }).click();
    await page.keyboard.type('欠薪');
    const option = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await expect.poll(() => option.allInnerTexts(), POLL).toEqual(['请求确认劳动关系或者支付劳动报酬']);
    await option.first().click();
    await page.getByText('您是否遭受虐待、遗弃或者家庭暴力？').waitFor();
    expect(await page.getByText('这是共同犯罪案件，且其他犯罪嫌疑人、被告人已委托辩护人吗？').count()).toBe(
      0,
    );

    await page.getByLabel('家庭人口', { exact: true }).fill('3');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('6000');
    await page.getByRole('button', { name: '开始测评' }).click();
    const verdict = page.getByTestId('selftest-verdict');
    await expect.poll(() => verdict.innerText().catch(() => ''), POLL).toContain('可以申请法律援助');
    // The verdict is in the viewport without the citizen scrolling for it.
    await expect
      .poll(async () => {
        const box = await verdict.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 844;
      }, POLL)
      .toBe(true);

    const next = page.getByTestId('selftest-next-steps');
    await expect.poll(() => next.innerText().catch(() => ''), POLL).toContain('申请人身份证件');
    expect(await next.innerText()).toContain('经济困难状况个人诚信承诺书');
    await next.getByLabel('您所在的区', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '海淀区法律援助中心',
      })
      .click();
    await expect
      .poll(() => next.getByTestId('selftest-centre').innerText(), POLL)
      .toContain('海淀区法律援助中心');
    expect(await next.getByTestId('selftest-centre').innerText()).toContain('接待时间');

    // No code reaches the citizen (snake_case, a rule version fingerprint, a UUID).
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/[a-z]+_[a-z_]+/);
    expect(text).not.toContain('规则版本');
  });
});

describe('the staff matter picker', () => {
  it('finds the work-injury and domestic-violence matters by 工伤 and 家暴', async () => {
    const windowStaff = await buildUser(suite.server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['window_staff'],
    });
    const page = await signedIn(suite.browser, suite.server.baseUrl, windowStaff.username, '审查工作台');
    await page.getByRole('menuitem', { name: '申请受理' }).click();
    await page.getByRole('heading', { name: '申请受理' }).waitFor();
    const matter = page.getByLabel('援助事项', { exact: true });
    const options = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await matter.click();
    await matter.fill('工伤');
    await expect.poll(() => options.allInnerTexts(), POLL).toContain('请求工伤事故人身损害赔偿');
    await matter.fill('家暴');
    await expect.poll(() => options.allInnerTexts(), POLL).toEqual(['请求家庭暴力、虐待、遗弃保护']);
  });
});
