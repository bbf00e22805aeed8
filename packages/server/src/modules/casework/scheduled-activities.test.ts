import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { staffAlerts } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';
import { auditActions, caseInProgress, handler, type HandlerLogin } from './casework-test-kit.ts';

let t: TestContext;
let window: Staff;
let director: Staff;
let chaoyangDirector: Staff;
let handlerA: HandlerLogin;
let handlerB: HandlerLogin;

const HOUR = 3_600_000;
const inProgress = (name: string) => caseInProgress({ window, director, lawyer: handlerA }, name);
/** A time `hours` from the test clock's now. */
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
const hearing = (at: string, scheduled = true) => ({
  kind: 'hearing',
  occurredAt: at,
  place: '海淀区人民法院第三法庭',
  summary: '开庭审理，出庭辩护。',
  scheduled,
});
const remindersOf = (activityId: string) =>
  t.deps.db
    .select()
    .from(staffAlerts)
    .where(and(eq(staffAlerts.activityId, activityId), eq(staffAlerts.kind, 'hearing_reminder')));

beforeAll(async () => {
  // The clock moves hours ahead here: sessions outlive it.
  t = await startTestApp({ sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 });
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  handlerA = await handler(t, '钱律师');
  handlerB = await handler(t, '孙律师');
});
afterAll(() => t.close());

describe('scheduled activities (安排)', () => {
  it('takes a future time only for an activity scheduled ahead, and only for kinds that can be planned', async () => {
    const id = await inProgress('小林');
    const url = `/api/v1/cases/${id}/activities`;
    const scheduled = await handlerA.session.post(url, hearing(inHours(48)));
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    expect(scheduled.json()).toMatchObject({ kind: 'hearing', status: 'scheduled', outcome: null });

    const unplanned = await handlerA.session.post(url, hearing(inHours(48), false));
    expect(unplanned.statusCode).toBe(400);
    expect(unplanned.json().error.code).toBe('CASEWORK_ACTIVITY_IN_FUTURE');

    const past = await handlerA.session.post(url, hearing(inHours(-2)));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('CASEWORK_SCHEDULE_IN_PAST');

    const agreement = await handlerA.session.post(url, {
      ...hearing(inHours(24)),
      kind: 'agreement_signed',
    });
    expect(agreement.statusCode).toBe(400);
    expect(agreement.json().error.code).toBe('CASEWORK_ACTIVITY_NOT_SCHEDULABLE');

    // Recorded after the fact, as before: done.
    const done = await handlerA.session.post(url, hearing(inHours(-2), false));
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().status).toBe('done');
  });

  it('is marked held once its time has come, or not held with a reason, once', async () => {
    const id = await inProgress('小周');
    const url = `/api/v1/cases/${id}/activities`;
    const first = (await handlerA.session.post(url, hearing(inHours(3)))).json();
    const second = (await handlerA.session.post(url, hearing(inHours(5)))).json();
    const outcome = (activityId: string) => `${url}/${activityId}/outcome`;

    const early = await handlerA.session.post(outcome(first.id), { held: true, outcome: '已开庭' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASEWORK_ACTIVITY_NOT_YET_DUE');
    // Another handler, or the centre, cannot settle the handler's record.
    expect(
      (await handlerB.session.post(outcome(first.id), { held: false, outcome: '法院延期' })).statusCode,
    ).toBe(404);
    expect(
      (await director.session.post(outcome(first.id), { held: false, outcome: '法院延期' })).statusCode,
    ).toBe(404);

    // Not held: at any time, with the reason.
    const postponed = await handlerA.session.post(outcome(second.id), {
      held: false,
      outcome: '法院通知延期开庭',
    });
    expect(postponed.statusCode, postponed.body).toBe(200);
    expect(postponed.json()).toMatchObject({ status: 'not_held', outcome: '法院通知延期开庭' });

    t.clock.advance(4 * HOUR);
    const held = await handlerA.session.post(outcome(first.id), {
      held: true,
      outcome: '庭审结束，发表辩护意见。',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', outcome: '庭审结束，发表辩护意见。' });
    const again = await handlerA.session.post(outcome(first.id), { held: false, outcome: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASEWORK_ACTIVITY_NOT_SCHEDULED');
    expect(await auditActions(t, id)).toContain('case_activity.settle');
  });

  it('reminds the handler of a hearing within the lead time, once; a hearing not held is not reminded', async () => {
    const id = await inProgress('小吴');
    const url = `/api/v1/cases/${id}/activities`;
    const later = (await handlerA.session.post(url, hearing(inHours(30)))).json();
    const cancelled = (await handlerA.session.post(url, hearing(inHours(20)))).json();
    await handlerA.session.post(`${url}/${cancelled.id}/outcome`, { held: false, outcome: '撤诉' });

    await sweepClocks(t.deps);
    expect(await remindersOf(later.id)).toHaveLength(0);
    expect(await remindersOf(cancelled.id)).toHaveLength(0);

    t.clock.advance(7 * HOUR); // 23 hours ahead: inside the default 24
    await sweepClocks(t.deps);
    await sweepClocks(t.deps);
    const reminders = await remindersOf(later.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ userId: handlerA.userId, applicationId: id });
    expect(await remindersOf(cancelled.id)).toHaveLength(0);

    const bell = (await handlerA.session.get('/api/v1/alerts?unread=true')).json();
    expect(bell.items).toContainEqual(
      expect.objectContaining({
        kind: 'hearing_reminder',
        application: expect.objectContaining({ id }),
        activity: expect.objectContaining({ id: later.id, kind: 'hearing' }),
      }),
    );
  });

  it('takes the lead time from the centre setting', async () => {
    const settings = `/api/v1/centre-settings/${ORG.haidian}`;
    const set = await director.session.request({
      method: 'PUT',
      url: settings,
      payload: {
        decisionRequiresApproval: false,
        supplementDays: 15,
        hearingReminderHours: 72,
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().hearingReminderHours).toBe(72);
    const id = await inProgress('小郑');
    const soon = (await handlerA.session.post(`/api/v1/cases/${id}/activities`, hearing(inHours(60)))).json();
    await sweepClocks(t.deps);
    expect(await remindersOf(soon.id)).toHaveLength(1);
    await director.session.request({
      method: 'PUT',
      url: settings,
      payload: {
        decisionRequiresApproval: false,
        supplementDays: 15,
        hearingReminderHours: 24,
      },
    });
  });

  it('shows the hearings in the handler’s calendar and the centre’s, not another district’s', async () => {
    const id = await inProgress('小冯');
    const at = inHours(50);
    const created = (await handlerA.session.post(`/api/v1/cases/${id}/activities`, hearing(at))).json();
    const day = new Date(new Date(at).getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const range = `from=${day}&to=${day}`;

    const mine = await handlerA.session.get(`/api/v1/hearings?${range}&mine=true`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(
      (await handlerB.session.get(`/api/v1/hearings?${range}&mine=true`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(created.id);

    const centre = await director.session.get(`/api/v1/hearings?${range}`);
    expect(centre.statusCode, centre.body).toBe(200);
    expect(centre.json().items).toContainEqual(
      expect.objectContaining({ id: created.id, status: 'scheduled', handlerName: '钱律师' }),
    );
    expect(
      (await chaoyangDirector.session.get(`/api/v1/hearings?${range}`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(created.id);
    // A handler has no centre calendar; a range over two months is refused.
    expect((await handlerA.session.get(`/api/v1/hearings?${range}`)).statusCode).toBe(403);
    expect((await director.session.get('/api/v1/hearings?from=2026-01-01&to=2026-06-01')).statusCode).toBe(
      400,
    );
  });
});
