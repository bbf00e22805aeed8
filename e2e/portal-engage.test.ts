import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { applications } from '../packages/server/src/db/schema/index.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { signInOnPortal } from './support/portal.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Booking and rating at phone width (issue 14): a citizen books a video consultation and the
 * centre sees it among the day's bookings and records the consultation from it; a citizen rates
 * a closed case.
 */
const suite = browserSuite();

describe('booking and rating on the portal', () => {
  it('books a video consultation that the centre sees and records', async () => {
    const { server, browser } = suite;
    const clerk = await buildUser(server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['window_staff'],
    });
    const staffApi = await signedInApi(server.context.app, clerk.username);
    await staffApi.request({
      method: 'PUT',
      url: '/api/v1/centre-video-link',
      payload: { videoLinkTemplate: 'https://meet.haidian.example/room/{code}' },
    });
    const start = new Date(Date.now() + 3 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const slot = await staffApi.post('/api/v1/appointment-slots', {
      kind: 'video',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      capacity: 2,
    });
    expect(slot.statusCode, slot.body).toBe(201);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInOnPortal(page, server, '13922223333');
    await page.getByRole('link', { name: '预约咨询' }).first().click();
    await page.getByLabel('法律援助中心', { exact: true }).click();
    await page.keyboard.type('海淀');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '海淀区法律援助中心',
      })
      .click();
    await page.getByText('视频咨询', { exact: true }).click();
    await page
      .getByRole('button', { name: /^预约 / })
      .first()
      .click();
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('进入视频咨询');
    const link = await page.getByRole('link', { name: '进入视频咨询' }).getAttribute('href');
    expect(link).toMatch(/^https:\/\/meet\.haidian\.example\/room\/[0-9A-F]{8}$/);
    await context.close();

    // The centre: today's bookings, then the consultation recorded from the booking.
    const staff = await signedIn(browser, server.baseUrl, clerk.username, '网上预约');
    await staff.goto(`${server.baseUrl}/bookings`);
    const row = staff.locator('tr').filter({ hasText: '视频咨询' }).filter({ hasText: '139****3333' });
    await row.waitFor();
    await row.getByRole('button', { name: '记录咨询' }).click();
    await staff.getByLabel('咨询的问题').fill('工资被拖欠三个月怎么办？');
    await staff.getByLabel('解答').fill('可以先申请劳动仲裁，我们可以为您申请法律援助。');
    await staff.getByRole('button', { name: '保存为咨询记录' }).click();
    await expect.poll(() => row.innerText(), POLL).toContain('已记录咨询');
    await staff.close();
  });

  it('rates a closed case', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInOnPortal(page, server, '13933334444');
    const csrf = await page.evaluate(
      async () => (await (await fetch('/api/public/v1/me')).json()).csrfToken as string,
    );
    const first17 = '11010819750808001';
    const created = await page.evaluate(
      async ({ csrf, idNumber }) => {
        const answer = await fetch('/api/public/v1/applications', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({
            organisationCode: '110108',
            matter: 'labour_remuneration',
            description: '欠薪两万元',
            applicant: { name: '吴敏', idNumber },
            household: { members: 2, monthlyIncomeFen: 300000 },
            pledge: true,
          }),
        });
        return (await answer.json()) as { id: string };
      },
      { csrf, idNumber: first17 + idNumberCheckCharacter(first17) },
    );
    // The case runs its course to closing (tested in the casework journeys); here it is closed.
    await server.context
      .superuser()
      .db.update(applications)
      .set({ state: 'closed' })
      .where(eq(applications.id, created.id));

    await page.goto(`${server.baseUrl}/portal/applications/${created.id}`);
    await page.getByRole('link', { name: '评价服务' }).click();
    await page.getByText('★★★★', { exact: true }).click();
    expect(await page.getByRole('radio', { name: '4 星' }).isChecked()).toBe(true);
    await page.getByLabel('想说的话（选填）').fill('律师很耐心，谢谢');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByRole('status').innerText(), POLL).toContain('您已评价：4 星');
    const reviewer = await buildUser(server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['reviewer'],
    });
    const api = await signedInApi(server.context.app, reviewer.username);
    expect((await api.get(`/api/v1/applications/${created.id}/rating`)).json().rating).toMatchObject({
      score: 4,
    });
    await context.close();
  });
});
