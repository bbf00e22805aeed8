import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { caseClocks } from '../packages/server/src/db/schema/index.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import { ok, openFromList, orErrors, POLL, signedIn, stateOf } from './support/pages.ts';
import { acceptedNotice, buildLawyer } from './support/people.ts';
import { choose } from './support/select.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Issue 11 §5 and §7 in Debian's Chromium on the real app: a compulsory-medical-treatment notice
 * is assigned and accepted through the API; the lawyer opens it from 我的案件, sees that they act
 * as 诉讼代理人 (LAL art.28), and records that the recipient holds the signing up: the 5-day
 * agreement period, which ran from the assignment, pauses (MOJ procedure rules 2023 art.27).
 */
const REASON = '受援人正在接受强制医疗评估，暂无法签署委托协议';
let server: RunningServer;
let browser: Browser;
let lawyer: { username: string };
let caseId = '';
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  lawyer = await buildLawyer(deps, '褚律师');
  ({ id: caseId, number: caseNumber } = await acceptedNotice(
    server.context.app,
    { director: director.username, lawyer: lawyer.username },
    { name: '丁某', phone: '13700005680' },
    {
      stage: 'compulsory_medical_treatment',
      ground: 'compulsory_medical_treatment',
      charges: ['故意伤害罪'],
    },
  ));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the agreement period and the handler’s standing', () => {
  it('the lawyer sees they act as 诉讼代理人 and records a recipient delay: the period pauses', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    const brief = page.getByTestId('case-brief');
    await expect.poll(() => brief.innerText(), POLL).toContain('承办人员诉讼地位');
    expect(await brief.innerText()).toContain('诉讼代理人');
    expect(await brief.innerText()).not.toContain('辩护人');
    await expect
      .poll(() => page.getByTestId('case-deadlines').innerText(), POLL)
      .toContain('签订委托协议期限');

    await page.getByRole('button', { name: '记录承办活动' }).click();
    await choose(page, '活动类型', '受援人原因无法按时签约');
    await page.getByLabel('情况摘要', { exact: true }).fill(REASON);
    await ok(page);
    await expect
      .poll(
        () => orErrors(page, async () => (await page.getByTestId('activity').allInnerTexts()).join(' | ')),
        POLL,
      )
      .toContain(REASON);
    const [clock] = await server.context.deps.db
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.applicationId, caseId), eq(caseClocks.period, 'agreement_signing')));
    expect(clock?.status).toBe('paused');
    await expect.poll(() => page.getByTestId('case-deadlines').innerText(), POLL).toContain('暂停');
  });
});
