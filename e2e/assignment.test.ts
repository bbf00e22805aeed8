import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { handlers } from '../packages/server/src/db/schema/index.ts';
import { buildUser, ORG, PASSWORD } from '../packages/server/test/factories.ts';
import { Session } from '../packages/server/test/harness.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Assignment in Debian's Chromium on the real app: a death-penalty notice (LAL art.26) in 海淀,
 * the director sees the lawyer with 2 years of criminal practice marked ineligible with the law's
 * article, assigns the recommended lawyer in one click, and that lawyer accepts it in 我的案件.
 */
const POLL = { timeout: 30_000, interval: 100 };
let server: RunningServer;
let browser: Browser;
let director: { username: string };
let senior: { username: string };
let caseUrl = '';
let caseNumber = '';

/** A handler in 海淀's pool with a login, straight into the table (as the server's assignment tests). */
async function handler(name: string, criminalPracticeStartDate: string) {
  const deps = server.context.deps;
  const user = await buildUser(deps, { organisationId: ORG.haidian, roles: ['handler'] });
  await deps.db.insert(handlers).values({
    id: randomUUID(),
    organisationId: ORG.haidian,
    userId: user.id,
    name,
    namePinyin: name,
    nameInitials: name,
    kind: 'social_lawyer',
    licenceNumber: `1110${Math.floor(Math.random() * 1e12)}`,
    practiceStartDate: criminalPracticeStartDate,
    criminalPracticeStartDate,
    districtsServed: [ORG.haidian],
    capacity: 5,
    status: 'active',
    statusSince: '2020-01-01',
  });
  return user;
}

/** A date `years` years before today (whole years of practice on the day of assignment). */
const yearsAgo = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  director = await buildUser(server.context.deps, { organisationId: ORG.haidian, roles: ['director'] });
  senior = await handler('周律师', yearsAgo(5));
  await handler('吴律师', yearsAgo(2));

  const api = new Session(server.context.app, 'zh-CN');
  expect((await api.login(director.username, PASSWORD)).statusCode).toBe(200);
  const person = await api.post('/api/v1/persons', { name: '甲某', phone: '13700001234' });
  expect(person.statusCode, person.body).toBe(201);
  const notice = await api.post('/api/v1/criminal-notices', {
    institutionKind: 'court',
    institutionName: '北京市第一中级人民法院',
    stage: 'trial_first_instance',
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    defendantId: person.json().id,
    detained: true,
    detentionPlace: '北京市第一看守所',
  });
  expect(notice.statusCode, notice.body).toBe(201);
  caseUrl = `${server.baseUrl}/applications/${notice.json().id}`;
  caseNumber = notice.json().number;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username: string, landmark: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.baseUrl);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: landmark }).waitFor();
  return page;
}

/** Error messages on the page: shown in a failure instead of a bare timeout. */
const errors = (page: Page) =>
  page.locator('.ant-form-item-explain-error, .ant-alert-error, .ant-message-error').allInnerTexts();

const stateOf = async (page: Page) =>
  (await errors(page)).join(' | ') ||
  (await page.locator('.ant-card').first().locator('.ant-tag').first().innerText());

describe('assignment (指派)', () => {
  it('the director sees why the junior lawyer may not take a death-penalty case and assigns the recommended one', async () => {
    const page = await signedIn(director.username, '批量指派');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('待指派');
    await page.getByRole('button', { name: /^指\s*派$/ }).click();
    const dialog = page.getByRole('dialog');
    const junior = dialog.locator('[data-testid="candidate"][data-handler="吴律师"]');
    await expect.poll(() => junior.getAttribute('data-eligible'), POLL).toBe('false');
    const juniorText = await junior.innerText();
    expect(juniorText).toContain('不符合条件');
    expect(juniorText).toContain('《法律援助法》');
    expect(juniorText).toContain('LAL art.26');
    await expect.poll(() => dialog.getByTestId('best').innerText(), POLL).toContain('周律师');

    await dialog.getByRole('button', { name: '指派推荐人选' }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已指派');
  });

  it('the lawyer opens the case from 我的案件, reads the brief and accepts it there: the case is in progress', async () => {
    const page = await signedIn(senior.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain('甲某');
    expect(await row.innerText()).toContain('待接受');
    // Before answering, the brief shows the court and the charges to check for a conflict, but
    // not the client's phone yet.
    await row.getByRole('link', { name: caseNumber }).click();
    const brief = page.getByTestId('case-brief');
    await expect.poll(() => brief.innerText(), POLL).toContain('北京市第一中级人民法院');
    expect(await brief.innerText()).toContain('故意杀人罪');
    expect(await brief.innerText()).toContain('接受指派后显示联系电话');
    expect(await brief.innerText()).not.toContain('13700001234');
    await page.getByRole('button', { name: /^接\s*受$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    await expect.poll(() => brief.innerText(), POLL).toContain('13700001234');
    await page.getByRole('link', { name: '返回我的案件' }).click();
    await expect.poll(() => row.innerText(), POLL).toContain('已接受');
  });
});
