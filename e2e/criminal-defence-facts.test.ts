import { describe, expect, it } from 'vitest';
import { openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 11 §3 in the browser: the self-test asks the "other reasons" of criminal defence (LAL
 * art.24) from the rule rows of the list `fact`, only for that matter, and a defendant above the
 * income line whose co-defendant has counsel learns that no hardship test applies.
 */
const suite = browserSuite();

describe('criminal defence for other reasons in the self-test', () => {
  it('asks the facts of the matter chosen, from the rule rows, and answers eligible without a hardship test', async () => {
    const page = await openPage(suite.browser, { url: `${suite.server.baseUrl}/self-test` });
    await page.getByRole('heading', { name: '法律援助自助测评' }).waitFor();
    const coDefendant = page.getByText('这是共同犯罪案件，且其他犯罪嫌疑人、被告人已委托辩护人吗？');
    // A civil matter: the criminal questions are not asked; a national fact is.
    await page.getByLabel('您要解决的是什么事情？', { exact: true }).click();
    await page.keyboard.type('赡养费');
    await page.locator('.ant-select-item-option', { hasText: '赡养费' }).first().click();
    await page.getByText('您是否遭受虐待、遗弃或者家庭暴力？').waitFor();
    expect(await coDefendant.count()).toBe(0);

    await page.getByLabel('您要解决的是什么事情？', { exact: true }).click();
    await page.keyboard.type('辩护');
    await page.locator('.ant-select-item-option', { hasText: '辩护' }).first().click();
    await coDefendant.waitFor();
    const question = page.locator('.ant-form-item').filter({ has: coDefendant });
    await question.getByText('是', { exact: true }).click();
    await page.getByLabel('家庭人口', { exact: true }).fill('1');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('9000');
    await page.getByRole('button', { name: '开始测评' }).click();
    const result = page.locator('.selftest-result');
    await expect.poll(() => result.innerText().catch(() => ''), POLL).toContain('可以申请法律援助');
    const text = await result.innerText();
    expect(text).toContain('《法律援助法》第二十四条');
    expect(text).toContain('不受经济困难条件限制');
  });
});
