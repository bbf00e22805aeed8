import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../../packages/server/test/factories.ts';

/**
 * What the journeys do with a page: open one in Chinese, sign in, read the case's state, confirm a
 * dialog, open a case from a list, hand in the closing materials. The reads that a poll waits on
 * return the page's errors instead when it shows any, so that a failed step says why rather than
 * timing out bare.
 */

/** How long a poll waits: pages settle slowly on a loaded 2-core machine; these waits are not measurements. */
export const POLL = { timeout: 30_000, interval: 100 };

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Where the page goes first; it stays blank without one. */
  url?: string;
  /**
   * The system's reduced-motion preference, `reduce` by default: the app then opens dialogs
   * without their zoom, so a click is never aimed at a button that is still moving (under load
   * such a click landed on the neighbouring 取消 and the dialog closed unsent).
   */
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * One page in a browser context of its own (its own cookies), in Chinese, on a desktop screen,
 * asking for reduced motion, by default.
 */
export async function openPage(
  browser: Browser,
  { viewport = { width: 1440, height: 900 }, url, reducedMotion = 'reduce' }: PageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport, reducedMotion });
  const page = await context.newPage();
  if (url !== undefined) await page.goto(url);
  return page;
}

/** Fills in the login form and submits it; the labels are the Chinese ones unless given. */
export async function logIn(
  page: Page,
  username: string,
  password: string,
  labels = { user: '用户名', pass: '密码', button: '登录' },
): Promise<void> {
  await page.getByLabel(labels.user, { exact: true }).fill(username);
  await page.getByLabel(labels.pass, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.button }).click();
}

/**
 * A new page signed in as `username` (with the test password unless given), returned once the
 * menu shows `landmark`, an entry that only this user's roles see.
 */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  landmark: string,
  { password = PASSWORD, viewport }: { password?: string; viewport?: PageOptions['viewport'] } = {},
): Promise<Page> {
  const page = await openPage(browser, { viewport, url: baseUrl });
  await logIn(page, username, password);
  await page.getByRole('menuitem', { name: landmark }).waitFor();
  return page;
}

/**
 * Which error alerts count as errors: all of them, or only those in a dialog, on a page that shows
 * an error alert as content (the application file shows a refusal's decision in one).
 */
export type Alerts = 'anywhere' | 'in dialogs';

/** The error texts on the page: form validation, error alerts, error messages. */
export const errors = (page: Page, alerts: Alerts = 'anywhere') =>
  page
    .locator(
      alerts === 'anywhere'
        ? '.ant-form-item-explain-error, .ant-alert-error, .ant-message-error'
        : '.ant-form-item-explain-error, .ant-modal .ant-alert-error, .ant-message-error',
    )
    .allInnerTexts();

/** A value read from the page, or the errors it shows instead. */
export const orErrors = async (page: Page, read: () => Promise<string>, alerts: Alerts = 'anywhere') =>
  (await errors(page, alerts)).join(' | ') || (await read());

/** The state tag in the case header (the application file and the handler's case page alike). */
export const stateOf = (page: Page, alerts: Alerts = 'anywhere') =>
  orErrors(page, () => page.locator('.ant-card').first().locator('.ant-tag').first().innerText(), alerts);

/** Clicks 确定 in the open dialog (Ant Design spaces out a two-character label, hence `\s*`). */
export const ok = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();

/** Clicks 确定 in the open pop-up confirmation of a button. */
export const confirmPopover = (page: Page) =>
  page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();

/**
 * Opens a case from a list (我的案件, the worklist) by the link on its number in its row: the link
 * named by the number alone (a hearing in 我的案件's calendar, itself a table, links to the same case).
 */
export const openFromList = (page: Page, caseNumber: string) =>
  page
    .getByRole('row')
    .filter({ hasText: caseNumber })
    .getByRole('link', { name: caseNumber, exact: true })
    .click();

/** The row of one closing material (结案材料, by its rule code) on the handler's case page. */
export const closingMaterial = (page: Page, code: string) =>
  page.locator(`[data-testid="closing-material"][data-code="${code}"]`);

/** What each uploaded closing material holds: a PDF's header and end marker, which the server checks. */
const PDF = Buffer.from('%PDF-1.4\n% e2e closing material\n%%EOF\n');

/** Uploads a PDF for each closing material (code → file name) and waits for its row to show the file. */
export async function uploadClosingMaterials(page: Page, files: Record<string, string>): Promise<void> {
  for (const [code, name] of Object.entries(files)) {
    const row = closingMaterial(page, code);
    await row.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => orErrors(page, () => row.innerText()), POLL).toContain(name);
  }
}
