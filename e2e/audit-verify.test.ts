import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { logIn, openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * The audit page's integrity check (ADR 0008): intact and checkpointed, then, after someone with
 * superuser rights cut the newest audit rows, the page says the end of the log was deleted.
 */
const suite = browserSuite();

describe('audit integrity check', () => {
  it('shows an intact chain with its checkpoint, then a cut tail', async () => {
    const page = await openPage(suite.browser, { url: suite.server.baseUrl });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await logIn(page, suite.server.admin.username, suite.server.admin.password);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('button', { name: '校验完整性' }).click();
    const verdict = page.getByRole('status');
    await expect.poll(() => verdict.innerText(), POLL).toContain('校验通过');
    expect(await verdict.innerText()).toContain('尚无签名检查点');

    // Two more logins write two more audit rows; the next check signs a checkpoint after them.
    for (let i = 0; i < 2; i += 1)
      await suite.server.context.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: suite.server.admin.username, password: 'Wrong-password-1' },
      });
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect.poll(() => verdict.innerText(), POLL).toContain('签名检查点一致');

    await suite.server.context.superuser().db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await tx.execute(sql`DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 2 FROM audit_events)`);
      await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect.poll(() => verdict.innerText(), POLL).toContain('审计日志末尾被删除');
    await page.screenshot({ path: '/tmp/fayuan-e2e-audit-truncated.png' });
  });
});
