import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { handlers } from '../packages/server/src/db/schema/index.ts';
import { buildHandler, buildUser, ORG } from '../packages/server/test/factories.ts';
import { uploadRequired } from '../packages/server/src/modules/casework/casework-test-kit.ts';
import { launchBrowser } from './support/browser.ts';
import { choose } from './support/select.ts';
import { logIn, ok, openPage, POLL, signedIn, stateOf } from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * The dead ends of issue 12, in Debian's Chromium on the real app: a lawyer's login opened from
 * the lawyer's record, a closing waiting for review found from the worklist's filter, a person's
 * history in the person drawer, and the worklist exported to Excel under its filter.
 */
let server: RunningServer;
let browser: Browser;
let director: { username: string };
let reviewer: { username: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  director = await buildUser(server.context.deps, { organisationId: ORG.haidian, roles: ['director'] });
  reviewer = await buildUser(server.context.deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dead ends', () => {
  it('a lawyer given a login from the lawyer page signs in and finds the assignment in 我的案件', async () => {
    const deps = server.context.deps;
    const lawyer = await buildHandler(deps, '简律师');
    await deps.db.update(handlers).set({ userId: null }).where(eq(handlers.id, lawyer.id));

    const page = await signedIn(browser, server.baseUrl, director.username, '法律援助人员');
    await page.goto(`${server.baseUrl}/handlers?handler=${lawyer.id}`);
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.innerText(), POLL).toContain('未开通');
    await drawer.getByRole('button', { name: '开通登录账号' }).click();
    const dialog = page.getByRole('dialog', { name: /开通登录账号/ });
    await dialog.getByLabel('用户名', { exact: true }).fill('jianlvshi');
    await dialog.getByLabel('初始密码', { exact: true }).fill('Jian-initial-2026');
    await ok(page);
    await expect.poll(() => drawer.innerText(), POLL).toContain('jianlvshi');

    // Assigned to this lawyer through the API, as the director would from the case.
    const notice = await signedInApi(server.context.app, director.username);
    const person = await notice.post('/api/v1/persons', { name: '丁某', phone: '13700004321' });
    const recorded = await notice.post('/api/v1/criminal-notices', {
      institutionKind: 'court',
      institutionName: '北京市海淀区人民法院',
      stage: 'trial_first_instance',
      ground: 'sensory_disability',
      charges: ['盗窃罪'],
      defendantId: person.json().id,
      detained: false,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id, number } = recorded.json() as { id: string; number: string };
    const assigned = await notice.post(`/api/v1/applications/${id}/assignment`, { handlerId: lawyer.id });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const own = await openPage(browser, { url: server.baseUrl });
    await logIn(own, 'jianlvshi', 'Jian-initial-2026');
    await own.getByLabel('当前密码', { exact: true }).fill('Jian-initial-2026');
    await own.getByLabel('新密码', { exact: true }).fill('Jian-chosen-2027');
    await own.getByLabel('确认密码', { exact: true }).fill('Jian-chosen-2027');
    await own.getByRole('button', { name: '修改密码' }).click();
    await own.getByRole('menuitem', { name: '我的案件' }).click();
    await expect.poll(() => own.getByRole('row').filter({ hasText: number }).count(), POLL).toBe(1);
  });

  it('the administrator links a handler account to the lawyer from the accounts list', async () => {
    const deps = server.context.deps;
    const lawyer = await buildHandler(deps, '郝律师');
    await deps.db.update(handlers).set({ userId: null }).where(eq(handlers.id, lawyer.id));
    const account = await buildUser(deps, { organisationId: ORG.haidian, roles: ['handler'] });

    const page = await signedIn(browser, server.baseUrl, server.admin.username, '用户管理', {
      password: server.admin.password,
    });
    await page.goto(`${server.baseUrl}/users?q=${account.username}`);
    const row = page.getByRole('row').filter({ hasText: account.username });
    await row.getByRole('button', { name: '关联人员' }).click();
    await choose(page, '法律援助人员', '郝律师');
    await ok(page);
    await expect.poll(() => row.innerText(), POLL).toContain('郝律师');

    // The lawyer's record shows the login.
    const directorPage = await signedIn(browser, server.baseUrl, director.username, '法律援助人员');
    await directorPage.goto(`${server.baseUrl}/handlers?handler=${lawyer.id}`);
    await expect
      .poll(() => directorPage.locator('.ant-drawer').innerText(), POLL)
      .toContain(account.username);
  });

  it('a reviewer finds a submitted closing from the worklist filter and accepts it', async () => {
    const deps = server.context.deps;
    const lawyer = await buildLawyer(deps, '尤律师');
    const { id, number } = await acceptedNotice(
      server.context.app,
      { director: director.username, lawyer: lawyer.username },
      { name: '戊某', phone: '13700005678' },
    );
    const own = await signedInApi(server.context.app, lawyer.username);
    await uploadRequired(own, id);
    const closing = await own.post(`/api/v1/cases/${id}/closing`, {
      result: 'opinion_fully_adopted',
      report: '辩护意见被法院全部采纳。',
    });
    expect(closing.statusCode, closing.body).toBe(201);

    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.getByRole('menuitem', { name: '审查工作台' }).click();
    // Not among the default states: the quick view 待审查结案 finds it.
    await page.getByRole('button', { name: '待审查结案' }).click();
    const row = page.getByRole('row').filter({ hasText: number });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain('已提交结案');
    await row.getByRole('link', { name: number }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已提交结案');
    await page.getByRole('tab', { name: '承办记录' }).click();
    await page.getByRole('button', { name: '结案审查' }).click();
    await page.getByRole('dialog').getByLabel('审查通过，结案').check();
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已结案');
  });

  it('the person drawer lists the person’s application and opens it', async () => {
    const window = await buildUser(server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['window_staff'],
    });
    const api = await signedInApi(server.context.app, window.username);
    const person = await api.post('/api/v1/persons', { name: '己某', phone: '13700008765' });
    const personId = person.json().id as string;
    const taken = await api.post('/api/v1/applications', {
      applicantId: personId,
      channel: 'window',
      matter: 'labour_remuneration',
      caseType: 'civil',
      opposingParty: '北京某建筑公司',
      facts: '申请人在工地工作六个月，公司拖欠工资三万元。',
      requestedHelp: '代理劳动仲裁，追讨欠薪。',
      hardshipBasis: 'integrity_pledge',
      household: { members: 3, monthlyIncomeFen: 600_000 },
      materialsProvided: ['identity_document', 'integrity_pledge'],
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const { id, number } = taken.json() as { id: string; number: string };

    const page = await signedIn(browser, server.baseUrl, window.username, '当事人管理');
    await page.goto(`${server.baseUrl}/persons?person=${personId}`);
    const history = page.getByRole('table', { name: '申请与案件' });
    await expect.poll(() => history.innerText(), POLL).toContain(number);
    expect(await history.innerText()).toContain('已受理');
    await history.getByRole('link', { name: number }).click();
    await page.waitForURL(`**/applications/${id}`);
    await expect.poll(() => stateOf(page), POLL).toBe('已受理');
  });

  it('the worklist exports an .xlsx whose rows are the filtered list', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications?state=closed`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child a').allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审查工作台-.*\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('申请编号');
    const exported: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) exported.push(String(row.getCell(1).value));
    });
    expect(exported.sort()).toEqual(shown.sort());
    sheet.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(5).value).toBe('已结案');
    });
  });
});
