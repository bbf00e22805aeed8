import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseActivities, hearingObservations } from '../packages/server/src/db/schema/index.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A hearing observation (庭审旁听, issue 15): the director sends an observer to a case's scheduled
 * hearing, scores it on the score sheet once it has begun and writes the findings; the handler
 * replies on 我的案件; the director closes it.
 */
const suite = browserSuite();

describe('a hearing observed, scored and answered', () => {
  it('schedules, scores, takes the handler’s reply and closes', async () => {
    const { server, browser } = suite;
    const { app, deps } = server.context;
    const director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
    const lawyer = await buildLawyer(deps, '沈律师');
    const { id, number } = await acceptedNotice(
      app,
      { director: director.username, lawyer: lawyer.username },
      { name: '杨某', phone: '13700006789' },
    );
    // The hearing is two days ahead, so it can be scheduled for observation.
    const hearingAt = Date.now() + 2 * 86_400_000;
    const hearing = await (
      await signedInApi(app, lawyer.username)
    ).post(`/api/v1/cases/${id}/activities`, {
      kind: 'hearing',
      occurredAt: new Date(hearingAt).toISOString(),
      place: '北京市海淀区人民法院第二法庭',
      summary: '开庭审理，出庭辩护。',
      scheduled: true,
    });
    expect(hearing.statusCode, hearing.body).toBe(201);

    const page = await signedIn(browser, server.baseUrl, director.username, '庭审旁听');
    await page.goto(`${server.baseUrl}/quality/hearings`);
    const row = page.locator('tr').filter({ hasText: number });
    await row.getByRole('button', { name: '安排旁听' }).click();
    await choose(page, '旁听人员', '测试用户');
    await page.locator('.ant-modal').getByRole('button', { name: '安排旁听' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '开庭时间' });
    await expect.poll(() => drawer.innerText(), POLL).toContain('待旁听');

    // The day of the hearing comes (this server runs on the real clock): the hearing and its
    // observation move to an hour ago, so the observer may score it.
    const held = new Date(Date.now() - 3_600_000);
    const activityId = hearing.json<{ id: string }>().id;
    await deps.db.update(caseActivities).set({ occurredAt: held }).where(eq(caseActivities.id, activityId));
    await deps.db
      .update(hearingObservations)
      .set({ scheduledAt: held })
      .where(eq(hearingObservations.activityId, activityId));
    for (const [item, score] of [
      ['庭前准备', '5'],
      ['出庭仪表与纪律', '5'],
      ['举证质证', '3'],
      ['发问', '5'],
      ['辩论（辩护/代理）意见', '5'],
      ['法律适用', '5'],
      ['当事人权益维护', '5'],
    ] as const)
      await drawer.locator('.ant-form-item').filter({ hasText: item }).getByRole('spinbutton').fill(score);
    await drawer.getByLabel('旁听意见').fill('质证意见准备不足，对关键证据的质证未能展开。');
    await drawer.getByRole('button', { name: '提交评分和意见' }).click();
    await expect.poll(() => drawer.innerText(), POLL).toContain('待承办人员答复');
    // Evidence (weight 20) at 3 of 5, the rest full: 92.
    expect(await drawer.innerText()).toContain('92');

    const handlerPage = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await handlerPage.goto(`${server.baseUrl}/my-cases`);
    const card = handlerPage.locator('.ant-card').filter({ hasText: '庭审旁听意见' }).first();
    await expect.poll(() => card.innerText(), POLL).toContain('质证意见准备不足');
    await card.getByLabel('答复', { exact: true }).fill('已补充质证提纲，下次庭审前提交中心审阅。');
    await card.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(() => card.innerText(), POLL).toContain('已补充质证提纲');
    await handlerPage.close();

    await page.reload();
    await page.getByRole('tab', { name: '旁听记录' }).click();
    const record = page.getByRole('tabpanel', { name: '旁听记录' }).locator('tr').filter({ hasText: number });
    await expect.poll(() => record.innerText(), POLL).toContain('已答复');
    await record.getByRole('button', { name: /查\s*看/ }).click();
    const opened = page.getByRole('dialog').filter({ hasText: '已补充质证提纲' });
    await opened.getByRole('button', { name: /办\s*结/ }).click();
    await expect.poll(() => record.innerText(), POLL).toContain('已办结');
    await page.close();
  }, 180_000);
});
