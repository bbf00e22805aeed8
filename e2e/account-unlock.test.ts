import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../packages/server/src/db/schema/index.ts';
import { MAX_FAILED_LOGINS } from '../packages/server/src/modules/auth/login.ts';
import { buildUser, ORG, PASSWORD } from '../packages/server/test/factories.ts';
import { logIn, openPage, POLL } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

/**
 * A reviewer locks their account with wrong passwords; the login page says only 用户名或密码错误,
 * and the administrator sees 已锁定 on the users page and lifts it with 解锁.
 */
const suite = browserSuite();

const login = (username: string, password: string) =>
  suite.server.context.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });

describe('account unlock', () => {
  it('an administrator unlocks a locked account from the users page', async () => {
    const user = await buildUser(suite.server.context.deps, {
      username: 'locked_reviewer',
      organisationId: ORG.haidian,
      roles: ['reviewer'],
    });
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await login(user.username, 'Wrong-password-1');
    expect((await login(user.username, PASSWORD)).statusCode).toBe(401);

    const page = await openPage(suite.browser, { url: suite.server.baseUrl });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await logIn(page, suite.server.admin.username, suite.server.admin.password);
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    const row = page.getByRole('row', { name: /locked_reviewer/ });
    await expect.poll(() => row.innerText(), POLL).toContain('已锁定');

    await row.getByRole('button', { name: '解锁' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.locator('.ant-message-success').innerText(), POLL).toContain('账号已解锁');
    await expect.poll(() => row.innerText(), POLL).not.toContain('已锁定');
    expect(await row.getByRole('button', { name: '解锁' }).count()).toBe(0);

    const audit = await suite.server.context.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.unlock'), eq(auditEvents.entityId, user.id)));
    expect(audit).toHaveLength(1);
    expect((await login(user.username, PASSWORD)).statusCode).toBe(200);
  });
});
