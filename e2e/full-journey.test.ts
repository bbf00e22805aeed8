import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import {
  closingMaterial,
  confirmPopover,
  ok,
  openFromList,
  orErrors,
  POLL,
  signedIn,
  stateOf,
  uploadClosingMaterials,
} from './support/pages.ts';
import { buildLawyer, signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Issue 5's journey end to end in Debian's Chromium on the real app, for a civil wage claim
 * (劳动报酬) in 海淀: window staff take in the application (every material handed in), the reviewer
 * starts the review and grants aid (LAL art.43), the director assigns the recommended lawyer in one
 * click (LAL art.36), the lawyer accepts in 我的案件, sees the brief with the other side and the
 * 5-day agreement period (MOJ procedure rules 2023 art.27), records the signed agreement and the
 * hearing, uploads the closing materials a civil case must hand in (rule list closing_material) and
 * submits the closing (LAL art.50); the reviewer accepts it (BJR art.32), records the quality
 * evaluation (LAL art.57, art.59), finance records the subsidy paid to the firm (LAL art.52), and
 * the director archives the case, whose file then passes its integrity check.
 *
 * Only the people are set up through the API and the tables: the users, the lawyer with a firm
 * (e2e/support/people.ts) and the applicant on file (as e2e/application-review.test.ts).
 * Every step from the intake on is done in the browser by the role whose step it is.
 */
const APPLICANT = '孙大伟';
const PHONE = '13700002468';
const OPPOSING = '北京某建筑工程有限公司';
const TRIBUNAL = '北京市海淀区劳动人事争议仲裁委员会';
const LAWYER = '冯律师';
const FIRM = '北京海淀正义律师事务所';
const AGREEMENT = '与受援人签订委托代理协议，告知权利义务';
const HEARING = '出席仲裁庭审，举证质证并发表代理意见';
const REPORT = '仲裁委裁决公司支付拖欠工资三万元，已执行完毕。';
const FINDINGS = '案卷材料齐全，代理意见充分，受援人对服务表示满意。';
const REFERENCE = '京财支〔2026〕1024号';
/** The closing materials a civil case must hand in (the shipped closing_material rows), with a file each. */
const FILES: Record<string, string> = {
  legal_document: '仲裁裁决书.pdf',
  aid_agreement: '委托代理协议.pdf',
};

let server: RunningServer;
let browser: Browser;
let windowStaff: { username: string };
let reviewer: { username: string };
let director: { username: string; displayName: string };
let finance: { username: string };
let lawyer: { username: string };
let caseUrl = '';
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  windowStaff = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
  reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  finance = await buildUser(deps, { organisationId: ORG.haidian, roles: ['finance'] });
  // The only lawyer in 海淀's pool, of a firm, with no criminal practice.
  lawyer = await buildLawyer(deps, LAWYER, { criminal: false, firm: FIRM });
  // The applicant is already on file (registering people has its own journey).
  const api = await signedInApi(server.context.app, windowStaff.username);
  const person = await api.post('/api/v1/persons', { name: APPLICANT, phone: PHONE });
  expect(person.statusCode, person.body).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issue 5: from a granted wage claim to the archive, each step in the browser', () => {
  it('window staff take in the wage claim with every material handed in', async () => {
    const page = await signedIn(browser, server.baseUrl, windowStaff.username, '申请受理');
    await page.getByRole('menuitem', { name: '申请受理' }).click();
    await page.getByRole('heading', { name: '申请受理' }).waitFor();

    await choose(page, '申请人', APPLICANT);
    await choose(page, '援助事项', '劳动报酬');
    await choose(page, '案件类型', '民事');
    await page.getByLabel('对方当事人', { exact: true }).fill(OPPOSING);
    await page.getByLabel('办案机关 / 法院', { exact: true }).fill(TRIBUNAL);
    await page.getByLabel('案情摘要', { exact: true }).fill('申请人在工地工作六个月，公司拖欠工资三万元。');
    await page.getByLabel('申请援助的内容', { exact: true }).fill('代理劳动仲裁，追讨欠薪。');
    await page.getByLabel('家庭人口', { exact: true }).fill('3');
    await page.getByLabel('家庭月收入合计', { exact: true }).fill('6000');
    await page.getByRole('checkbox', { name: /申请人身份证件/ }).check();
    await page.getByRole('checkbox', { name: /经济困难状况个人诚信承诺书/ }).check();
    await page.getByRole('checkbox', { name: /与所申请法律援助事项有关的材料/ }).check();
    await page.getByRole('button', { name: '受理申请' }).click();
    await expect
      .poll(() => orErrors(page, async () => page.url()), POLL)
      .toMatch(/\/applications\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await expect.poll(() => stateOf(page), POLL).toBe('已受理');
    caseNumber = (await page.getByRole('heading', { level: 4 }).first().innerText()).trim();
    expect(caseNumber).not.toBe('');
    // Every material on the list is in: the review can start without a supplement notice.
    await page.getByRole('tab', { name: /材料/ }).first().click();
    await expect.poll(() => page.getByRole('tabpanel').innerText(), POLL).toContain('材料齐全');
  });

  it('the reviewer finds it in 审查工作台, starts the review and grants aid', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.getByRole('menuitem', { name: '审查工作台' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain(APPLICANT);
    await row.getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(caseUrl, POLL);
    await expect.poll(() => stateOf(page), POLL).toBe('已受理');

    await page.getByRole('button', { name: '开始审查' }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page), POLL).toBe('审查中');

    await page.getByRole('button', { name: '作出决定' }).click();
    const decide = page.getByRole('dialog');
    // 6 000 yuan a month for three people is under the line: the form proposes a grant.
    expect(await decide.getByRole('radio', { name: '给予法律援助' }).isChecked()).toBe(true);
    await decide.getByRole('button', { name: /提交决定/ }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('给予援助');
  });

  it('the director assigns the recommended lawyer in one click', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '批量指派');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('给予援助');
    await page.getByRole('button', { name: /^指\s*派$/ }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => orErrors(page, () => dialog.getByTestId('best').innerText()), POLL)
      .toContain(LAWYER);
    await dialog.getByRole('button', { name: '指派推荐人选' }).click();
    await expect.poll(() => stateOf(page), POLL).toBe('已指派');
  });

  it('the lawyer accepts in 我的案件 and finds the brief: the other side and the agreement period', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain(APPLICANT);
    await row.getByRole('button', { name: /^接\s*受$/ }).click();
    await confirmPopover(page);
    await expect.poll(() => orErrors(page, () => row.innerText()), POLL).toContain('承办中');
    expect(await row.innerText()).toContain('已接受');

    await row.getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/, POLL);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    const brief = page.getByTestId('case-brief');
    await expect.poll(() => orErrors(page, () => brief.innerText()), POLL).toContain(OPPOSING);
    const text = await brief.innerText();
    for (const part of ['对方当事人', TRIBUNAL, APPLICANT, PHONE]) expect(text).toContain(part);
    await expect
      .poll(() => page.getByTestId('case-deadlines').innerText(), POLL)
      .toContain('签订委托协议期限');

    // The closing materials of a civil case: the judgment (or award) and the agreement are
    // required; the written opinion is optional; a defence's meeting records are not asked for.
    const material = (code: string) => closingMaterial(page, code);
    for (const code of Object.keys(FILES)) {
      await expect.poll(() => material(code).innerText(), POLL).toContain('必交');
      expect(await material(code).innerText()).toContain('未上传');
    }
    expect(await material('legal_document').innerText()).toContain('判决书、裁定书、调解书');
    expect(await material('aid_agreement').innerText()).toContain('委托代理协议或委托辩护协议');
    expect(await material('representation_opinion').innerText()).toContain('选交');
    expect(await material('meeting_record').count()).toBe(0);
    expect(await material('defence_opinion').count()).toBe(0);
    expect(await page.getByTestId('materials-missing').innerText()).toContain('尚缺 2 项必交材料');
  });

  it('the lawyer records the signed agreement, which ends the agreement period, and the hearing', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    const deadlines = page.getByTestId('case-deadlines');
    await expect.poll(() => deadlines.innerText(), POLL).toContain('签订委托协议期限');
    const activity = page.getByTestId('activity');
    const activities = () => orErrors(page, async () => (await activity.allInnerTexts()).join(' | '));

    await page.getByRole('button', { name: '记录承办活动' }).click();
    await choose(page, '活动类型', '签订委托协议');
    await page.getByLabel('情况摘要', { exact: true }).fill(AGREEMENT);
    await ok(page);
    await expect.poll(activities, POLL).toContain(AGREEMENT);
    await expect.poll(() => deadlines.innerText(), POLL).not.toContain('签订委托协议期限');

    await page.getByRole('button', { name: '记录承办活动' }).click();
    await choose(page, '活动类型', '开庭');
    await page.getByLabel('地点', { exact: true }).fill(TRIBUNAL);
    await page.getByLabel('情况摘要', { exact: true }).fill(HEARING);
    await ok(page);
    await expect.poll(activities, POLL).toContain(HEARING);
    const recorded = await activity.allInnerTexts();
    expect(recorded.find((a) => a.includes(HEARING))).toContain('开庭');
    expect(recorded.find((a) => a.includes(AGREEMENT))).toContain('签订委托协议');
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
  });

  it('the lawyer uploads the required closing materials and submits the closing', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');

    await uploadClosingMaterials(page, FILES);
    await page.getByTestId('materials-complete').waitFor(POLL);

    await page.getByRole('button', { name: '提交结案' }).click();
    // Nothing required is missing any more, so the dialog lists nothing.
    expect(await page.getByRole('dialog').getByTestId('closing-missing').count()).toBe(0);
    await choose(page, '承办结果', '胜诉');
    await page.getByLabel('结案报告', { exact: true }).fill(REPORT);
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已提交结案');
    expect(await page.getByRole('button', { name: '记录承办活动' }).count()).toBe(0);
  });

  it('the reviewer sees the work in 承办记录 and accepts the closing: 已结案', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('已提交结案');
    await page.getByRole('tab', { name: '承办记录' }).click();
    const records = () =>
      orErrors(page, async () => (await page.getByTestId('activity').allInnerTexts()).join(' | '));
    await expect.poll(records, POLL).toContain(HEARING);
    expect(await records()).toContain(AGREEMENT);

    await page.getByRole('button', { name: '结案审查' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), POLL).toContain(REPORT);
    const materials = dialog.getByTestId('closing-materials');
    for (const name of Object.values(FILES)) await materials.getByRole('link', { name }).waitFor(POLL);
    await dialog.getByLabel('审查通过，结案').check();
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已结案');
    await expect.poll(() => page.getByTestId('closing').first().innerText(), POLL).toContain('审查通过');
  });

  it('the reviewer records the quality evaluation: 已评估', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('已结案');
    await page.getByRole('button', { name: '质量评估' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /案卷检查/ }).check();
    await dialog.getByRole('checkbox', { name: /回访受援人/ }).check();
    await dialog.getByRole('radio', { name: '满意', exact: true }).check();
    await dialog.getByRole('radio', { name: /^良好/ }).check();
    await dialog.getByLabel('评估分数', { exact: true }).fill('85');
    await dialog.getByLabel('评估意见', { exact: true }).fill(FINDINGS);
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已评估');
    await page.getByRole('tab', { name: '质量评估' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('evaluation')
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toContain(FINDINGS);
  });

  it('the director finds the evaluation in the lawyer’s work record (承办业绩) in the registry', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '法律援助人员');
    await page.goto(`${server.baseUrl}/handlers?q=${encodeURIComponent(LAWYER)}`);
    const row = page.getByRole('row').filter({ hasText: LAWYER });
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.getByRole('button', { name: LAWYER }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByRole('tab', { name: '承办业绩' }).click();
    const track = drawer.getByTestId('handler-track');
    await expect.poll(() => track.innerText().catch(() => ''), POLL).toContain('85 分（1 件）');
    expect(await track.innerText()).toContain('良好 × 1');
    expect(await track.innerText()).toMatch(/已结案件\s*1/);
  });

  it('finance finds the case in the worklist and records the subsidy paid to the firm: 补贴已发放', async () => {
    const page = await signedIn(browser, server.baseUrl, finance.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications?state=evaluated`);
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('已评估');
    await page.getByRole('button', { name: '凭证登记发放' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('发放金额（元）', { exact: true }).fill('2000');
    await dialog.getByLabel('支付凭证号', { exact: true }).fill(REFERENCE);
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('补贴已发放');
    await page.getByRole('tab', { name: '补贴发放' }).click();
    const payment = page.getByTestId('subsidy-payment');
    await expect.poll(() => payment.innerText().catch(() => ''), POLL).toContain(REFERENCE);
    for (const part of ['¥2,000.00', FIRM, LAWYER]) expect(await payment.innerText()).toContain(part);
  });

  it('the director archives the case: 已归档, and the 归档卷宗 passes its integrity check', async () => {
    const page = await signedIn(browser, server.baseUrl, director.username, '审查工作台');
    await page.goto(caseUrl);
    await expect.poll(() => stateOf(page), POLL).toBe('补贴已发放');
    await page.getByRole('button', { name: /^归\s*档$/ }).click();
    await confirmPopover(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已归档');

    await page.getByRole('tab', { name: '归档卷宗' }).click();
    const file = page.getByTestId('archive');
    await expect
      .poll(() => orErrors(page, () => file.getByTestId('archive-integrity').innerText()), POLL)
      .toContain('完整性校验通过');
    const text = await file.innerText();
    for (const part of [
      caseNumber,
      APPLICANT,
      OPPOSING,
      director.displayName,
      '给予法律援助决定书',
      AGREEMENT,
      HEARING,
      REPORT,
      FILES.legal_document,
      FINDINGS,
      REFERENCE,
    ])
      expect(text).toContain(part);
    // Every part is in words, the evaluation and the subsidy paid included: no raw keys or JSON.
    const sections = await file.locator('.ant-collapse-item').allInnerTexts();
    expect(sections.length).toBeGreaterThan(5);
    for (const section of sections) {
      expect(section).not.toContain('{"');
      expect(section).not.toMatch(/^(evaluation|subsidyPayments)\b/);
    }
    expect(text).toContain('质量评估');
    expect(text).toContain('补贴发放');
  });
});
