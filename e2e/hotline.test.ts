import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { consultations } from '../packages/server/src/db/schema/index.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The consultation desk in the browser: a 12348 operator records a call on the quick-entry screen
 * with the keyboard alone, sees the knowledge base suggest an answer as the question is typed,
 * saves with Ctrl+Enter (the form clears for the next call) and finds the call in the list.
 */
const suite = browserSuite();

/** The id of the focused element (evaluated in the page; e2e code has no DOM types). */
const focusedId = (page: Page) =>
  page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');

describe('hotline desk', () => {
  it('records a call with the keyboard only, with a knowledge-base suggestion, and lists it', async () => {
    const operator = await buildUser(suite.server.context.deps, {
      organisationId: ORG.haidian,
      roles: ['window_staff'],
    });
    const page = await signedIn(suite.browser, suite.server.baseUrl, operator.username, '热线快速登记');
    await page.getByRole('menuitem', { name: '热线快速登记' }).click();

    // The phone field has focus on arrival; from here on only the keyboard is used.
    await expect.poll(() => focusedId(page), POLL).toBe('hotline_callerPhone');
    const keys = page.keyboard;
    await keys.type('139 1234 5678');
    await keys.press('Tab');
    expect(await focusedId(page)).toBe('hotline_callerName');
    await keys.type('王先生');
    await expect.poll(() => page.getByText('首次来电').count(), POLL).toBe(1);
    await keys.press('Tab');
    expect(await focusedId(page)).toBe('hotline_topicMatter');
    await keys.type('劳动报酬');
    await page.locator('.ant-select-item-option', { hasText: '支付劳动报酬' }).first().waitFor();
    await keys.press('Enter');
    // As a person would, wait for the chosen topic to show before moving on.
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' });
    await keys.press('Tab');
    expect(await focusedId(page)).toBe('hotline_question');
    await keys.type('老板拖欠我三个月工资，一直不给，怎么办？');

    // The knowledge base follows the question (debounced) and suggests the shipped article.
    const suggestions = page.getByTestId('kb-suggestion');
    await expect.poll(() => suggestions.allInnerTexts(), POLL).toContain('用人单位拖欠工资怎么办');
    const panel = page.getByRole('complementary', { name: '知识库推荐' });
    // Once the question's words are searched, the snippet marks them.
    await expect.poll(() => panel.locator('mark').allInnerTexts(), POLL).toContain('拖欠');

    await keys.press('Tab');
    expect(await focusedId(page)).toBe('hotline_answer');
    await keys.type('可以向劳动人事争议仲裁委员会申请仲裁，并可申请法律援助。');
    await keys.press('Tab');
    await keys.press('4');
    await expect.poll(() => page.getByRole('radio', { name: '4 待处理' }).isChecked(), POLL).toBe(true);
    await keys.press('1');
    await expect.poll(() => page.getByRole('radio', { name: '1 已解答' }).isChecked(), POLL).toBe(true);
    await page.screenshot({ path: '/tmp/fayuan-e2e-hotline.png' });

    // One keystroke saves; the form clears and the phone field is ready for the next call.
    expect(await page.getByRole('button', { name: '保存（Ctrl+Enter）' }).count()).toBe(1);
    await keys.press('Control+Enter');
    await page.getByText('咨询已保存，可以登记下一通电话').waitFor();
    await expect.poll(() => focusedId(page), POLL).toBe('hotline_callerPhone');
    expect(await page.locator('#hotline_question').inputValue()).toBe('');
    expect(await page.locator('#hotline_callerPhone').inputValue()).toBe('');

    const rows = await suite.server.context.deps.db
      .select()
      .from(consultations)
      .where(eq(consultations.staffUserId, operator.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'hotline_12348',
      callerName: '王先生',
      topicMatter: 'labour_remuneration',
      outcome: 'answered',
      ownerUserId: operator.id,
    });
    expect(rows[0]!.durationSeconds).toBeGreaterThan(0);

    // The call is in the list, found by a word of its question.
    await page.getByRole('menuitem', { name: '咨询登记' }).click();
    await page.getByLabel('查询咨询内容').fill('工资');
    await page.getByLabel('查询咨询内容').press('Enter');
    const row = page.getByRole('row').filter({ hasText: '老板拖欠我三个月工资' });
    await expect.poll(() => row.count(), POLL).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('王先生 · 139****5678');
    expect(text).toContain('已解答');
    expect(text).toContain('12348 热线');
    await page.screenshot({ path: '/tmp/fayuan-e2e-consultations.png' });
  });
});
