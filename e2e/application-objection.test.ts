import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { RECEIPT_PDF } from '../packages/server/src/modules/applications/application-test-kit.ts';
import type { Session } from '../packages/server/test/harness.ts';
import { launchBrowser } from './support/browser.ts';
import { confirmPopover, ok, orErrors, POLL, signedIn, stateOf } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { choose } from './support/select.ts';

/**
 * Two journeys in Debian's Chromium on the real app:
 * - a hotline consultation converted into an application, the intake form prefilled from it;
 * - a refusal, the applicant's objection recorded by window staff, and the justice bureau ordering
 *   it corrected, after which the application is granted with a new decision.
 */
// The application file shows a refusal's decision in an error alert, so here only the error alerts
// in a dialog count as errors: stateOf(page, 'in dialogs').
let server: RunningServer;
let browser: Browser;
let windowStaff: { username: string };
let reviewer: { username: string };
let supervisor: { username: string };
let staffApi: Session;
let personId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  windowStaff = await buildUser(deps, { organisationId: ORG.chaoyang, roles: ['window_staff'] });
  reviewer = await buildUser(deps, { organisationId: ORG.chaoyang, roles: ['reviewer'] });
  supervisor = await buildUser(deps, { organisationId: ORG.bureau, roles: ['supervisor'] });
  staffApi = await signedInApi(server.context.app, windowStaff.username);
  const person = await staffApi.post('/api/v1/persons', { name: '钱多多', phone: '13700004321' });
  expect(person.statusCode, person.body).toBe(201);
  personId = person.json().id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('consultation to application', () => {
  it('a hotline call about unpaid wages becomes an application with its topic and question', async () => {
    const call = await staffApi.post('/api/v1/consultations', {
      channel: 'hotline_12348',
      personId,
      topicMatter: 'labour_remuneration',
      question: '工地老板拖欠我三个月工资两万四千元，怎么办？',
      answer: '可以申请法律援助，代理劳动仲裁。',
      outcome: 'pending',
    });
    expect(call.statusCode, call.body).toBe(201);

    const page = await signedIn(browser, server.baseUrl, windowStaff.username, '申请受理');
    await page.goto(`${server.baseUrl}/consultations`);
    const row = page.getByRole('row').filter({ hasText: '拖欠我三个月工资' });
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.getByRole('button').first().click();
    await page.getByRole('button', { name: '转为法律援助申请' }).click();

    await page.getByRole('heading', { name: '申请受理' }).waitFor();
    // The topic and the question arrive with the person.
    await expect
      .poll(() => page.getByLabel('案情摘要', { exact: true }).inputValue(), POLL)
      .toContain('拖欠我三个月工资');
    await expect.poll(() => page.getByText('钱多多').count(), POLL).toBeGreaterThan(0);
    await choose(page, '案件类型', '民事');
    await page.getByLabel('申请援助的内容', { exact: true }).fill('代理劳动仲裁。');
    await page.getByLabel('家庭人口', { exact: true }).fill('2');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('3000');
    await page.getByRole('checkbox', { name: /申请人身份证件/ }).check();
    await page.getByRole('button', { name: '受理申请' }).click();
    await expect
      .poll(() => orErrors(page, async () => page.url(), 'in dialogs'), POLL)
      .toMatch(/\/applications\/[0-9a-f-]{36}$/);
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('已受理');

    const consultations = (await staffApi.get(`/api/v1/consultations?personId=${personId}`)).json();
    expect(consultations.items[0]).toMatchObject({
      outcome: 'converted',
      applicationId: page.url().split('/').at(-1),
    });
  });
});

describe('refusal, objection and correction', () => {
  let applicationUrl = '';

  it('the reviewer refuses with a reason; window staff record the applicant’s objection', async () => {
    const created = await staffApi.post('/api/v1/applications', {
      applicantId: personId,
      channel: 'window',
      matter: 'labour_remuneration',
      caseType: 'civil',
      facts: '公司拖欠工资。',
      requestedHelp: '代理劳动仲裁。',
      hardshipBasis: 'integrity_pledge',
      household: { members: 1, monthlyIncomeFen: 900_000 },
      materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
    });
    expect(created.statusCode, created.body).toBe(201);
    applicationUrl = `${server.baseUrl}/applications/${created.json().id}`;

    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(applicationUrl);
    await page.getByRole('button', { name: '开始审查' }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('审查中');
    await page.getByRole('button', { name: '作出决定' }).click();
    const decide = page.getByRole('dialog');
    // Income of 9 000 yuan for one person is over the line, so the form proposes a refusal.
    await decide.getByRole('radio', { name: '不予法律援助' }).check();
    await decide.getByRole('checkbox', { name: /不符合经济困难标准/ }).check();
    await decide.getByRole('button', { name: /提交决定/ }).click();
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('不予援助');

    const clerk = await signedIn(browser, server.baseUrl, windowStaff.username, '申请受理');
    await clerk.goto(applicationUrl);
    // Not delivered yet: the objection period has not begun (BJR art.24, from receipt).
    const header = clerk.locator('.ant-card').first();
    await expect
      .poll(() => orErrors(clerk, () => header.innerText(), 'in dialogs'), POLL)
      .toContain('未送达');
    // 记录送达: sent by post, received today, with the postal receipt scanned.
    await clerk.getByRole('button', { name: '记录送达' }).click();
    const delivery = clerk.getByRole('dialog');
    // Choose only once the dialog has finished opening (its zoom animation), then check the choice held.
    await expect
      .poll(() => delivery.evaluate((el) => el.getAnimations({ subtree: true }).length), POLL)
      .toBe(0);
    await delivery.getByText('邮寄送达', { exact: true }).click();
    await delivery.getByLabel('送达人', { exact: true }).fill('邮政EMS投递员李强');
    await delivery
      .locator('input[type=file]')
      .setInputFiles({ name: '邮寄签收单.pdf', mimeType: 'application/pdf', buffer: RECEIPT_PDF });
    await expect
      .poll(() => orErrors(clerk, () => delivery.innerText(), 'in dialogs'), POLL)
      .toContain('邮寄签收单.pdf');
    expect(await delivery.getByRole('radio', { name: '邮寄送达' }).isChecked()).toBe(true);
    await ok(clerk);
    await expect
      .poll(() => orErrors(clerk, () => header.innerText(), 'in dialogs'), POLL)
      .toContain('异议期限至');
    expect(await header.innerText()).not.toContain('未送达');
    await clerk.getByRole('tab', { name: '文书' }).click();
    await expect.poll(() => clerk.getByRole('tabpanel').innerText(), POLL).toContain('邮寄送达');

    await clerk.getByRole('button', { name: '登记异议' }).click();
    const objection = clerk.getByRole('dialog');
    await objection.getByLabel('异议理由', { exact: true }).fill('申请人上月已失业，现无收入。');
    await ok(clerk);
    await expect.poll(() => stateOf(clerk, 'in dialogs'), POLL).toBe('异议审查中');
  });

  it('the justice bureau orders the decision corrected: aid is granted with a new decision', async () => {
    const page = await signedIn(browser, server.baseUrl, supervisor.username, '审查工作台');
    await page.goto(applicationUrl);
    await page.getByRole('tab', { name: '异议' }).click();
    await page.getByRole('button', { name: '审查异议' }).first().click();
    const review = page.getByRole('dialog');
    await review.getByRole('radio', { name: '责令改正，给予法律援助' }).check();
    await review.getByLabel('审查意见', { exact: true }).fill('经核实申请人已失业，责令给予法律援助。');
    await ok(page);
    await expect.poll(() => stateOf(page, 'in dialogs'), POLL).toBe('给予援助');
    await page.getByRole('tab', { name: '文书' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.innerText(), POLL).toContain('给予法律援助决定书');
    expect(await panel.innerText()).toContain('不予法律援助决定书');
    // The bureau's own decision on the objection is a document of its own (LAL art.49).
    expect(await panel.innerText()).toContain('异议审查决定书');
  });
});
