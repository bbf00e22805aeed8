import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { errors, POLL, signedIn } from './support/pages.ts';
import { buildLawyer, closedNotice, signedInApi } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 16, from an accepted closing to a paid batch: the rule admin sets the centre's figure for
 * the first-instance stage on the rules page, finance approves the case's calculated subsidy,
 * records the firm's bank account and makes a batch, the director approves it, finance downloads
 * the bank file and imports the bank's return, and the lawyer sees 已支付 on 我的案件.
 */
const suite = browserSuite();

describe('a subsidy from the accepted closing to the bank', () => {
  it('is calculated, approved, batched, approved by the director, paid from the return and shown to the handler', async () => {
    const { server, browser } = suite;
    const { app, deps } = server.context;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const finance = await buildUser(deps, { organisationId: ORG.haidian, roles: ['finance'] });
    const admin = await buildUser(deps, { organisationId: ORG.bureau, roles: ['rule_admin'] });
    const lawyer = await buildLawyer(deps, '龚律师', { firm: '北京海淀补贴律师事务所' });
    const { id, number } = await closedNotice(
      app,
      { director: director.username, lawyer: lawyer.username, reviewer: reviewer.username },
      { name: '岑某', phone: '13700005566' },
    );
    const evaluated = await (
      await signedInApi(app, reviewer.username)
    ).post(`/api/v1/applications/${id}/evaluation`, {
      methods: ['file_inspection'],
      grade: 'good',
      score: 85,
      findings: '卷宗规范。',
    });
    expect(evaluated.statusCode, evaluated.body).toBe(201);
    // The centre does not move pay with quality: 0 % for the band (a figure it sets, not one shipped).
    const api = await signedInApi(app, admin.username);
    const band = await api.post('/api/v1/rules/subsidy_rate', {
      jurisdiction: '110000',
      effectiveFrom: '2026-01-01',
      citation: '海淀区法律援助中心补贴细则（测试）',
      data: {
        kind: 'quality_band',
        code: 'quality_good',
        nameZh: '质量良好',
        nameEn: 'Quality good',
        minScore: 80,
        maxScore: 89,
        percentBp: 0,
      },
    });
    expect(band.statusCode, band.body).toBe(201);

    // The rule admin sets the first-instance figure, 待中心设定 until now, on the form.
    const rules = await signedIn(browser, server.baseUrl, admin.username, '规则管理');
    await rules.goto(`${server.baseUrl}/rules`);
    await rules.getByRole('tab', { name: '补贴标准' }).click();
    const row = rules
      .getByRole('row')
      .filter({ hasText: '刑事案件·一审阶段' })
      .filter({ hasText: '待中心设定' });
    await row.getByRole('button', { name: '新增版本' }).click();
    const form = rules.getByRole('dialog');
    await form.getByLabel('适用地区', { exact: true }).click();
    await rules
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '北京市',
      })
      .click();
    await form.getByLabel('生效日期', { exact: true }).fill('2026-01-01');
    await form.getByLabel('补贴金额', { exact: true }).fill('1800');
    await form.getByLabel('法律依据', { exact: true }).fill('海淀区法律援助中心补贴细则（测试）第三条');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await errors(rules)).join(' | ') || form.count(), POLL).toBe(0);
    await rules.close();

    // Finance recalculates and approves the subsidy.
    const page = await signedIn(browser, server.baseUrl, finance.username, '补贴核算');
    await page.goto(`${server.baseUrl}/funding/subsidies`);
    await page.locator('tr').filter({ hasText: number }).getByRole('button', { name: '查看' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `补贴核算 ${number}` });
    await drawer.getByRole('button', { name: '重新核算' }).click();
    await expect.poll(() => drawer.getByTestId('subsidy-total').innerText(), POLL).toBe('¥1,800.00');
    // The line names the row it was paid by.
    expect(await drawer.innerText()).toContain('海淀区法律援助中心补贴细则（测试）第三条');
    await drawer.getByRole('button', { name: /^核\s*定$/ }).click();
    const approve = page.getByRole('dialog').filter({ hasText: '核定补贴' });
    await approve.getByRole('button', { name: /确\s*定/ }).click();
    await expect
      .poll(async () => (await errors(page)).join(' | ') || drawer.innerText(), POLL)
      .toContain('已核定');
    await page.keyboard.press('Escape');

    // The firm's account, then the batch of this month.
    await page.goto(`${server.baseUrl}/funding/batches`);
    await page.getByRole('tab', { name: '收款账户' }).click();
    await page
      .locator('tr')
      .filter({ hasText: '北京海淀补贴律师事务所' })
      .getByRole('button', { name: '登记账户' })
      .click();
    const account = page.getByRole('dialog').filter({ hasText: '登记银行账户' });
    await account.getByLabel('开户银行', { exact: true }).fill('工商银行海淀支行');
    await account.getByLabel('账号', { exact: true }).fill('0200004909200123456');
    await account.getByRole('button', { name: /确\s*定/ }).click();
    await expect
      .poll(
        async () =>
          (await errors(page)).join(' | ') ||
          page.locator('tr').filter({ hasText: '北京海淀补贴律师事务所' }).innerText(),
        POLL,
      )
      .toContain('…3456');
    await page.getByRole('tab', { name: '发放批次' }).click();
    await page.getByRole('button', { name: '编制批次' }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '编制发放批次' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const batch = page.getByRole('dialog').filter({ hasText: '发放批次 BT' });
    await expect
      .poll(async () => (await errors(page)).join(' | ') || batch.innerText(), POLL)
      .toContain(number);
    await batch.getByRole('button', { name: '提交审批' }).click();
    await expect.poll(() => batch.innerText(), POLL).toContain('待审批');
    const reference = (
      await batch.locator('tr').filter({ hasText: number }).locator('td').first().innerText()
    ).trim();
    expect(reference).toMatch(/^BT\d{4}-\d{4}-\d{3}$/);

    // The director approves.
    const boss = await signedIn(browser, server.baseUrl, director.username, '补贴发放');
    await boss.goto(`${server.baseUrl}/funding/batches`);
    await boss
      .locator('tr')
      .filter({ hasText: reference.slice(0, 11) })
      .getByRole('button', { name: '查看' })
      .click();
    const approving = boss.getByRole('dialog').filter({ hasText: '发放批次 BT' });
    await approving.getByRole('button', { name: '审批通过' }).click();
    await expect.poll(() => approving.innerText(), POLL).toContain('已审批');
    await boss.close();

    // Finance downloads the bank file and imports the bank's return.
    await page.reload();
    await page
      .locator('tr')
      .filter({ hasText: reference.slice(0, 11) })
      .getByRole('button', { name: '查看' })
      .click();
    const paying = page.getByRole('dialog').filter({ hasText: '发放批次 BT' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      paying.getByRole('button', { name: '下载银行文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^BT\d{4}-\d{4}\.xlsx$/);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const returned = `业务参考号,交易状态,银行流水号,交易日期,备注\n${reference},成功,ICBC0001,${today},\n`;
    await paying
      .locator('input[type=file]')
      .setInputFiles({ name: '回单.csv', mimeType: 'text/csv', buffer: Buffer.from(returned, 'utf8') });
    await expect
      .poll(async () => (await errors(page)).join(' | ') || paying.innerText(), POLL)
      .toContain('已结清');
    expect(await paying.innerText()).toContain('ICBC0001');
    await page.close();

    // The lawyer sees the subsidy paid on 我的案件.
    const mine = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await mine.goto(`${server.baseUrl}/my-cases`);
    const card = mine.getByTestId('my-subsidies');
    await expect
      .poll(
        () =>
          card
            .locator('tr')
            .filter({ hasText: number })
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toContain('已支付');
    expect(await card.innerText()).toContain('¥1,800.00');
    await mine.close();
  });
});
