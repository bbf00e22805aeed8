import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { auditEvents } from '../packages/server/src/db/schema/index.ts';
import { deliver } from '../packages/server/src/modules/applications/application-test-kit.ts';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { launchBrowser } from './support/browser.ts';
import {
  ok,
  openFromList,
  orErrors,
  POLL,
  signedIn,
  stateOf,
  uploadClosingMaterials,
} from './support/pages.ts';
import { acceptedNotice, buildLawyer, signedInApi } from './support/people.ts';
import { choose } from './support/select.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Casework in Debian's Chromium on the real app: a notified criminal case in 海淀 is assigned and
 * accepted through the API, and the director marks it major (重大疑难); the lawyer opens it from
 * 我的案件, sees the director's mark, records the hearing (开庭), is told which closing materials
 * are missing, uploads each and submits the closing (LAL art.50); the reviewer sees the mark and
 * the hearing in 承办记录, opens the closing review with the files by material and accepts it
 * (BJR art.32): the case is closed.
 */
const SUMMARY = '出庭辩护，发表从轻处罚的辩护意见';
const REPORT = '一审判决采纳了部分辩护意见，被告人获从轻处罚。';
const MAJOR_REASON = '被告人系聋哑人，社会关注度高';
/** The files the lawyer hands in, by closing material (the shipped rows for a criminal defence). */
const FILES: Record<string, string> = {
  legal_document: '一审刑事判决书.pdf',
  aid_agreement: '委托辩护协议.pdf',
  meeting_record: '会见笔录.pdf',
  defence_opinion: '辩护词.pdf',
};
let server: RunningServer;
let browser: Browser;
let lawyer: { username: string };
let reviewer: { username: string };
let director: { id: string; username: string; displayName: string };
let caseId = '';
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const deps = server.context.deps;
  director = await buildUser(deps, { organisationId: ORG.haidian, roles: ['director'] });
  reviewer = await buildUser(deps, { organisationId: ORG.haidian, roles: ['reviewer'] });
  lawyer = await buildLawyer(deps, '郑律师');

  ({ id: caseId, number: caseNumber } = await acceptedNotice(
    server.context.app,
    { director: director.username, lawyer: lawyer.username },
    { name: '乙某', phone: '13700005678' },
    { detained: true, detentionPlace: '北京市海淀区看守所' },
  ));
  const api = await signedInApi(server.context.app, director.username);
  const marked = await api.post(`/api/v1/cases/${caseId}/major`, { major: true, reason: MAJOR_REASON });
  expect(marked.statusCode, marked.body).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('casework (承办)', () => {
  it('the lawyer records the hearing and submits the closing from 我的案件', async () => {
    const page = await signedIn(browser, server.baseUrl, lawyer.username, '我的案件');
    await page.getByRole('menuitem', { name: '我的案件' }).click();
    await openFromList(page, caseNumber);
    await expect.poll(() => stateOf(page), POLL).toBe('承办中');
    // The brief: the client with the phone (the case is accepted), the court, the charges and custody;
    // the 5-day agreement period running (MOJ procedure rules 2023 art.27); the letters as PDF.
    const brief = page.getByTestId('case-brief');
    await expect.poll(() => brief.innerText(), POLL).toContain('北京市海淀区人民法院');
    expect(await brief.innerText()).toContain('13700005678');
    expect(await brief.innerText()).toContain('北京市海淀区看守所');
    await expect
      .poll(() => page.getByTestId('case-deadlines').innerText(), POLL)
      .toContain('签订委托协议期限');
    const letter = page.getByTestId('case-documents').getByRole('link', { name: '查看 PDF 法律援助公函' });
    const pdf = await page.request.get(
      new URL((await letter.getAttribute('href')) ?? '', server.baseUrl).href,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // The director's mark is there on load, with its reason (read-only for the lawyer).
    await expect.poll(() => page.getByTestId('major-flag').innerText(), POLL).toContain(MAJOR_REASON);

    await page.getByRole('button', { name: '记录承办活动' }).click();
    await choose(page, '活动类型', '开庭');
    await page.getByLabel('地点', { exact: true }).fill('北京市海淀区人民法院第三法庭');
    await page.getByLabel('情况摘要', { exact: true }).fill(SUMMARY);
    await ok(page);
    const activity = page.getByTestId('activity');
    await expect
      .poll(() => orErrors(page, async () => (await activity.allInnerTexts()).join(' | ')), POLL)
      .toContain(SUMMARY);
    expect(await activity.first().innerText()).toContain('开庭');

    // Before any upload the closing dialog lists every required material that is missing.
    await page.getByRole('button', { name: '提交结案' }).click();
    const missing = page.getByRole('dialog').getByTestId('closing-missing');
    await expect.poll(() => missing.innerText(), POLL).toContain('会见笔录');
    expect(await missing.innerText()).toContain('辩护词');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await uploadClosingMaterials(page, FILES);
    await page.getByTestId('materials-complete').waitFor();

    await page.getByRole('button', { name: '提交结案' }).click();
    await choose(page, '承办结果', '部分采纳', '辩护/代理意见部分采纳');
    await page.getByLabel('结案报告', { exact: true }).fill(REPORT);
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已提交结案');
    // The actions end with the work: nothing more to record until the centre reviews.
    expect(await page.getByRole('button', { name: '记录承办活动' }).count()).toBe(0);
  });

  it('the reviewer sees the hearing in 承办记录 and accepts the closing: the case is closed', async () => {
    const page = await signedIn(browser, server.baseUrl, reviewer.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications/${caseId}`);
    await expect.poll(() => stateOf(page), POLL).toBe('已提交结案');
    await page.getByRole('tab', { name: '承办记录' }).click();
    await expect
      .poll(async () => (await page.getByTestId('activity').allInnerTexts()).join(' | '), POLL)
      .toContain(SUMMARY);
    // The major mark shows on load, not only after setting it.
    await expect.poll(() => page.getByTestId('major-flag').innerText(), POLL).toContain(MAJOR_REASON);
    expect(await page.getByTestId('activity').first().innerText()).toContain('开庭');
    await expect.poll(() => page.getByTestId('closing').first().innerText(), POLL).toContain('待审查');

    await page.getByRole('button', { name: '结案审查' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), POLL).toContain(REPORT);
    // Each required material with its file, as a download link.
    const materials = dialog.getByTestId('closing-materials');
    for (const name of Object.values(FILES)) {
      const link = materials.getByRole('link', { name });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/api/v1/cases/${caseId}/attachments/`));
    }
    expect(await materials.innerText()).toContain('会见笔录');
    await dialog.getByLabel('审查通过，结案').check();
    await ok(page);
    await expect.poll(() => stateOf(page), POLL).toBe('已结案');
    await expect.poll(() => page.getByTestId('closing').first().innerText(), POLL).toContain('审查通过');
  });

  it('the director opens the archived file (卷宗): integrity checked, each part in words, the read audited', async () => {
    const api = await signedInApi(server.context.app, director.username);
    const own = await signedInApi(server.context.app, lawyer.username);
    const person = await api.post('/api/v1/persons', { name: '丙某', phone: '13700005679' });
    expect(person.statusCode, person.body).toBe(201);
    const notice = await api.post('/api/v1/criminal-notices', {
      institutionKind: 'court',
      institutionName: '北京市海淀区人民法院',
      stage: 'trial_first_instance',
      ground: 'sensory_disability',
      charges: ['故意伤害罪'],
      defendantId: person.json().id,
      detained: false,
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const id = notice.json().id as string;
    const number = notice.json().number as string;
    expect((await api.post(`/api/v1/applications/${id}/assignment`, {})).statusCode).toBe(200);
    expect(
      (await own.post(`/api/v1/applications/${id}/assignment/response`, { accept: true })).statusCode,
    ).toBeLessThan(300);
    const meeting = '会见被告人，核实案情并告知诉讼权利';
    const activity = await own.post(`/api/v1/cases/${id}/activities`, {
      kind: 'meeting',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: meeting,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const terminated = await api.post(`/api/v1/cases/${id}/termination`, {
      ground: 'recipient_request',
      reasons: '受援人书面申请终止法律援助。',
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    // LAL art.49 sets no objection period for a termination: once the decision is delivered, the
    // case may be filed away.
    const delivered = await deliver({ session: api }, id, 'termination_decision', beijingDateOf(new Date()));
    expect(delivered.statusCode, delivered.body).toBe(200);
    const archived = await api.post(`/api/v1/cases/${id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    const sha256 = archived.json().sha256 as string;

    const page = await signedIn(browser, server.baseUrl, director.username, '审查工作台');
    await page.goto(`${server.baseUrl}/applications/${id}`);
    await expect.poll(() => stateOf(page), POLL).toBe('已归档');
    await page.getByRole('tab', { name: '归档卷宗' }).click();
    const file = page.getByTestId('archive');
    await expect
      .poll(() => orErrors(page, () => file.getByTestId('archive-integrity').innerText()), POLL)
      .toContain('完整性校验通过');
    const text = await file.innerText();
    for (const part of [sha256, director.displayName, number, '申请概要', '终止法律援助决定书', meeting])
      expect(text).toContain(part);
    expect(text).not.toContain('{"');
    const reads = await server.context.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'case_archive.read')));
    expect(reads.map((r) => r.actorId)).toContain(director.id);
  });
});
