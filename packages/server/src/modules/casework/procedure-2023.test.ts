import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { caseClocks, ruleRows, staffAlerts } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG, PASSWORD } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';
import {
  auditActions,
  caseInProgress,
  handler,
  uploadRequired,
  type HandlerLogin,
} from './casework-test-kit.ts';

/** Issue 11 §5, §7, §8: the handler's standing, the agreement period, the closing materials. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestContext;
let window: Staff;
let director: Staff;
let lawyer: HandlerLogin;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  lawyer = await handler(t, '冯律师');
});
afterAll(() => t.close());

/** Moves the injected clock on; the sessions idle out, so the people working here sign in again. */
async function later(ms: number) {
  t.clock.advance(ms);
  lawyer.session = new Session(t.app, 'zh-CN');
  expect((await lawyer.session.login(lawyer.username, PASSWORD)).statusCode).toBe(200);
  director = await signIn(t, ORG.haidian, ['director']);
  window = await signIn(t, ORG.haidian, ['window_staff']);
}

async function clockOf(id: string, period: 'agreement_signing' | 'closing_materials') {
  const [clock] = await t.deps.db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, id), eq(caseClocks.period, period)));
  return clock;
}

const record = (id: string, kind: string, at: Date, summary = '记录') =>
  lawyer.session.post(`/api/v1/cases/${id}/activities`, { kind, occurredAt: at.toISOString(), summary });

async function lettersOf(id: string): Promise<Record<string, string>> {
  const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: lawyer.id,
    reason: '熟悉刑事案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const texts: Record<string, string> = {};
  for (const doc of assigned.json().documents as { id: string; kind: string }[]) {
    const pdf = await director.session.get(`/api/v1/applications/${id}/documents/${doc.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    texts[doc.kind] = (await readPdf(pdf.rawPayload)).text;
  }
  return texts;
}

describe("the handler's standing printed in the letters (LAL art.28)", () => {
  it('names a representative (诉讼代理人), never a defender, for compulsory medical treatment', async () => {
    const { id } = await recordNotice(window, '钱某', {
      stage: 'compulsory_medical_treatment',
      ground: 'compulsory_medical_treatment',
      charges: ['故意伤害罪'],
      detained: true,
      detentionPlace: '北京市海淀区看守所',
    });
    const letters = await lettersOf(id);
    expect(Object.keys(letters).sort()).toEqual(['assignment_letter', 'meeting_letter']);
    for (const text of Object.values(letters)) {
      expect(text).toContain('被申请人钱某的诉讼代理人');
      expect(text).not.toContain('辩护人');
    }
    // The handler's brief shows the same standing, from the same rule row.
    const brief = await lawyer.session.get(`/api/v1/cases/${id}/brief`);
    expect(brief.statusCode, brief.body).toBe(200);
    expect(brief.json().handlerRole).toEqual({
      zh: '诉讼代理人',
      en: 'litigation representative',
      citation: 'LAL art.28',
    });
  });

  it('names a defender (辩护人) for a notified defence', async () => {
    const { id } = await recordNotice(window, '孙某', {
      detained: true,
      detentionPlace: '北京市海淀区看守所',
    });
    const letters = await lettersOf(id);
    expect(letters.assignment_letter).toContain('被告人孙某的辩护人');
    expect(letters.meeting_letter).toContain('被告人孙某的辩护人');
  });
});

describe('the agreement period (MOJ procedure rules 2023 art.27)', () => {
  it('pauses for a recipient delay with its reason, resumes when it ends, and moves the due date', async () => {
    const id = await caseInProgress({ window, director, lawyer }, '周某');
    const started = (await clockOf(id, 'agreement_signing'))!;
    expect(started).toMatchObject({ status: 'running', startedAt: t.clock.now() });
    // Nothing to resume before a delay.
    const early = await record(id, 'recipient_delay_ended', t.clock.now());
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASEWORK_AGREEMENT_PERIOD_CONFLICT');

    await later(DAY);
    const delayed = await record(id, 'recipient_delay', t.clock.now(), '受援人住院治疗，无法到所签约');
    expect(delayed.statusCode, delayed.body).toBe(201);
    expect(delayed.json()).toMatchObject({
      kind: 'recipient_delay',
      summary: '受援人住院治疗，无法到所签约',
    });
    const paused = (await clockOf(id, 'agreement_signing'))!;
    expect(paused).toMatchObject({ status: 'paused', pausedAt: t.clock.now() });
    expect((await record(id, 'recipient_delay', t.clock.now())).statusCode).toBe(409);
    // A paused period raises no reminder and no overdue alert while the recipient holds it up.
    await later(5 * DAY);
    await sweepClocks(t.deps);
    const alerts = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.applicationId, id));
    // Only the bell's notice that the case was assigned (ADR 0016): no deadline alert.
    expect(alerts.map((a) => a.kind)).toEqual(['assigned']);

    const resumed = await record(id, 'recipient_delay_ended', t.clock.now(), '受援人出院');
    expect(resumed.statusCode, resumed.body).toBe(201);
    const running = (await clockOf(id, 'agreement_signing'))!;
    expect(running.status).toBe('running');
    expect(running.pauses).toHaveLength(1);
    // Assigned Monday 2026-11-02: 5 days end Saturday 11-07, so Monday 11-09. The recipient held
    // the signing up from 11-03 to 11-08: 11-04 to 11-08 are not counted, so the period ends on
    // Thursday 11-12 (the pause is counted as the supplement pause is, deadlines-pauses.yaml).
    expect(started.dueAt.toISOString()).toBe('2026-11-09T15:59:59.999Z');
    expect(running.dueAt.toISOString()).toBe('2026-11-12T15:59:59.999Z');

    const signed = await record(id, 'agreement_signed', t.clock.now(), '签订委托辩护协议');
    expect(signed.statusCode, signed.body).toBe(201);
    expect(await clockOf(id, 'agreement_signing')).toMatchObject({ status: 'stopped' });
    const detail = (await director.session.get(`/api/v1/applications/${id}`)).json();
    expect(detail.clocks.find((c: { period: string }) => c.period === 'agreement_signing')).toMatchObject({
      onTime: true,
    });
    expect((await auditActions(t, id)).filter((a) => a === 'case_activity.create')).toHaveLength(3);
  });

  it('ends with a declined assignment', async () => {
    const { id } = await recordNotice(window, '郑某');
    const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '熟悉刑事案件',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await clockOf(id, 'agreement_signing')).toMatchObject({ status: 'running' });
    const declined = await lawyer.session.post(`/api/v1/applications/${id}/assignment/response`, {
      accept: false,
      reason: '与被告人存在利益冲突',
    });
    expect(declined.statusCode, declined.body).toBe(204);
    expect(await clockOf(id, 'agreement_signing')).toMatchObject({ status: 'stopped' });
  });
});

describe('the closing materials after the end of the matter (LAL art.50)', () => {
  it('runs no clock while no period rule gives its length', async () => {
    const id = await caseInProgress({ window, director, lawyer }, '王某');
    const ended = await record(id, 'matter_ended', t.clock.now(), '一审判决已送达');
    expect(ended.statusCode, ended.body).toBe(201);
    expect(await clockOf(id, 'closing_materials')).toBeUndefined();
  });

  it('with a rule row entered: runs from the end, reminds the handler, alerts the centre, stops at the closing', async () => {
    // What an administrator enters once the length is confirmed (TO_CONFIRM); the value is the test's.
    await t
      .superuser()
      .db.insert(ruleRows)
      .values({
        id: 'test.period.closing_materials.v1',
        ruleTable: 'period',
        jurisdiction: '000000',
        key: 'closing_materials',
        data: {
          kind: 'closing_materials',
          amount: 30,
          unit: 'calendar_days',
          nameZh: '提交结案材料',
          nameEn: 'Closing materials',
        },
        citation: 'LAL art.50 (test row)',
        effectiveFrom: '2022-01-01',
      });
    const id = await caseInProgress({ window, director, lawyer }, '陈某');
    const endedAt = new Date(t.clock.now().getTime() - HOUR);
    expect((await record(id, 'matter_ended', endedAt, '一审判决已送达')).statusCode).toBe(201);
    const clock = (await clockOf(id, 'closing_materials'))!;
    expect(clock).toMatchObject({
      status: 'running',
      startedAt: endedAt,
      ruleId: 'test.period.closing_materials.v1',
    });
    expect(clock.dueAt.getTime() - endedAt.getTime()).toBeGreaterThanOrEqual(30 * DAY);

    const alertsFor = async (userId: string) =>
      t.deps.db
        .select({ kind: staffAlerts.kind })
        .from(staffAlerts)
        .where(
          and(
            eq(staffAlerts.userId, userId),
            eq(staffAlerts.applicationId, id),
            eq(staffAlerts.period, 'closing_materials'),
          ),
        );
    await later(clock.dueAt.getTime() - t.clock.now().getTime() - 12 * HOUR);
    await sweepClocks(t.deps);
    expect(await alertsFor(lawyer.userId)).toEqual([{ kind: 'reminder' }]);
    expect(await alertsFor(director.id)).toEqual([]);
    await later(13 * HOUR);
    await sweepClocks(t.deps);
    expect((await alertsFor(lawyer.userId)).map((a) => a.kind).sort()).toEqual(['overdue', 'reminder']);
    expect(await alertsFor(director.id)).toEqual([{ kind: 'overdue' }]);

    await uploadRequired(lawyer.session, id);
    const closing = await lawyer.session.post(`/api/v1/cases/${id}/closing`, {
      result: 'opinion_partly_adopted',
      report: '辩护意见部分被采纳。',
    });
    expect(closing.statusCode, closing.body).toBe(201);
    expect(await clockOf(id, 'closing_materials')).toMatchObject({ status: 'stopped' });
  });
});
