import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { beijingDateOf } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import {
  deliver,
  takeIn,
  wageClaim,
} from '../packages/server/src/modules/applications/application-test-kit.ts';
import { closedCase, type PoolHandler } from '../packages/server/src/modules/quality/closed-case-kit.ts';
import { browserSuite } from './support/suite.ts';
import { buildLawyer, signedInApi } from './support/people.ts';
import { signedIn } from './support/pages.ts';
import { seriousViolations, settled, visibleCodes } from './support/scan.ts';

/**
 * The no-codes walk (issue 12): every staff page each role can open, in Chinese, over realistic
 * data (persons, a consultation, applications received, refused with an objection, assigned and
 * closed), must show no text shaped like an internal code (snake_case, `rv-` ids, UUIDs,
 * `art.` citations, dotted codes) and must pass axe-core with no serious or critical violation.
 * The pages come from the menu each role sees, which the app builds from its route list, so a
 * page added to the menu is walked without a line here.
 */

const suite = browserSuite();
const users: Record<'director' | 'reviewer' | 'window' | 'finance', string> = {
  director: 'walk-director',
  reviewer: 'walk-reviewer',
  window: 'walk-window',
  finance: 'walk-finance',
};
let handlerLogin = '';
let refusedId = '';
let closedId = '';
let assignedId = '';
let assignedNumber = '';

/** Beijing's date today, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const { app, deps } = suite.server.context;
  await buildUser(deps, { username: users.director, organisationId: ORG.haidian, roles: ['director'] });
  const reviewerUser = await buildUser(deps, {
    username: users.reviewer,
    organisationId: ORG.haidian,
    roles: ['reviewer'],
  });
  await buildUser(deps, { username: users.window, organisationId: ORG.haidian, roles: ['window_staff'] });
  await buildUser(deps, { username: users.finance, organisationId: ORG.haidian, roles: ['finance'] });
  const window = { id: '', session: await signedInApi(app, users.window) };
  const reviewer = { id: '', session: await signedInApi(app, users.reviewer) };
  const director = { id: '', session: await signedInApi(app, users.director) };

  const lawyer = await buildLawyer(deps, '周律师', { firm: '北京海淀明理律师事务所' });
  handlerLogin = lawyer.username;
  const handlerSession = await signedInApi(app, lawyer.username);
  const handlerId = (await director.session.get('/api/v1/handlers?q=周律师')).json().items[0].id as string;
  const handler: PoolHandler = { id: handlerId, name: '周律师', session: handlerSession };

  // A person with a hotline consultation.
  const person = await window.session.post('/api/v1/persons', { name: '钱多多', phone: '13700004321' });
  expect(person.statusCode, person.body).toBe(201);
  const call = await window.session.post('/api/v1/consultations', {
    channel: 'hotline_12348',
    personId: person.json().id,
    topicMatter: 'labour_remuneration',
    question: '工地老板拖欠我三个月工资，怎么办？',
    answer: '可以申请法律援助，代理劳动仲裁。',
    outcome: 'pending',
  });
  expect(call.statusCode, call.body).toBe(201);

  // An application just received, and one under review.
  await takeIn(window, wageClaim(person.json().id));
  const reviewing = await takeIn(window, wageClaim(person.json().id, { opposingParty: '北京某物业公司' }));
  expect((await reviewer.session.post(`/api/v1/applications/${reviewing.id}/review`)).statusCode).toBe(200);

  // A refusal, delivered, with the applicant's objection.
  const other = await window.session.post('/api/v1/persons', { name: '赵敏', phone: '13700004322' });
  const refused = await takeIn(
    window,
    wageClaim(other.json().id, {
      materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
    }),
  );
  refusedId = refused.id;
  expect((await reviewer.session.post(`/api/v1/applications/${refusedId}/review`)).statusCode).toBe(200);
  const decided = await reviewer.session.post(`/api/v1/applications/${refusedId}/decision`, {
    decision: 'refuse',
    reasons: [{ code: 'no_hardship', citation: 'LAL art.34' }],
  });
  expect(decided.statusCode, decided.body).toBe(200);
  expect((await deliver(window, refusedId, 'refusal_decision', today(), 'in_person')).statusCode).toBe(200);
  const objection = await window.session.post(`/api/v1/applications/${refusedId}/objections`, {
    grounds: '申请人上月已失业，现无收入。',
  });
  expect(objection.statusCode, objection.body).toBe(200);

  // A case assigned to the lawyer and accepted, and a case closed.
  const notice = await window.session.post('/api/v1/persons', { name: '孙强', phone: '13700004323' });
  const recorded = await window.session.post('/api/v1/criminal-notices', {
    institutionKind: 'court',
    institutionName: '北京市海淀区人民法院',
    stage: 'trial_first_instance',
    ground: 'ordinary_procedure_court',
    charges: ['盗窃罪'],
    defendantId: notice.json().id,
    detained: false,
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  assignedId = recorded.json().id;
  assignedNumber = recorded.json().number;
  const assigned = await director.session.post(`/api/v1/applications/${assignedId}/assignment`, {
    handlerId,
    reason: '熟悉此类案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await handlerSession.post(`/api/v1/applications/${assignedId}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBeLessThan(300);
  // A hearing of it a week ahead, with an observation scheduled (庭审旁听).
  const hearing = await handlerSession.post(`/api/v1/cases/${assignedId}/activities`, {
    kind: 'hearing',
    occurredAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    place: '北京市海淀区人民法院第五法庭',
    summary: '开庭审理，出庭辩护。',
    scheduled: true,
  });
  expect(hearing.statusCode, hearing.body).toBe(201);
  const observation = await director.session.post('/api/v1/quality/hearing-observations', {
    activityId: hearing.json().id,
    observerId: reviewerUser.id,
  });
  expect(observation.statusCode, observation.body).toBe(201);
  closedId = await closedCase({ window, director, reviewer }, handler, '李四');
  // The court's opinion of the closed case, asked by letter and answered on paper (征询意见).
  const opinion = await director.session.post('/api/v1/quality/organ-opinions', {
    applicationId: closedId,
    organKind: 'court',
    organName: '北京市海淀区人民法院',
  });
  expect(opinion.statusCode, opinion.body).toBe(201);
  const opinionPath = `/api/v1/quality/organ-opinions/${opinion.json().id}`;
  expect((await director.session.post(`${opinionPath}/send`, {})).statusCode).toBe(200);
  const answered = await director.session.post(`${opinionPath}/answer`, {
    ratings: { punctuality: 5, opinion_quality: 4, communication: 2, overall: 4 },
    comment: '庭前沟通可以更充分。',
  });
  expect(answered.statusCode, answered.body).toBe(200);
  // A notary fee waived for the closed case's recipient (费用缓减免, LAL art.53).
  const waiver = await director.session.post('/api/v1/fee-waivers', {
    applicationId: closedId,
    bodyKind: 'notary_office',
    bodyName: '北京市海淀公证处',
    requestKind: 'notary_fee_waiver',
    feeDescription: '公证费',
    amountAskedFen: 50_000,
  });
  expect(waiver.statusCode, waiver.body).toBe(201);
  const waiverPath = `/api/v1/fee-waivers/${waiver.json().id}`;
  expect((await director.session.post(`${waiverPath}/send`, {})).statusCode).toBe(200);
  const waived = await director.session.post(`${waiverPath}/answer`, {
    outcome: 'granted',
    amountSavedFen: 50_000,
    answeredOn: beijingDateOf(new Date()),
  });
  expect(waived.statusCode, waived.body).toBe(200);
}, 120_000);

/** What is wrong with the page now: code-like words and serious accessibility violations. */
async function problemsOn(page: Page, where: string): Promise<string[]> {
  await settled(page);
  const codes = (await visibleCodes(page)).map((code) => `${where}: shows the code “${code}”`);
  const axe = (await seriousViolations(page)).map((v) => `${where}: axe ${v}`);
  return [...codes, ...axe];
}

/** The page as it is, then each of its tabs (a rule table, an organisation's kinds …) in turn. */
async function walkTabs(page: Page, where: string): Promise<string[]> {
  const problems = await problemsOn(page, where);
  const tabs = await page.getByRole('tab').allInnerTexts();
  for (const [index, tab] of tabs.entries()) {
    if (index === 0) continue;
    await page.getByRole('tab').nth(index).click();
    problems.push(...(await problemsOn(page, `${where}, tab ${tab.replace(/\s+/g, ' ')}`)));
  }
  return problems;
}

/** Every page in the menu this user sees, opened from the menu, with its tabs; the problems found. */
async function walkMenu(page: Page): Promise<string[]> {
  const paths = await page
    .locator('.ant-menu a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(paths.length).toBeGreaterThan(1);
  const problems: string[] = [];
  for (const path of paths) {
    await page.locator(`.ant-menu a[href="${path}"]`).click();
    await page.waitForURL((url) => url.pathname === path);
    problems.push(...(await walkTabs(page, path)));
  }
  return problems;
}

/** The application file, and each of its tabs. */
async function walkFile(page: Page, id: string, label: string): Promise<string[]> {
  await page.goto(`${suite.server.baseUrl}/applications/${id}`);
  await page.getByRole('tab').first().waitFor();
  return walkTabs(page, `${label} file`);
}

/** The first row's drawer of a list page (a person, a consultation, an audit event …). */
async function walkFirstDrawer(page: Page, path: string): Promise<string[]> {
  await page.goto(`${suite.server.baseUrl}${path}`);
  const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await row.waitFor();
  await row.getByRole('button').first().click();
  await page.locator('.ant-drawer-open').waitFor();
  return problemsOn(page, `${path} drawer`);
}

describe('every staff page in Chinese shows words, not codes, and passes axe', () => {
  it('the administrator', async () => {
    const page = await signedIn(
      suite.browser,
      suite.server.baseUrl,
      suite.server.admin.username,
      '用户管理',
      {
        password: suite.server.admin.password,
      },
    );
    const problems = await walkMenu(page);
    problems.push(...(await walkFirstDrawer(page, '/audit')));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('the director: every page in the menu', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, users.director, '审查工作台');
    const problems = await walkMenu(page);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  // The director sees the most pages: the rest of their walk is a test of its own, so each stays
  // well inside the journey timeout.
  it('the director: a case file, the quality drawers and the pages off the menu', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, users.director, '审查工作台');
    const problems = await walkFile(page, assignedId, 'assigned case');
    problems.push(...(await walkFirstDrawer(page, '/quality/hearings')));
    problems.push(...(await walkFirstDrawer(page, '/quality/opinions')));
    problems.push(...(await walkFirstDrawer(page, '/fee-waivers')));
    // The pages reached from a button rather than the menu: the centre's settings, the profile and
    // the paper notice form.
    for (const path of ['/applications/settings', '/profile', '/inbox/paper-notice']) {
      await page.goto(`${suite.server.baseUrl}${path}`);
      await page.locator('main').waitFor();
      problems.push(...(await walkTabs(page, path)));
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('the reviewer', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, users.reviewer, '审查工作台');
    const problems = await walkMenu(page);
    problems.push(...(await walkFile(page, refusedId, 'refusal')));
    problems.push(...(await walkFile(page, closedId, 'closed case')));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('window staff', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, users.window, '申请受理');
    const problems = await walkMenu(page);
    problems.push(...(await walkFirstDrawer(page, '/persons')));
    problems.push(...(await walkFirstDrawer(page, '/consultations')));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('the handler', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, handlerLogin, '我的案件');
    const problems = await walkMenu(page);
    await page.goto(`${suite.server.baseUrl}/my-cases/${assignedId}`);
    await page.getByText(assignedNumber).first().waitFor();
    problems.push(...(await problemsOn(page, 'handler case')));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('finance', async () => {
    const page = await signedIn(suite.browser, suite.server.baseUrl, users.finance, '首页');
    const problems = await walkMenu(page);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
