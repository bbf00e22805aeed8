import { describe, expect, it } from 'vitest';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { orErrors, POLL, signedIn } from './support/pages.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';
import { withFileCleanup } from '../packages/server/src/platform/storage/file-store.ts';
import { makePartner, originFor } from '../packages/server/src/modules/criminal/partner-test-kit.ts';
import { receivePartnerNotice } from '../packages/server/src/modules/criminal/receive-partner-notice.ts';

/**
 * Issue 13 in the browser: the window records a notice that came on paper (录入纸质通知书), the case
 * opens; it waits in 来件 with its 3-day due date (LAL art.36) and opens the file from there.
 */
const suite = browserSuite();

/** Beijing's calendar date `days` after now (the due date of a notice received now). */
const beijingDatePlus = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('来件 and the paper notice form', () => {
  it('records a paper notice, shows it in the inbox with its due date and opens the file', async () => {
    const window = await buildUser(suite.server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['window_staff'],
    });
    const page = await signedIn(suite.browser, suite.server.baseUrl, window.username, '来件');
    await page.getByRole('menuitem', { name: '来件' }).click();
    await page.getByRole('heading', { name: '来件' }).waitFor();
    await page.getByRole('button', { name: '录入纸质通知书' }).click();
    await page.getByRole('heading', { name: '录入纸质通知书' }).waitFor();

    await choose(page, '通知机关', '人民法院');
    await page.getByLabel('通知机关名称', { exact: true }).fill('北京市海淀区人民法院');
    await page.getByLabel('通知文书编号', { exact: true }).fill('（2026）京0108刑初321号');
    await choose(page, '诉讼阶段', '一审');
    await choose(page, '通知理由', '可能被判处无期徒刑、死刑');
    const charges = page.getByLabel('涉嫌罪名', { exact: true });
    await charges.click();
    await charges.fill('故意伤害罪');
    await charges.press('Enter');
    await page.getByLabel('姓名', { exact: true }).fill('蒋某');
    await page.getByLabel('羁押场所', { exact: true }).fill('北京市海淀区看守所');
    const before = beijingDatePlus(3);
    await page.getByRole('button', { name: '登记并打开案件' }).click();

    // The file of the new case opens, waiting for a handler.
    await expect
      .poll(
        () => orErrors(page, async () => (page.url().match(/\/applications\/[0-9a-f-]{36}$/) ? 'file' : '')),
        POLL,
      )
      .toBe('file');
    const fileUrl = page.url();
    await page.getByText('待指派').first().waitFor();

    await page.getByRole('menuitem', { name: '来件' }).click();
    const row = page.locator('tr', { hasText: '蒋某' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('北京市海淀区人民法院');
    expect(text).toContain('纸质录入');
    expect(text).toContain('剩余');
    expect([before, beijingDatePlus(3)].some((date) => text.includes(date))).toBe(true);

    await row.getByRole('link').first().click();
    await expect.poll(() => page.url(), POLL).toBe(fileUrl);
    await page.getByText('蒋某').first().waitFor();
  });

  it('shows a partner’s notice in 来件 as sent by the institution, and its file names it (发来机构)', async () => {
    const t = suite.server.context;
    const court = await makePartner(t, {
      kind: 'court',
      name: '北京市海淀区人民法院刑事审判庭',
      organisationId: ORG.haidian,
    });
    await withFileCleanup(t.deps.files, (files) =>
      t.deps.db.transaction((tx) =>
        receivePartnerNotice(
          { ...t.deps, files },
          tx,
          court,
          {
            institutionCaseNumber: '（2026）京0108刑初900号',
            stage: 'death_penalty_review',
            ground: 'death_penalty_review',
            charges: ['故意杀人罪'],
            defendant: { name: '沈某', detained: true },
          },
          originFor(court),
        ),
      ),
    );
    const director = await buildUser(t.deps, { organisationId: ORG.haidian, roles: ['director'] });
    const page = await signedIn(suite.browser, suite.server.baseUrl, director.username, '来件');
    await page.getByRole('menuitem', { name: '来件' }).click();
    const row = page.locator('tr', { hasText: '沈某' });
    await row.waitFor();
    expect(await row.innerText()).toContain('机构系统发来');
    await row.getByRole('link').first().click();
    await page.getByText('发来机构').first().waitFor();
    await page.getByText('北京市海淀区人民法院刑事审判庭').first().waitFor();
  });
});
