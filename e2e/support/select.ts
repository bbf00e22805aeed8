import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { POLL } from './pages.ts';

/**
 * Picks an option of an Ant Design select by its label: types into the select's own search box
 * when it has one, clicks the option in the dropdown that is open (not a hidden one left from an
 * earlier select), and checks that the choice shows in the field, retrying once on a loaded
 * machine where a click can land while the list re-renders.
 */
export async function choose(page: Page, label: string, search: string, option = search): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const field = page.locator('.ant-form-item').filter({ has: input });
  const shown = () => field.locator('.ant-select').first().innerText();
  for (let attempt = 0; attempt < 2; attempt++) {
    await input.click();
    if (await input.isEditable()) await input.fill(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: option,
      })
      .first()
      .click();
    const took = await expect
      .poll(shown, { timeout: 5_000 })
      .toContain(option)
      .then(() => true)
      .catch(() => false);
    if (took) return;
  }
  await expect.poll(shown, POLL).toContain(option);
}
