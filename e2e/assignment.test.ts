import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import { confirmPopover, POLL, signedIn, stateOf } from './support/pages.ts';
import { buildLawyer, signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Assignment in Debian's Chromium on the real app: a death-penalty notice (LAL art.26) in 海淀,
 * the director sees the lawyer with 2 years of criminal practice marked ineligible with the law's
 * article, assigns the recommended lawyer in one click, and that lawyer accepts it in 我的案件.
 */
let server: RunningServer;
let browser: Browser;
let director: { username: string };
let senior: { username: string };
let caseUrl = '';
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  director = await buildUser(server.context.deps, { organisationId: ORG.haidian, roles: ['director'] });
  senior = await buildLawyer(server.context.deps, '周律师', { years: 5 });
  await buildLawyer(server.context.deps, '吴律师', { years: 2 });

  const api = await signedInApi(server.context.app, director.username);
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

describe('assignment (指派)', () => {
  it('the director sees why the junior lawyer may not take a death-penalty case and assigns the recommended one', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '批量指派');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('待指派');
    await page.getByRole('button', { name: /^指\s*派$/ }).click();
    const dialog = page.getByRole('dialog');
    const junior = dialog.locator('[data-testid="candidate"][data-handler="吴律师"]');
    await expect.poll(() => junior.getAttribute('data-eligible'), POLL).toBe('false');
    const juniorText = await junior.innerText();
    expect(juniorText).toContain('不符合条件');
    // The citation in Chinese words only (issue 12): no short form in zh-CN.
    expect(juniorText).toContain('《法律援助法》第二十六条');
    expect(juniorText).not.toContain('LAL art.26');
    await expect.poll(() => dialog.getByTestId('best').innerText(), POLL).toContain('周律师');

    await dialog.getByRole('button', { name: '指派推荐人选' }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已指派');
  });

  it('the lawyer opens the case from 我的案件, reads the brief and accepts it there: the case is in progress', async () => {
    const page = await signedIn(browser, server.baseUrl, senior.username, '我的案件');
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
    await confirmPopover(page);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    await expect.poll(() => brief.innerText(), POLL).toContain('13700001234');
    await page.getByRole('link', { name: '返回我的案件' }).click();
    await expect.poll(() => row.innerText(), POLL).toContain('已接受');
  });
});
