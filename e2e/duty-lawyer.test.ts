import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { dutyServices, dutySettings } from '../packages/server/src/db/schema/index.ts';
import { buildStation } from '../packages/server/src/modules/duty/duty-test-kit.ts';
import { buildUser, ORG, PASSWORD } from '../packages/server/test/factories.ts';
import { logIn, ok, openPage, orErrors, POLL, signedIn } from './support/pages.ts';
import { buildLawyer } from './support/people.ts';
import { seriousViolations, visibleCodes } from './support/scan.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 13, duty lawyers, in Debian's Chromium on the real app: the director builds a station's
 * roster for this week (the rules' proposal with reasons, then confirmed); the rostered lawyer, on
 * a phone 390 px wide, checks in at the station, records a presence at a plea signing (CPL art.174)
 * and turns a service into an aid application in one step (LAL art.39): the centre's file shows it
 * was forwarded (转交).
 */
const suite = browserSuite();

/** Today's ISO weekday in Beijing (1 = Monday … 7 = Sunday). */
function beijingWeekday(): number {
  const day = new Date(Date.now() + 8 * 3_600_000).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Nothing on the page is wider than the phone: no horizontal scroll. */
const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

describe('duty lawyers (值班律师)', () => {
  it('a roster is built for the week, the lawyer checks in on a phone, logs a plea signing and forwards an application', async () => {
    const deps = suite.server.context.deps;
    // The station is staffed all day today (its hours are data the centre sets on 值班工作站).
    const station = await buildStation(suite.server.context, ORG.haidian, {
      name: '海淀区人民检察院驻所值班律师工作站',
      kind: 'procuratorate_station',
      host: '北京市海淀区人民检察院',
      hours: [{ weekday: beijingWeekday(), shift: 'day', start: '00:00', end: '23:59' }],
    });
    await deps.db
      .insert(dutySettings)
      .values({ organisationId: ORG.haidian, maxDutiesPerWeek: 3, rotationWeeks: 4, lateAfterMinutes: 15 })
      .onConflictDoNothing();
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const lawyer = await buildLawyer(deps, '严律师');

    // The director: 值班排班 → 生成排班建议 (with its reasons) → 确认排班.
    const desk = await signedIn(suite.browser, suite.server.baseUrl, director.username, '值班排班');
    await desk.getByRole('menuitem', { name: '值班排班' }).click();
    await desk.getByLabel('工作站', { exact: true }).click();
    await desk
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: station.name,
      })
      .click();
    await expect.poll(() => desk.url(), POLL).toContain(station.id);
    await desk.getByRole('button', { name: '生成排班建议' }).click();
    const proposal = desk.locator('.ant-card', { hasText: '排班建议' });
    await expect.poll(() => orErrors(desk, () => proposal.innerText()), POLL).toContain('严律师');
    expect(await proposal.innerText()).toContain('近期值班最少');
    expect(await visibleCodes(desk)).toEqual([]);
    await desk.getByRole('button', { name: '确认排班' }).click();
    await expect
      .poll(() => orErrors(desk, async () => await desk.locator('.ant-card').first().innerText()), POLL)
      .toContain('已于');
    expect(await desk.locator('.ant-card').first().innerText()).toContain('严律师');

    // The lawyer, at the station, on a phone.
    const phone = await openPage(suite.browser, {
      viewport: { width: 390, height: 844 },
      url: suite.server.baseUrl,
    });
    await logIn(phone, lawyer.username, PASSWORD);
    await expect.poll(() => phone.url(), POLL).not.toContain('/login');
    await phone.goto(`${suite.server.baseUrl}/duty/my`);
    const checkIn = phone
      .getByRole('button', { name: '签 到' })
      .or(phone.getByRole('button', { name: '签到' }));
    await checkIn.first().waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    const box = await checkIn.first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
    await checkIn.first().click();
    await expect
      .poll(() => orErrors(phone, () => phone.locator('.duty-slot').first().innerText()), POLL)
      .toContain('已签到');

    // 记录服务: present at the plea signing, with the organ's case number, prosecutor, charge and opinion.
    await phone.getByRole('button', { name: '记录服务' }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('认罪认罚具结书签署在场').check();
    await dialog.getByLabel('服务对象姓名', { exact: true }).fill('韩某');
    await dialog.getByLabel('办案机关案号', { exact: true }).fill('京海检刑诉〔2026〕88号');
    await dialog.getByLabel('检察官', { exact: true }).fill('李检察官');
    const charges = dialog.getByLabel('罪名', { exact: true });
    await charges.fill('盗窃罪');
    await charges.press('Enter');
    await dialog.getByLabel('同意', { exact: true }).check();
    await dialog.getByLabel('意见说明', { exact: true }).fill('量刑建议适当。');
    await ok(phone);
    const service = phone.locator('.duty-service', { hasText: '韩某' });
    await expect
      .poll(() => orErrors(phone, () => service.innerText()), POLL)
      .toContain('认罪认罚具结书签署在场');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);

    // 转为援助申请 in one step.
    await service.getByRole('button', { name: '转为援助申请' }).click();
    await phone
      .getByRole('dialog')
      .getByLabel('案情及申请理由', { exact: true })
      .fill('韩某在值班律师处申请法律援助，家中无收入。');
    await phone.getByRole('dialog').getByLabel('请求事项', { exact: true }).fill('审查起诉阶段辩护');
    await ok(phone);
    await expect.poll(() => orErrors(phone, () => service.innerText()), POLL).toContain('已转交');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    expect(await visibleCodes(phone)).toEqual([]);
    expect(await seriousViolations(phone)).toEqual([]);

    // The centre's file shows the application forwarded (转交) by the station.
    const [row] = await deps.db.select().from(dutyServices).where(eq(dutyServices.stationOrgId, station.id));
    expect(row?.applicationId).toBeTruthy();
    await desk.goto(`${suite.server.baseUrl}/applications/${row!.applicationId}`);
    await expect.poll(() => orErrors(desk, () => desk.locator('main').innerText()), POLL).toContain('转交');
    expect(await desk.locator('main').innerText()).toContain('海淀区人民检察院驻所值班律师工作站');
    await phone.context().close();
    await desk.context().close();
  });
});
