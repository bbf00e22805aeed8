import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import { ok, orErrors, POLL, signedIn, stateOf } from './support/pages.ts';
import { buildLawyer, signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Aid in advance (先行提供, LAL art.44) in Debian's Chromium on the real app: a death-penalty
 * review defendant's application forwarded by the detention centre (LAL art.25(1)(5), art.39);
 * the director sees the lawyer with 2 years of practice marked ineligible with LAL art.26, gives
 * aid at once to the recommended lawyer, who finds the case in 我的案件 and records a meeting
 * before the formalities are done.
 */
const SUMMARY = '会见被告人，了解其对死刑判决的意见';
let server: RunningServer;
let browser: Browser;
let director: { username: string };
let lawyer: { username: string };
let caseUrl = '';
let caseNumber = '';

/** A date `days` days after today. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  const window = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
  lawyer = await buildLawyer(deps, '周律师', { years: 8 });
  await buildLawyer(deps, '吴律师', { years: 2 });

  const api = await signedInApi(server.context.app, window.username);
  const person = await api.post('/api/v1/persons', { name: '乙某', phone: '13700005678' });
  expect(person.statusCode, person.body).toBe(201);
  const application = await api.post('/api/v1/applications', {
    applicantId: person.json().id,
    channel: 'forwarded',
    forwardedBy: '北京市第一看守所',
    forwardedReceivedAt: new Date().toISOString(),
    matter: 'criminal_defense',
    caseType: 'criminal',
    stage: 'death_penalty_review',
    courtOrAuthority: '最高人民法院',
    facts: '被告人一审、二审均被判处死刑，案件已报请最高人民法院复核。',
    requestedHelp: '死刑复核阶段辩护。',
    hardshipBasis: 'integrity_pledge',
    household: { members: 3, monthlyIncomeFen: 450_000 },
    materialsProvided: ['identity_document', 'integrity_pledge'],
  });
  expect(application.statusCode, application.body).toBe(201);
  caseUrl = `${server.baseUrl}/applications/${application.json().id}`;
  caseNumber = application.json().number;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('aid in advance (先行提供)', () => {
  it('the director picks the recommended lawyer from the candidates; the junior one is ineligible under LAL art.26', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '批量指派');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('已受理');
    // The criminal stage is a code the rules read, shown by its name.
    await expect.poll(() => page.getByText('死刑复核', { exact: true }).count(), POLL).toBeGreaterThan(0);
    await page.getByRole('button', { name: '先行提供援助' }).click();
    const dialog = page.getByRole('dialog');
    const junior = dialog.locator('[data-testid="candidate"][data-handler="吴律师"]');
    await expect.poll(() => junior.getAttribute('data-eligible'), POLL).toBe('false');
    expect(await junior.innerText()).toContain('《法律援助法》第二十六条');
    // The recommended lawyer is chosen at first; no reason is asked for.
    const senior = dialog.locator('[data-testid="candidate"][data-handler="周律师"]');
    await expect.poll(() => senior.getAttribute('data-selected'), POLL).toBe('true');
    expect(await dialog.getByLabel('改选理由', { exact: true }).count()).toBe(0);

    await dialog.getByRole('radio', { name: /法律、法规、规章规定的其他情形/ }).check();
    const due = dialog.getByLabel('补办手续期限', { exact: true });
    await due.click();
    await due.fill(daysAhead(10));
    // Leaving the field keeps the typed date (Enter would also submit the form).
    await due.press('Tab');
    await expect.poll(() => due.inputValue(), POLL).toBe(daysAhead(10));
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('先行提供援助');
    await page.getByRole('tab', { name: /文书/ }).click();
    await expect.poll(() => page.getByText('法律援助公函').count(), POLL).toBeGreaterThan(0);
    expect(await page.getByText('会见公函').count()).toBeGreaterThan(0);
  });

  it('the lawyer finds the case in 我的案件, already accepted, and records a meeting', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await expect.poll(() => row.count(), POLL).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('先行提供援助');
    expect(text).toContain('已接受');
    await row.getByRole('link', { name: caseNumber }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('先行提供援助');

    await page.getByRole('button', { name: '记录承办活动' }).click();
    await choose(page, '活动类型', '会见');
    await page.getByLabel('地点', { exact: true }).fill('北京市第一看守所');
    await page.getByLabel('情况摘要', { exact: true }).fill(SUMMARY);
    await ok(page);
    await expect
      .poll(
        () => orErrors(page, async () => (await page.getByTestId('activity').allInnerTexts()).join(' | ')),
        POLL,
      )
      .toContain(SUMMARY);
    // The closing waits for the formalities: the case is not in progress yet.
    expect(await page.getByRole('button', { name: '提交结案' }).count()).toBe(0);
  });
});
