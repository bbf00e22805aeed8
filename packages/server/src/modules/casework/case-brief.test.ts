import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { auditEvents, caseClocks, staffAlerts } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG, PASSWORD } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';
import { handler as handlerLogin, uploadRequired, type HandlerLogin } from './casework-test-kit.ts';

const HOUR = 3_600_000;
let t: TestContext;
let window: Staff;
let director: Staff;
let chaoyangDirector: Staff;
let handlerA: HandlerLogin;
let handlerB: HandlerLogin;

const handler = (name: string) => handlerLogin(t, name);

/** A notified defence of a detained defendant (LAL art.25), assigned to handler A: `assigned`. */
async function assignedCase(name: string): Promise<string> {
  const { id } = await recordNotice(window, name, { detained: true, detentionPlace: '北京市海淀区看守所' });
  const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: handlerA.id,
    reason: '熟悉刑事辩护',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return id;
}

const accept = async (id: string) => {
  const accepted = await handlerA.session.post(`/api/v1/applications/${id}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
};

async function agreementClock(id: string) {
  const [clock] = await t.deps.db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, id), eq(caseClocks.period, 'agreement_signing')));
  return clock;
}

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  handlerA = await handler('周律师');
  handlerB = await handler('吴律师');
});
afterAll(() => t.close());

describe('the case brief (案件概要) for the handler', () => {
  it('shows the assigned handler the parties, charges and custody, but the phone only once they accept', async () => {
    const id = await assignedCase('赵小刚');
    const pending = await handlerA.session.get(`/api/v1/cases/${id}/brief`);
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({
      id,
      state: 'assigned',
      client: { name: '赵小刚', phone: null },
      criminalNotice: { institutionName: '北京市海淀区人民法院', charges: ['盗窃罪'], detained: true },
      assignment: { status: 'pending', acceptedAt: null },
    });
    // Letters are issued with the assignment: the handler sees their own.
    expect(
      pending
        .json()
        .documents.map((d: { kind: string }) => d.kind)
        .sort(),
    ).toEqual(['assignment_letter', 'meeting_letter']);

    await accept(id);
    const accepted = (await handlerA.session.get(`/api/v1/cases/${id}/brief`)).json();
    expect(accepted.client.phone).toMatch(/^1370000\d{4}$/);
    expect(accepted.assignment.status).toBe('accepted');

    const actions = await t.deps.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'case.brief_read')));
    expect(actions).toHaveLength(2);
    // The phone number itself never reaches the audit row.
    expect(JSON.stringify(actions)).not.toContain(accepted.client.phone);
  });

  it('finds nothing for another handler or another district, exactly as for a missing case', async () => {
    const id = await assignedCase('钱小伟');
    for (const session of [handlerB.session, chaoyangDirector.session])
      expect((await session.get(`/api/v1/cases/${id}/brief`)).statusCode).toBe(404);
    expect((await handlerA.session.get(`/api/v1/cases/${randomUUID()}/brief`)).statusCode).toBe(404);
    const letter = (await handlerA.session.get(`/api/v1/cases/${id}/brief`)).json().documents[0];
    expect((await handlerB.session.get(`/api/v1/cases/${id}/documents/${letter.id}/pdf`)).statusCode).toBe(
      404,
    );
  });

  it('lets the handler download their assignment letter, naming them and the court', async () => {
    const id = await assignedCase('孙小兵');
    await accept(id);
    const brief = (await handlerA.session.get(`/api/v1/cases/${id}/brief`)).json();
    const letter = brief.documents.find((d: { kind: string }) => d.kind === 'assignment_letter');
    const pdf = await handlerA.session.get(`/api/v1/cases/${id}/documents/${letter.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('周律师');
    expect(text).toContain('北京市海淀区人民法院');
    // The staff route stays closed to the handler: the brief's route is their only way in.
    expect(
      (await handlerA.session.get(`/api/v1/applications/${id}/documents/${letter.id}/pdf`)).statusCode,
    ).toBe(403);
  });
});

describe('the agreement period (MOJ procedure rules 2023 art.27)', () => {
  it('starts at the assignment, not at acceptance, and stops on time when the agreement is recorded signed', async () => {
    const id = await assignedCase('李小龙');
    // "自安排或者收到指派之日起五日内": the period runs from the assignment.
    const assigned = await agreementClock(id);
    expect(assigned).toMatchObject({ status: 'running', startedAt: t.clock.now() });
    await accept(id);
    const running = await agreementClock(id);
    expect(running).toMatchObject({ id: assigned!.id, status: 'running' });
    // 5 days counted from the day after the assignment, never shorter.
    expect(running!.dueAt.getTime() - running!.startedAt.getTime()).toBeGreaterThanOrEqual(5 * 24 * HOUR);
    const brief = (await handlerA.session.get(`/api/v1/cases/${id}/brief`)).json();
    expect(brief.deadlines.map((d: { period: string }) => d.period)).toContain('agreement_signing');

    const signedAt = new Date(t.clock.now().getTime() - HOUR).toISOString();
    const signed = await handlerA.session.post(`/api/v1/cases/${id}/activities`, {
      kind: 'agreement_signed',
      occurredAt: signedAt,
      summary: '与受援人签订委托辩护协议及授权委托书。',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const stopped = await agreementClock(id);
    expect(stopped).toMatchObject({ status: 'stopped', stoppedAt: new Date(signedAt) });
    const after = (await handlerA.session.get(`/api/v1/cases/${id}/brief`)).json();
    expect(after.deadlines.map((d: { period: string }) => d.period)).not.toContain('agreement_signing');
    const detail = (await director.session.get(`/api/v1/applications/${id}`)).json();
    expect(detail.clocks.find((c: { period: string }) => c.period === 'agreement_signing')).toMatchObject({
      status: 'stopped',
      onTime: true,
    });
  });

  it('ends with the closing when the agreement was never recorded, and never runs twice', async () => {
    const id = await assignedCase('吴小飞');
    await accept(id);
    await uploadRequired(handlerA.session, id);
    const closing = await handlerA.session.post(`/api/v1/cases/${id}/closing`, {
      result: 'opinion_partly_adopted',
      report: '辩护意见部分被采纳，法院从轻判处。',
    });
    expect(closing.statusCode, closing.body).toBe(201);
    expect(await agreementClock(id)).toMatchObject({ status: 'stopped' });
    const returned = await director.session.post(`/api/v1/cases/${id}/closing/review`, {
      accept: false,
      reason: '缺少判决书副本',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    // Back in progress: the agreement period is not started again, and a second closing is fine.
    const again = await handlerA.session.post(`/api/v1/cases/${id}/closing`, {
      result: 'opinion_partly_adopted',
      report: '补交判决书副本。',
    });
    expect(again.statusCode, again.body).toBe(201);
    const clocks = await t.deps.db
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.applicationId, id), eq(caseClocks.period, 'agreement_signing')));
    expect(clocks).toHaveLength(1);
  });

  it('reminds the handler and the directors before the date and alerts them after it, once', async () => {
    const id = await assignedCase('周小川');
    await accept(id);
    const clock = (await agreementClock(id))!;
    const alertsFor = async (userId: string) =>
      t.deps.db
        .select({ kind: staffAlerts.kind, period: staffAlerts.period })
        .from(staffAlerts)
        .where(
          and(
            eq(staffAlerts.userId, userId),
            eq(staffAlerts.applicationId, id),
            // The deadline alerts, not the bell's notice that the case was assigned (ADR 0016).
            ne(staffAlerts.kind, 'assigned'),
          ),
        );
    const start = t.clock.now().getTime();
    try {
      t.clock.advance(clock.dueAt.getTime() - start - 12 * HOUR);
      await sweepClocks(t.deps);
      expect(await alertsFor(handlerA.userId)).toEqual([{ kind: 'reminder', period: 'agreement_signing' }]);
      expect(await alertsFor(director.id)).toEqual([{ kind: 'reminder', period: 'agreement_signing' }]);
      expect(await alertsFor(handlerB.userId)).toEqual([]);
      t.clock.advance(13 * HOUR);
      await sweepClocks(t.deps);
      await sweepClocks(t.deps);
      expect((await alertsFor(handlerA.userId)).map((a) => a.kind).sort()).toEqual(['overdue', 'reminder']);
      // Five days on, the morning's sessions have expired: the handler signs in again.
      const fresh = new Session(t.app, 'zh-CN');
      expect((await fresh.login(handlerA.username, PASSWORD)).statusCode).toBe(200);
      const mine = await fresh.get('/api/v1/alerts');
      expect(
        mine
          .json()
          .items.filter(
            (a: { kind: string; application: { id: string } }) =>
              a.application.id === id && a.kind !== 'assigned',
          ),
      ).toHaveLength(2);
    } finally {
      // Last in the file: the sessions above are spent, so nothing after relies on them.
      t.clock.advance(start - t.clock.now().getTime());
    }
  });
});
