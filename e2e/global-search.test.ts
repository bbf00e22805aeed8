import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { beijingDateOf } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { uploadRequired } from '../packages/server/src/modules/casework/casework-test-kit.ts';
import { launchBrowser } from './support/browser.ts';
import { POLL, signedIn, stateOf } from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * The global search, in Debian's Chromium on the real app: a notified criminal case in 海淀 is
 * driven through the API to the end (closed, evaluated, subsidy paid, archived: 已归档, which no
 * worklist shows by default); a reviewer presses Ctrl+K, types the defendant's name in pinyin
 * initials, picks the case with the arrow keys and opens it with Enter.
 */
const DEFENDANT = '欧阳秋月'; // ouyang qiuyue → oyqy
let server: RunningServer;
let browser: Browser;
let reviewer: { username: string };
let caseId = '';
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const { app, deps } = server.context;
  const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
  const finance = await buildUser(deps, { organisationId: ORG.haidian, roles: ['finance'] });
  const lawyer = await buildLawyer(deps, '柳律师', { firm: '北京海淀正言律师事务所' });
  ({ id: caseId, number: caseNumber } = await acceptedNotice(
    app,
    { director: director.username, lawyer: lawyer.username },
    { name: DEFENDANT, phone: '13700004321' },
  ));

  const own = await signedInApi(app, lawyer.username);
  await uploadRequired(own, caseId);
  const closing = await own.post(`/api/v1/cases/${caseId}/closing`, {
    result: 'opinion_fully_adopted',
    report: '辩护意见被法院全部采纳。',
  });
  expect(closing.statusCode, closing.body).toBe(201);
  const byReviewer = await signedInApi(app, reviewer.username);
  const review = await byReviewer.post(`/api/v1/cases/${caseId}/closing/review`, { accept: true });
  expect(review.statusCode, review.body).toBe(200);
  const evaluation = await byReviewer.post(`/api/v1/applications/${caseId}/evaluation`, {
    methods: ['file_inspection'],
    grade: 'good',
    score: 86,
    findings: '案卷材料齐全，辩护意见充分。',
  });
  expect(evaluation.statusCode, evaluation.body).toBeLessThan(300);
  const paid = await (
    await signedInApi(app, finance.username)
  ).post(`/api/v1/applications/${caseId}/subsidy-payment`, {
    amountFen: 300_000,
    paidOn: beijingDateOf(new Date()),
    paymentReference: '京财支〔2026〕0921号',
  });
  expect(paid.statusCode, paid.body).toBeLessThan(300);
  const archived = await (await signedInApi(app, director.username)).post(`/api/v1/cases/${caseId}/archive`);
  expect(archived.statusCode, archived.body).toBeLessThan(300);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('global search (Ctrl+K)', () => {
  it('finds an archived case by the applicant’s pinyin initials and opens it with the keyboard', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: '全局搜索' });
    await box.waitFor();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await box.fill('oyqy');

    const cases = page.getByRole('group', { name: '申请与案件' });
    const option = cases.getByRole('option').filter({ hasText: caseNumber });
    await expect.poll(() => option.innerText().catch(() => ''), POLL).toContain(`${DEFENDANT} · 已归档`);
    // The person comes first (当事人), then the case: ↓ moves to it, Enter opens it.
    const person = page
      .getByRole('group', { name: '当事人' })
      .getByRole('option', { name: new RegExp(DEFENDANT) });
    expect(await person.getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowDown');
    await expect.poll(() => option.getAttribute('aria-selected'), POLL).toBe('true');
    await box.press('Enter');

    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/applications/${caseId}`);
    await expect.poll(() => stateOf(page), POLL).toBe('已归档');
  });
});
