import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { confirmPopover, POLL, signedIn, stateOf } from './support/pages.ts';
import { buildLawyer, signedInApi } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * Issue 12, the staff forms' frictions: the assign dialog says why in words (the score behind
 * 详情); the batch page names the applicants and lets the director swap one pairing; the case
 * names its handler in the header, 流程记录 and the worklist; a hotline call converted carries the
 * caller's name, phone and channel 电话 with both numbers shown.
 */
const suite = browserSuite();

let director: { username: string };
let windowStaff: { username: string };

beforeAll(async () => {
  const deps = suite.server.context.deps;
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  windowStaff = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
  await buildLawyer(deps, '陈律师', { years: 6 });
  await buildLawyer(deps, '林律师', { years: 9 });
});

/** A notified criminal case in 海淀 (an ordinary first-instance trial), waiting for a handler. */
async function waitingCase(defendant: string, phone: string) {
  const api = await signedInApi(suite.server.context.app, director.username);
  const person = await api.post('/api/v1/persons', { name: defendant, phone });
  expect(person.statusCode, person.body).toBe(201);
  const notice = await api.post('/api/v1/criminal-notices', {
    institutionKind: 'court',
    institutionName: '北京市海淀区人民法院',
    stage: 'trial_first_instance',
    ground: 'ordinary_procedure_court',
    charges: ['盗窃罪'],
    defendantId: person.json().id,
    detained: false,
  });
  expect(notice.statusCode, notice.body).toBe(201);
  return notice.json() as { id: string; number: string };
}

const detailOf = async (id: string) =>
  (
    await (await signedInApi(suite.server.context.app, director.username)).get(`/api/v1/applications/${id}`)
  ).json();

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
};

describe('assignment in words, and the handler named everywhere', () => {
  it('the assign dialog says why in words, shows the score only on 详情, and the case then names its handler', async () => {
    const c = await waitingCase('甲某', '13700002001');

    const page = await signedIn(suite.browser, suite.server.baseUrl, director.username, '批量指派');
    await page.goto(`${suite.server.baseUrl}/applications/${c.id}`);
    await expect.poll(() => stateOf(page), POLL).toBe('待指派');
    await page.getByRole('button', { name: /^指\s*派$/ }).click();
    const dialog = page.getByRole('dialog');
    const best = dialog.locator('[data-testid="candidate"]').first();
    await expect.poll(() => best.getByTestId('highlights').innerText(), POLL).toContain('负担最轻');
    expect(await best.getByTestId('highlights').innerText()).toContain('同区');
    // The figures stay behind 详情.
    expect(await dialog.innerText()).not.toMatch(/评分 \d/);
    await best.getByRole('button', { name: '详情' }).click();
    await expect.poll(() => best.getByTestId('details').innerText(), POLL).toMatch(/评分 \d/);

    const name = (await best.getAttribute('data-handler')) ?? '';
    expect(['陈律师', '林律师']).toContain(name);
    await dialog.getByRole('button', { name: '指派推荐人选' }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已指派');
    await expect.poll(() => page.getByTestId('case-handler').innerText(), POLL).toBe(`承办人：${name}`);
    await page.getByRole('tab', { name: '流程记录' }).click();
    await expect
      .poll(() => page.getByTestId('event-handler').allInnerTexts(), POLL)
      .toContain(`承办人：${name}`);

    await page.goto(`${suite.server.baseUrl}/applications?state=assigned`);
    const row = page.getByRole('row').filter({ hasText: c.number });
    await expect.poll(() => row.count(), POLL).toBe(1);
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers).toContain('承办人');
    expect(await row.innerText()).toContain(name);
  });

  it('the batch page names each applicant and why; a swapped pairing is confirmed and the case gets that lawyer', async () => {
    const a = await waitingCase('乙某', '13700002002');
    const b = await waitingCase('丙某', '13700002003');
    const page = await signedIn(suite.browser, suite.server.baseUrl, director.username, '批量指派');
    await page.getByRole('menuitem', { name: '批量指派' }).click();
    await page.getByRole('button', { name: '生成指派方案' }).click();
    const plan = page.getByRole('table', { name: '指派方案' });
    const rowA = plan.getByRole('row').filter({ hasText: a.number });
    await expect.poll(() => rowA.count(), POLL).toBe(1);
    expect(await rowA.innerText()).toContain('乙某');
    expect(await plan.getByRole('row').filter({ hasText: b.number }).innerText()).toContain('丙某');
    expect(await rowA.getByTestId('highlights').innerText()).not.toBe('');
    // The solver's figures only on 详情.
    expect(await plan.getByRole('columnheader').allInnerTexts()).not.toContain('成本');
    expect(await page.getByText('总成本').count()).toBe(0);
    await page.getByRole('button', { name: '详情' }).click();
    await expect.poll(() => page.getByText('总成本').count(), POLL).toBe(1);
    expect(await plan.getByRole('columnheader').allInnerTexts()).toContain('成本');

    const planned = await rowA.getByTestId('planned-handler').innerText();
    const other = planned.includes('陈律师') ? '林律师' : '陈律师';
    await rowA.getByRole('button', { name: '改派' }).click();
    const dialog = page.getByRole('dialog');
    const card = dialog.locator(`[data-testid="candidate"][data-handler="${other}"]`);
    await card.getByRole('button', { name: '选择此人' }).click();
    await expect.poll(() => card.getAttribute('data-selected'), POLL).toBe('true');
    await dialog.getByRole('button', { name: /^改\s*派$/ }).click();
    await expect.poll(() => rowA.getByTestId('planned-handler').innerText(), POLL).toContain(other);
    expect(await rowA.innerText()).toContain('已改派');

    await page.getByRole('button', { name: '确认指派' }).click();
    await confirmPopover(page);
    await expect
      .poll(() => page.locator('.ant-message-success').allInnerTexts(), POLL)
      .toContain('已指派 2 件案件');
    expect((await detailOf(a.id)).handler.name).toBe(other);
  });

  it('a hotline call converted carries the caller’s name, phone and channel 电话, and both numbers show', async () => {
    const staffApi = await signedInApi(suite.server.context.app, windowStaff.username);
    const recorded = await staffApi.post('/api/v1/consultations', {
      channel: 'hotline_12348',
      callerName: '赵来电',
      callerPhone: '13912340000',
      topicMatter: 'labour_remuneration',
      question: '公司拖欠三个月工资，怎么办？',
      outcome: 'pending',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const consultation = recorded.json() as { id: string; number: string };

    const page = await signedIn(suite.browser, suite.server.baseUrl, windowStaff.username, '咨询登记');
    const drawerUrl = `${suite.server.baseUrl}/consultations?consultation=${consultation.id}`;
    await page.goto(drawerUrl);
    await expect
      .poll(() => page.getByTestId('consultation-number').innerText(), POLL)
      .toBe(consultation.number);
    await page.getByRole('button', { name: '转为法律援助申请' }).click();
    await page.waitForURL(/\/applications\/new\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('channel')).toBe('phone');
    const personId = url.searchParams.get('applicantId') ?? '';
    await expect
      .poll(() => page.locator('.ant-alert-info').first().innerText(), POLL)
      .toContain(consultation.number);
    const channel = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('#applicationIntake_channel') });
    await expect.poll(() => channel.innerText(), POLL).toContain('电话');
    const person = (await staffApi.get(`/api/v1/persons/${personId}`)).json();
    expect(person.name).toBe('赵来电');
    expect(JSON.stringify(person)).toMatch(/0000/);

    // The application taken in from the call (the intake form itself is tested elsewhere).
    const created = await staffApi.post('/api/v1/applications', {
      applicantId: personId,
      channel: 'phone',
      consultationId: consultation.id,
      matter: 'labour_remuneration',
      caseType: 'civil',
      opposingParty: '北京某建筑公司',
      facts: '公司拖欠三个月工资。',
      requestedHelp: '代理劳动仲裁，追讨欠薪。',
      hardshipBasis: 'integrity_pledge',
      household: { members: 3, monthlyIncomeFen: 600_000 },
      materialsProvided: ['identity_document', 'integrity_pledge'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json() as { id: string; number: string };
    await page.goto(`${suite.server.baseUrl}/applications/${application.id}`);
    await expect
      .poll(() => page.getByTestId('consultation-number').innerText(), POLL)
      .toBe(consultation.number);
    await page.goto(drawerUrl);
    await expect
      .poll(() => page.getByTestId('application-number').innerText(), POLL)
      .toBe(`转为申请 ${application.number}`);
    expect(await page.locator('.ant-drawer').innerText()).not.toContain(application.id);
  });
});

describe('staff-form frictions', () => {
  it('Enter in a dialog’s date field picks the date and does not submit the dialog', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, windowStaff.username, '当事人管理');
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/persons')) posts += 1;
    });
    await page.getByRole('menuitem', { name: '当事人管理' }).click();
    await page.getByRole('button', { name: '登记当事人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当事人姓名', { exact: true }).fill('钱日期');
    const birth = dialog.getByLabel('出生日期', { exact: true });
    await birth.click();
    await page.keyboard.type('1980-05-06');
    await page.keyboard.press('Enter');
    await expect.poll(() => birth.inputValue(), POLL).toBe('1980-05-06');
    // The date picked, the panel closed, the dialog still open and nothing sent.
    await page
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('当事人姓名', { exact: true }).inputValue()).toBe('钱日期');
    expect(posts).toBe(0);
  });

  it('the lawyer list shows 在办 / 上限 at 1440 px without scrolling', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, director.username, '法律援助人员');
    await page.getByRole('menuitem', { name: '法律援助人员' }).click();
    const header = page.getByRole('columnheader', { name: '在办 / 上限' });
    await header.waitFor();
    const cell = await header.boundingBox();
    const table = await box(page, '.ant-table-container');
    if (!cell) throw new Error('no 在办 / 上限 column');
    expect(cell.x).toBeGreaterThanOrEqual(table.x);
    expect(cell.x + cell.width).toBeLessThanOrEqual(table.x + table.width);
    expect(cell.x + cell.width).toBeLessThanOrEqual(1440);
  });

  it('a success toast does not cover the drawer’s title', async () => {
    const staffApi = await signedInApi(suite.server.context.app, windowStaff.username);
    const recorded = await staffApi.post('/api/v1/consultations', {
      channel: 'hotline_12348',
      topicMatter: 'labour_remuneration',
      question: '工伤怎么认定？',
      outcome: 'pending',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const page = await signedIn(suite.browser, suite.server.baseUrl, windowStaff.username, '咨询登记');
    await page.goto(`${suite.server.baseUrl}/consultations?consultation=${recorded.json().id}`);
    await page.getByRole('button', { name: '保存处理结果' }).click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: '处理结果已保存' });
    await toast.waitFor();
    const t = await toast.boundingBox();
    const title = await box(page, '.ant-drawer-title');
    if (!t) throw new Error('no toast');
    const apart =
      t.y >= title.y + title.height ||
      t.y + t.height <= title.y ||
      t.x >= title.x + title.width ||
      t.x + t.width <= title.x;
    expect(apart, `toast ${JSON.stringify(t)} over title ${JSON.stringify(title)}`).toBe(true);
  });
});
