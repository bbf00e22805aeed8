import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, handlers, outboxMessages } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import {
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';
import { dispatchOutbox } from '../../platform/outbox/outbox.ts';
import { SimulatorAdapter } from '../../platform/outbox/adapters.ts';
import { caseInProgress, handler, type HandlerLogin } from '../casework/casework-test-kit.ts';
import { submitClosing } from '../quality/closed-case-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let handlerA: HandlerLogin;
let handlerB: HandlerLogin;

const HOUR = 3_600_000;
const PHONE = '13911112222';
interface Alert {
  id: string;
  kind: string;
  readAt: string | null;
  application: { id: string } | null;
}
const bell = async (who: { session: HandlerLogin['session'] }, unread = false): Promise<Alert[]> => {
  const response = await who.session.get(`/api/v1/alerts${unread ? '?unread=true' : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Alert[];
};
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
const noticeMessages = (template: string) =>
  t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.template, template), eq(outboxMessages.entityId, handlerA.userId)));

beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 });
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  handlerA = await handler(t, '蒋律师');
  handlerB = await handler(t, '沈律师');
  // Handler A's phone is on their handler record (the number SMS goes to; their login has none).
  const sealed = t.deps.cipher.seal(PHONE);
  await t.deps.db
    .update(handlers)
    .set({ phoneSealed: sealed.sealed, phoneHash: sealed.hash })
    .where(eq(handlers.id, handlerA.id));
});
afterAll(() => t.close());

describe('the bell (通知)', () => {
  it('tells the handler a case was assigned to them, and no one else; read one, then all', async () => {
    const id = await caseInProgress({ window, director, lawyer: handlerA }, '小韩');
    const mine = await bell(handlerA, true);
    const assigned = mine.find((a) => a.kind === 'assigned' && a.application?.id === id);
    expect(assigned).toBeDefined();
    expect((await bell(handlerB)).some((a) => a.application?.id === id)).toBe(false);
    expect((await bell(director)).some((a) => a.kind === 'assigned')).toBe(false);

    // Another handler cannot mark it read.
    expect((await handlerB.session.post(`/api/v1/alerts/${assigned?.id}/read`)).statusCode).toBe(404);
    expect((await handlerA.session.post(`/api/v1/alerts/${assigned?.id}/read`)).statusCode).toBe(204);
    expect((await bell(handlerA, true)).some((a) => a.id === assigned?.id)).toBe(false);
    expect((await bell(handlerA)).find((a) => a.id === assigned?.id)?.readAt).not.toBeNull();

    await caseInProgress({ window, director, lawyer: handlerA }, '小杨');
    expect((await bell(handlerA, true)).length).toBeGreaterThan(0);
    const all = await handlerA.session.post('/api/v1/alerts/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().marked).toBeGreaterThan(0);
    expect(await bell(handlerA, true)).toEqual([]);
  });

  it('tells the handler their closing was returned', async () => {
    const id = await caseInProgress({ window, director, lawyer: handlerA }, '小朱');
    await submitClosing({ id: handlerA.id, name: '蒋律师', session: handlerA.session }, id);
    const returned = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, {
      accept: false,
      reason: '缺少判决书',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await bell(handlerA, true)).toContainEqual(
      expect.objectContaining({ kind: 'closing_returned', application: expect.objectContaining({ id }) }),
    );
  });

  it('tells the centre’s directors and the bureau’s supervisors an objection was filed', async () => {
    const supervisor = await signIn(t, ORG.bureau, ['supervisor']);
    const created = await takeIn(window, wageClaim(await registerApplicant(window, '小尤')));
    await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
    const refused = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'refuse',
      reasons: [{ code: 'no_hardship', citation: 'LAL art.34' }],
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const filed = await window.session.post(`/api/v1/applications/${created.id}/objections`, {
      grounds: '不服',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const aboutIt = (alerts: Alert[]) =>
      alerts.filter((a) => a.kind === 'objection_filed' && a.application?.id === created.id);
    expect(aboutIt(await bell(director))).toHaveLength(1);
    expect(aboutIt(await bell(supervisor))).toHaveLength(1);
    expect(aboutIt(await bell(reviewer))).toHaveLength(0);
    expect(aboutIt(await bell(handlerA))).toHaveLength(0);
  });

  it('sends a hearing reminder by SMS only when the handler chose it, through the simulator (simulated)', async () => {
    const settings = await handlerA.session.get('/api/v1/me/notification-settings');
    expect(settings.json()).toEqual({ sms: false, phoneOnFile: true });

    // Off: the reminder rings the bell and sends nothing.
    const off = await caseInProgress({ window, director, lawyer: handlerA }, '小秦');
    await handlerA.session.post(`/api/v1/cases/${off}/activities`, {
      kind: 'hearing',
      occurredAt: inHours(5),
      summary: '开庭',
      scheduled: true,
    });
    await sweepClocks(t.deps);
    expect((await bell(handlerA, true)).some((a) => a.kind === 'hearing_reminder')).toBe(true);
    expect(await noticeMessages('notice.hearing_reminder')).toHaveLength(0);

    const on = await handlerA.session.request({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      payload: { sms: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ sms: true, phoneOnFile: true });
    const audit = await t.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, handlerA.userId));
    expect(audit.map((a) => a.action)).toContain('user.notification_settings');

    const id = await caseInProgress({ window, director, lawyer: handlerA }, '小许');
    await handlerA.session.post(`/api/v1/cases/${id}/activities`, {
      kind: 'hearing',
      occurredAt: inHours(6),
      summary: '开庭',
      scheduled: true,
    });
    await sweepClocks(t.deps);
    await sweepClocks(t.deps);
    const queued = await noticeMessages('notice.hearing_reminder');
    expect(queued).toHaveLength(1);
    expect(queued[0]?.recipientSealed?.toString('latin1')).not.toContain(PHONE);

    const sim = new SimulatorAdapter();
    await dispatchOutbox(t.deps, { sms: sim, email: sim }, 500);
    const [sent] = await noticeMessages('notice.hearing_reminder');
    expect(sent?.status).toBe('simulated');
    expect(sim.sent.find((m) => m.id === sent?.id)).toMatchObject({
      recipient: PHONE,
      body: expect.stringContaining('开庭'),
    });
  });
});
