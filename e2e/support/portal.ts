import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { simulatorJournal } from '../../packages/server/src/platform/outbox/adapters.ts';
import type { RunningServer } from './server.ts';

/**
 * The newest sign-in code texted to the phone, read from the simulator's journal
 * (`<dataDir>/simulator/sms.jsonl`, pinned), waiting for the dispatcher to send it.
 */
export async function readOtp(server: RunningServer, phone: string, after = 0): Promise<string> {
  const journal = simulatorJournal(server.context.deps.config.dataDir, 'sms');
  for (let waited = 0; waited < 15_000; waited += 200) {
    const text = await readFile(journal, 'utf8').catch(() => '');
    const code = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { to: string; body: string; sentAt: string })
      .filter((m) => m.to === phone && Date.parse(m.sentAt) >= after)
      .map((m) => /(\d{6})/.exec(m.body)?.[1])
      .filter((c): c is string => Boolean(c))
      .at(-1);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no sign-in code was texted to ${phone}`);
}

/** Signs a citizen in on the portal's page, as a person would: phone, 获取验证码, the code, 登录. */
export async function signInOnPortal(page: Page, server: RunningServer, phone: string): Promise<void> {
  await page.goto(`${server.baseUrl}/portal/sign-in`);
  await page.getByLabel('手机号').fill(phone);
  const asked = Date.now() - 1000;
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await readOtp(server, phone, asked);
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}
