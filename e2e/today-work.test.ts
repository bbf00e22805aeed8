import { describe, expect, it } from 'vitest';
import { centreSettings } from '../packages/server/src/db/schema/index.ts';
import { sweepClocks } from '../packages/server/src/modules/applications/clock-watcher.ts';
import { uploadRequired } from '../packages/server/src/modules/casework/casework-test-kit.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { ok, openFromList, orErrors, POLL, signedIn, stateOf } from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 12, today's work, in Debian's Chromium on the real app: a lawyer schedules a hearing for
 * tomorrow from their case page; the reminder job (the clock watcher, driven here directly) rings
 * their bell, and the notice opens the case. A reviewer's home page counts the closings to review,
 * and the count opens the worklist filtered to exactly that case.
 */
const suite = browserSuite();

/** Tomorrow at 10:00 in Beijing, as the picker takes it. */
function tomorrowAtTen(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
  return `${beijing.toISOString().slice(0, 10)} 10:00`;
}

describe('today’s work', () => {
  it('a handler schedules a hearing for tomorrow, the reminder rings the bell and opens the case', async () => {
    const deps = suite.server.context.deps;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const lawyer = await buildLawyer(deps, '卫律师');
    const { number } = await acceptedNotice(
      suite.server.context.app,
      { director: director.username, lawyer: lawyer.username },
      { name: '蒋某', phone: '13700005690' },
    );
    // Tomorrow 10:00 is up to 34 hours ahead: the centre reminds two days ahead (a setting, not law).
    await deps.db
      .insert(centreSettings)
      .values({ organisationId: ORG.haidian, hearingReminderHours: 48, updatedAt: new Date() })
      .onConflictDoUpdate({ target: centreSettings.organisationId, set: { hearingReminderHours: 48 } });

    const page = await signedIn(suite.browser, suite.server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    await openFromList(page, number);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');

    await page.getByRole('button', { name: '记录承办活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('预先安排', { exact: true }).check();
    await choose(page, '活动类型', '开庭');
    const when = dialog.getByLabel('发生时间', { exact: true });
    await when.click();
    await when.fill(tomorrowAtTen());
    // Tab, not Enter: Enter in any field submits the dialog's form.
    await when.press('Tab');
    await dialog.getByLabel('地点', { exact: true }).fill('海淀区人民法院第三法庭');
    await dialog.getByLabel('情况摘要', { exact: true }).fill('一审开庭，出庭辩护');
    await ok(page);
    await expect
      .poll(
        () => orErrors(page, async () => (await page.getByTestId('activity').allInnerTexts()).join(' | ')),
        POLL,
      )
      .toContain('已安排');

    expect((await sweepClocks(deps)).hearingReminders).toBe(1);
    await page.goto(`${suite.server.baseUrl}/`);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), POLL).toMatch(/通知，[1-9]\d* 条未读/);
    await bell.click();
    const notice = page.locator('.notification', { hasText: '开庭提醒' }).filter({ hasText: number });
    await expect.poll(() => notice.innerText(), POLL).toContain('开庭时间');
    await notice.click();
    await expect.poll(() => page.url(), POLL).toContain('/my-cases/');
    await expect.poll(() => page.getByText(number).first().isVisible(), POLL).toBe(true);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    await page.context().close();
  });

  it('a reviewer’s “closings to review” count opens the worklist with the case', async () => {
    const deps = suite.server.context.deps;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
    const lawyer = await buildLawyer(deps, '褚律师');
    const { id, number } = await acceptedNotice(
      suite.server.context.app,
      { director: director.username, lawyer: lawyer.username },
      { name: '沈某', phone: '13700005691' },
    );
    const session = await signedInApi(suite.server.context.app, lawyer.username);
    await uploadRequired(session, id);
    const submitted = await session.post(`/api/v1/cases/${id}/closing`, {
      result: 'opinion_partly_adopted',
      report: '辩护意见被部分采纳，法院从轻判处。',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);

    const page = await signedIn(suite.browser, suite.server.baseUrl, reviewer.username, '审查工作台');
    const count = page.getByTestId('queue-closingsToReview');
    await expect.poll(() => count.innerText(), POLL).toContain('待审查结案');
    const shown = Number((await count.locator('.ant-statistic-content-value').innerText()).trim());
    expect(shown).toBeGreaterThanOrEqual(1);
    await count.click();
    await expect.poll(() => page.url(), POLL).toContain('state=closing_submitted');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ hasText: number }).count(), POLL).toBe(1);
    expect(await rows.count()).toBe(shown);
    await page.context().close();
  });
});
