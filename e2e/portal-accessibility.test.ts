import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@fayuan/domain';
import type { Page } from 'playwright-core';
import { POLL } from './support/pages.ts';
import { signInOnPortal } from './support/portal.ts';
import { seriousViolations, settled } from './support/scan.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Every portal page and the self-test, as a phone shows them (390 px and 320 px wide) and as a
 * desktop at 200 % zoom shows them (640 CSS px): no serious or critical WCAG 2.1 A/AA violation
 * (axe-core; GB/T 37668-2019 follows WCAG), no sideways scrolling, `lang="zh-CN"`, every link and
 * button reachable with the Tab key, and form errors announced.
 */
const suite = browserSuite();

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
  { width: 640, height: 400 }, // a 1280 × 800 screen at 200 % zoom
];

async function check(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto(`${suite.server.baseUrl}${path}`);
    await settled(page);
    const where = `${path} at ${viewport.width}px`;
    for (const v of await seriousViolations(page)) problems.push(`${where}: ${v}`);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (sideways > 1) problems.push(`${where}: scrolls sideways by ${sideways}px`);
    if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN')
      problems.push(`${where}: lang is not zh-CN`);
  }
  return problems;
}

/** Tabs through the page and reports the visible links and buttons focus never reached. */
async function unreachable(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 390, height: 844 });
  const targets = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], button:not([disabled])'));
    return all
      .filter((el) => el.offsetParent !== null && !el.closest('[aria-hidden="true"]'))
      .map((el, i) => {
        el.dataset.tabProbe = String(i);
        return String(i);
      });
  });
  const reached = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < targets.length * 3 + 20; i += 1) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.tabProbe ?? null,
    );
    if (probe !== null) reached.add(probe);
    if (reached.size === targets.length) break;
  }
  return page.evaluate(
    (missing) =>
      missing.map(
        (i) => document.querySelector<HTMLElement>(`[data-tab-probe="${i}"]`)?.innerText.trim() ?? i,
      ),
    targets.filter((t) => !reached.has(t)),
  );
}

describe('portal accessibility', () => {
  it('the public pages: home, sign-in, the self-test', async () => {
    const page = await suite.browser.newPage({ locale: 'zh-CN' });
    const problems = [
      ...(await check(page, '/portal')),
      ...(await check(page, '/portal/sign-in')),
      ...(await check(page, '/portal/about')),
      ...(await check(page, '/self-test')),
    ];
    expect(problems).toEqual([]);
    // 援务公开 reads the organisations and the rule data in force.
    await page.goto(`${suite.server.baseUrl}/portal/about`);
    await expect.poll(() => page.locator('main').innerText(), POLL).toMatch(/家庭人均月收入不高于 \d+ 元/);
    const about = await page.locator('main').innerText();
    expect(about).toContain('海淀区法律援助中心');
    expect(about).toMatch(/《法律援助法》第.+条/);
    // The keyboard reaches everything on the portal's home and sign-in pages.
    for (const path of ['/portal', '/portal/sign-in']) {
      await page.goto(`${suite.server.baseUrl}${path}`);
      await settled(page);
      expect(await unreachable(page), path).toEqual([]);
    }
    // 长辈模式: larger type at once, remembered on the next visit, still without violations.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${suite.server.baseUrl}/portal`);
    await page.getByRole('button', { name: '长辈模式' }).click();
    await page.reload();
    await settled(page);
    expect(await page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true');
    const size = await page
      .locator('.portal-shell')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '长辈模式' }).click();
    // Form errors are announced: an empty sign-in.
    await page.goto(`${suite.server.baseUrl}/portal/sign-in`);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts(), POLL)
      .toContain('请检查以下内容：手机号、短信验证码');
    await page.close();
  });

  it('the signed-in pages: apply, my applications, one application, booking, complaints, rating', async () => {
    const context = await suite.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signInOnPortal(page, suite.server, '13944445555');
    const csrf = await page.evaluate(
      async () => (await (await fetch('/api/public/v1/me')).json()).csrfToken as string,
    );
    const first17 = '11010819700101001';
    const { id } = await page.evaluate(
      async ({ csrf, idNumber }) =>
        (await (
          await fetch('/api/public/v1/applications', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            body: JSON.stringify({
              organisationCode: '110108',
              matter: 'labour_remuneration',
              description: '欠薪',
              applicant: { name: '郑华', idNumber },
              household: { members: 2, monthlyIncomeFen: 300000 },
              pledge: true,
            }),
          })
        ).json()) as { id: string },
      { csrf, idNumber: first17 + idNumberCheckCharacter(first17) },
    );
    const problems: string[] = [];
    for (const path of [
      '/portal/apply',
      '/portal/applications',
      `/portal/applications/${id}`,
      '/portal/appointments',
      '/portal/complaints',
      `/portal/applications/${id}/rate`,
    ])
      problems.push(...(await check(page, path)));
    expect(problems).toEqual([]);
    // Form errors are announced: an empty application.
    await page.goto(`${suite.server.baseUrl}/portal/apply`);
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts(), POLL)
      .toContainEqual(expect.stringContaining('请检查以下内容：向哪个法律援助中心申请'));
    await context.close();
  });
});
