import { createServer } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import { createTestPartner, type TestPartner } from '../../../test/partner-client.ts';
import { startCallbackReceiver, type CallbackReceiver } from '../../cli/partner/callback-receiver.ts';
import { partnerDeliveries, partnerEvents, staffAlerts } from '../../db/schema/index.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildPoolHandler, submitClosing } from '../quality/closed-case-kit.ts';
import { dispatchPartnerCallbacks, nextAttemptDelayMs } from './dispatch-callbacks.ts';

/*
 * The organs hear of their cases (issue 13): events written with the change, signed callbacks to a
 * real HTTP receiver (the partner simulator's), at least once and retried while it is down, and
 * the pull endpoint through the signed door.
 */
let t: TestContext;
let director: Staff;
let reviewer: Staff;
let admin: Staff;
const receivers: CallbackReceiver[] = [];

beforeAll(async () => {
  t = await startTestApp();
  director = await signIn(t, ORG.haidian, ['director']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  admin = await signIn(t, ORG.haidian, ['system_admin']);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t.close();
});

/** A free local port with nobody listening on it (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let serial = 0;
async function sendNotice(court: TestPartner): Promise<string> {
  serial += 1;
  const response = await court.signed('POST', '/api/partner/v1/criminal-notices', {
    institutionCaseNumber: `（2026）京0108刑初${7000 + serial}号`,
    stage: 'trial_first_instance',
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    defendant: { name: `被告${serial}`, detained: true, detentionPlace: '北京市海淀区看守所' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function courtWithReceiver(port?: number) {
  let secret = '';
  const receiver = await startCallbackReceiver({
    secret: () => secret,
    now: () => t.clock.now(),
    ...(port ? { port } : {}),
  });
  receivers.push(receiver);
  const court = await createTestPartner(t, {
    kind: 'court',
    callbackUrl: `${receiver.url}/fayuan/callbacks?court=1`,
  });
  secret = court.callbackSecret;
  return { court, receiver };
}

const eventsOf = (applicationId: string) =>
  t.deps.db
    .select({ kind: partnerEvents.kind, payload: partnerEvents.payload })
    .from(partnerEvents)
    .where(eq(partnerEvents.applicationId, applicationId))
    .orderBy(partnerEvents.seq);

describe('events for the organ that sent the case', () => {
  it('are written with the assignment, the change of handler and the accepted closing, and only for partner cases', async () => {
    const court = await createTestPartner(t, { kind: 'court' });
    const id = await sendNotice(court);
    const first = await buildPoolHandler(t, ORG.haidian, '郑律师', null);
    const assigned = await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: first.id,
      reason: '指定',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await eventsOf(id)).toMatchObject([
      {
        kind: 'handler_assigned',
        payload: { noticeId: id, status: 'assigned', handler: { name: '郑律师' } },
      },
    ]);
    // No phone in an unsealed row: the organ reads it through the signed status query.
    expect(JSON.stringify(await eventsOf(id))).not.toContain('phone');

    const changed = await director.session.post(`/api/v1/applications/${id}/assignment/change`, {
      reason: '承办律师身体原因',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const second = await buildPoolHandler(t, ORG.haidian, '王律师', null);
    const again = await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: second.id,
      reason: '更换后指派',
    });
    expect(again.statusCode, again.body).toBe(200);
    const accepted = await second.session.post(`/api/v1/applications/${id}/assignment/response`, {
      accept: true,
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    await submitClosing(second, id);
    const reviewed = await reviewer.session.post(`/api/v1/cases/${id}/closing/review`, { accept: true });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const kinds = (await eventsOf(id)).map((e) => e.kind);
    expect(kinds).toEqual(['handler_assigned', 'handler_changed', 'case_closed']);
    expect((await eventsOf(id))[1]).toMatchObject({
      payload: { status: 'handler_changed', handler: { name: '王律师' } },
    });
    // Without a callback URL nothing is queued: the partner pulls.
    const queued = await t.deps.db
      .select()
      .from(partnerDeliveries)
      .where(eq(partnerDeliveries.partnerId, court.partner.id));
    expect(queued).toEqual([]);

    // The pull endpoint pages through its own events with the cursor.
    const page1 = await court.signed('GET', '/api/partner/v1/events?limit=2');
    expect(page1.statusCode, page1.body).toBe(200);
    expect(page1.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'handler_assigned',
      'handler_changed',
    ]);
    const page2 = await court.signed('GET', `/api/partner/v1/events?after=${page1.json().nextCursor}`);
    expect(page2.json().events.map((e: { kind: string }) => e.kind)).toEqual(['case_closed']);
    const page3 = await court.signed('GET', `/api/partner/v1/events?after=${page2.json().nextCursor}`);
    expect(page3.json()).toEqual({ events: [], nextCursor: page2.json().nextCursor });
    // Another partner sees none of them.
    const other = await createTestPartner(t, { kind: 'court' });
    expect((await other.signed('GET', '/api/partner/v1/events')).json().events).toEqual([]);
    // Unsigned: refused.
    expect((await t.app.inject({ method: 'GET', url: '/api/partner/v1/events' })).statusCode).toBe(401);
  });

  it('are not written for a case taken in at the window', async () => {
    const before = await t.deps.db.select().from(partnerEvents);
    const lawyer = await buildHandler(t.deps, '钱律师');
    const paper = await director.session.post('/api/v1/criminal-notices', {
      institutionKind: 'court',
      institutionName: '北京市海淀区人民法院',
      stage: 'trial_first_instance',
      ground: 'life_or_death_sentence',
      charges: ['抢劫罪'],
      defendant: { name: '纸面被告' },
      detained: false,
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const assigned = await director.session.post(`/api/v1/applications/${paper.json().id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await t.deps.db.select().from(partnerEvents)).toHaveLength(before.length);
  });
});

describe('callbacks to the organ', () => {
  it('are delivered signed with Fayuan’s outbound key, once', async () => {
    const { court, receiver } = await courtWithReceiver();
    const id = await sendNotice(court);
    const lawyer = await buildHandler(t.deps, '孙律师');
    await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });
    expect(await dispatchPartnerCallbacks(t.deps)).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const [callback] = receiver.received;
    expect(callback!.keyId).toBe(court.callbackKeyId);
    expect(callback!.path).toBe('/fayuan/callbacks?court=1');
    expect(callback!.event).toMatchObject({ kind: 'handler_assigned', data: { noticeId: id } });
    // Nothing is sent twice.
    expect(await dispatchPartnerCallbacks(t.deps)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('reach a receiver that was down for a while, with back-off, exactly once', async () => {
    const port = await freePort();
    let secret = '';
    const court = await createTestPartner(t, {
      kind: 'court',
      callbackUrl: `http://127.0.0.1:${port}/callbacks`,
    });
    secret = court.callbackSecret;
    const id = await sendNotice(court);
    const lawyer = await buildHandler(t.deps, '李律师');
    await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });

    // Down: connection refused, the next attempt 1, then 2, then 4 minutes later.
    const delivery = async () =>
      (
        await t.deps.db
          .select()
          .from(partnerDeliveries)
          .where(eq(partnerDeliveries.partnerId, court.partner.id))
      )[0]!;
    const gaps: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      expect(await dispatchPartnerCallbacks(t.deps, { random: () => 0 })).toMatchObject({ retried: 1 });
      const row = await delivery();
      expect(row).toMatchObject({ status: 'pending', attempts: i + 1, lastError: 'ECONNREFUSED' });
      gaps.push(row.nextAttemptAt.getTime() - t.clock.now().getTime());
      // Not due yet: nothing is tried.
      expect(await dispatchPartnerCallbacks(t.deps)).toEqual({ delivered: 0, retried: 0, failed: 0 });
      t.clock.advance(gaps[i]!);
    }
    expect(gaps).toEqual([60_000, 120_000, 240_000]);

    // Up again on the same port.
    const receiver = await startCallbackReceiver({ secret: () => secret, port, now: () => t.clock.now() });
    receivers.push(receiver);
    expect(await dispatchPartnerCallbacks(t.deps)).toMatchObject({ delivered: 1 });
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 4, lastHttpStatus: 204 });
    expect(receiver.received.map((c) => c.event.kind)).toEqual(['handler_assigned']);
    expect(await dispatchPartnerCallbacks(t.deps)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    // The delivery log shows it to the administrator.
    const log = await admin.session.get(`/api/v1/partners/${court.partner.id}/deliveries`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toMatchObject([{ kind: 'handler_assigned', status: 'delivered', attempts: 4 }]);
  });

  it('are retried on an error answer, given up after the horizon, and sent again by a person', async () => {
    const { court, receiver } = await courtWithReceiver();
    const id = await sendNotice(court);
    const lawyer = await buildHandler(t.deps, '赵律师');
    await receiver.close();
    await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });
    let failed = 0;
    for (let i = 0; i < 40 && failed === 0; i += 1) {
      failed = (await dispatchPartnerCallbacks(t.deps, { random: () => 0 })).failed;
      t.clock.advance(3_600_000);
    }
    expect(failed).toBe(1);
    // The directors of the partner's centre hear of it (the bell).
    const alerts = await t.deps.db
      .select({ userId: staffAlerts.userId })
      .from(staffAlerts)
      .where(and(eq(staffAlerts.kind, 'partner_callback_failed'), eq(staffAlerts.applicationId, id)));
    expect(alerts.map((a) => a.userId)).toContain(director.id);
    // Sessions expire over a day and more: sign in again.
    admin = await signIn(t, ORG.haidian, ['system_admin']);
    director = await signIn(t, ORG.haidian, ['director']);
    const log = (await admin.session.get(`/api/v1/partners/${court.partner.id}/deliveries`)).json();
    expect(log.items[0]).toMatchObject({ status: 'failed', nextAttemptAt: null });
    // Roughly a day of attempts: 1, 2, 4 … 60 minutes apart.
    expect(log.items[0].attempts).toBeGreaterThan(20);
    expect(log.items[0].attempts).toBeLessThan(35);

    const retried = await admin.session.post(
      `/api/v1/partners/${court.partner.id}/deliveries/${log.items[0].id}/retry`,
      {},
    );
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending' });
    const twice = await admin.session.post(
      `/api/v1/partners/${court.partner.id}/deliveries/${log.items[0].id}/retry`,
      {},
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PARTNER_DELIVERY_NOT_FAILED');
  });

  it('are never sent twice by two dispatchers at once', async () => {
    const { court, receiver } = await courtWithReceiver();
    const id = await sendNotice(court);
    const lawyer = await buildHandler(t.deps, '冯律师');
    await director.session.post(`/api/v1/applications/${id}/assignment`, {
      handlerId: lawyer.id,
      reason: '指定',
    });
    const [a, b] = await Promise.all([dispatchPartnerCallbacks(t.deps), dispatchPartnerCallbacks(t.deps)]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('back off from 1 minute doubling to an hour, with at most a tenth of jitter', () => {
    expect([1, 2, 3, 7, 8, 20].map((n) => nextAttemptDelayMs(n, () => 0))).toEqual([
      60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(nextAttemptDelayMs(1, () => 0.999)).toBeLessThan(66_000);
  });
});
