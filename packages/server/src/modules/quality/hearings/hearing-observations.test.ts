import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { hearingObservations, staffAlerts } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';
import {
  auditActions,
  caseInProgress,
  handler,
  type HandlerLogin,
} from '../../casework/casework-test-kit.ts';

let t: TestContext;
let window: Staff;
let director: Staff;
let reviewer: Staff;
let chaoyangDirector: Staff;
let lawyer: HandlerLogin;

const HOUR = 3_600_000;
const base = '/api/v1/quality/hearing-observations';
const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

/** A case in progress with a hearing scheduled `hours` ahead by its handler; the activity id. */
async function scheduledHearing(defendant: string, hours: number): Promise<string> {
  const id = await caseInProgress({ window, director, lawyer }, defendant);
  const created = await lawyer.session.post(`/api/v1/cases/${id}/activities`, {
    kind: 'hearing',
    occurredAt: inHours(hours),
    place: '海淀区人民法院第三法庭',
    summary: '开庭审理，出庭辩护。',
    scheduled: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

interface Upcoming {
  activityId: string;
  observation: { id: string; status: string } | null;
}

beforeAll(async () => {
  // The clock moves past the hearing: sessions outlive it.
  t = await startTestApp({ sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 });
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  lawyer = await handler(t, '卫律师');
});
afterAll(() => t.close());

const full = {
  preparation: 5,
  courtroom_conduct: 5,
  evidence: 3,
  questioning: 5,
  argument: 5,
  application_of_law: 5,
  client_rights: 5,
};

describe('hearing observation (庭审旁听)', () => {
  it('schedules, scores, takes the handler’s reply and closes; the score counts on the handler’s record', async () => {
    const activityId = await scheduledHearing('蒋某', 2);
    const upcoming = (await director.session.get(`${base}/upcoming-hearings`)).json<{ items: Upcoming[] }>();
    expect(upcoming.items.find((h) => h.activityId === activityId)).toMatchObject({ observation: null });
    const observers = (await director.session.get(`${base}/observers`)).json().items;
    expect(observers.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([reviewer.id]));

    const key = { 'idempotency-key': `observe-${activityId}` };
    const scheduled = await director.session.post(base, { activityId, observerId: reviewer.id }, key);
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const { id } = scheduled.json();
    const replayed = await director.session.post(base, { activityId, observerId: reviewer.id }, key);
    expect(replayed.headers['idempotency-replayed']).toBe('true');
    expect(replayed.json().id).toBe(id);
    const twice = await director.session.post(base, { activityId, observerId: reviewer.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('HEARING_OBSERVATION_EXISTS');
    const notObserver = await director.session.post(base, { activityId, observerId: lawyer.userId });
    expect(notObserver.json().error.code).toBe('HEARING_OBSERVER_INVALID');

    // Not before the hearing has begun.
    const early = await reviewer.session.post(`${base}/${id}/record`, {
      scores: full,
      findings: '—',
      version: 1,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('HEARING_NOT_YET_HELD');
    t.clock.advance(3 * HOUR);

    const detail = await reviewer.session.get(`${base}/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().sheet).toHaveLength(7);
    expect(detail.json().sheet[0]).toMatchObject({
      code: 'preparation',
      weight: 15,
      maxScore: 5,
      score: null,
    });

    const unknown = await reviewer.session.post(`${base}/${id}/record`, {
      scores: { ...full, charm: 5 },
      findings: '—',
      version: 1,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('HEARING_SCORES_INVALID');
    const stale = await reviewer.session.post(`${base}/${id}/record`, {
      scores: full,
      findings: '—',
      version: 4,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('HEARING_OBSERVATION_STALE');

    const recorded = await reviewer.session.post(`${base}/${id}/record`, {
      scores: full,
      findings: '质证意见准备不足，对关键证据的质证未能展开。',
      version: 1,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // Evidence (weight 20) at 3 of 5, the rest full: 100 − 8.
    expect(recorded.json()).toEqual({ version: 2, totalScore: 92 });
    const [row] = await t.deps.db.select().from(hearingObservations).where(eq(hearingObservations.id, id));
    expect(row?.ruleIds).toHaveLength(7);
    expect(row?.ruleIds).toContain('bj.hearing_observation_item.evidence.v1');
    expect(row?.scores?.find((s) => s.code === 'evidence')).toMatchObject({ score: 3, weight: 20 });

    // The handler's bell, and the findings on 我的案件.
    const bell = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, lawyer.userId), eq(staffAlerts.kind, 'observation_findings')));
    expect(bell).toHaveLength(1);
    const mine = (await lawyer.session.get('/api/v1/my-hearing-observations')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id,
        status: 'observed',
        totalScore: 92,
        findings: expect.stringContaining('质证'),
      }),
    ]);
    // Only the handler of the hearing replies, and at the version they saw.
    const byDirector = await director.session.post(`${base}/${id}/reply`, { text: '—', version: 2 });
    expect(byDirector.statusCode).toBe(404);
    const staleReply = await lawyer.session.post(`${base}/${id}/reply`, { text: '—', version: 1 });
    expect(staleReply.json().error.code).toBe('HEARING_OBSERVATION_STALE');
    const replied = await lawyer.session.post(`${base}/${id}/reply`, {
      text: '已补充质证提纲，下次庭审前提交中心审阅。',
      version: 2,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().items[0]).toMatchObject({ status: 'replied', version: 3 });

    const closed = await reviewer.session.post(`${base}/${id}/close`, { note: '答复可行。', version: 3 });
    expect(closed.statusCode, closed.body).toBe(204);
    const again = await reviewer.session.post(`${base}/${id}/close`, { version: 4 });
    expect(again.json().error.code).toBe('HEARING_OBSERVATION_STEP_NOT_OPEN');

    const record = (await director.session.get(`/api/v1/handlers/${lawyer.id}`)).json().track.quality;
    expect(record).toMatchObject({ observationScore: 92, observations: 1 });
    expect(await auditActions(t, id)).toEqual(
      expect.arrayContaining([
        'hearing_observation.schedule',
        'hearing_observations.read',
        'hearing_observation.record',
        'hearing_observation.reply',
        'hearing_observation.close',
      ]),
    );
  });

  it('a district sees only its own; a cancelled observation frees the hearing for another', async () => {
    const activityId = await scheduledHearing('韩某', 24);
    expect(
      (await chaoyangDirector.session.get(`${base}/upcoming-hearings`))
        .json<{ items: Upcoming[] }>()
        .items.some((h) => h.activityId === activityId),
    ).toBe(false);
    const refused = await chaoyangDirector.session.post(base, {
      activityId,
      observerId: chaoyangDirector.id,
    });
    expect(refused.statusCode).toBe(404);
    const scheduled = await director.session.post(base, { activityId, observerId: director.id });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const { id } = scheduled.json();
    expect((await chaoyangDirector.session.get(`${base}/${id}`)).statusCode).toBe(404);
    expect((await chaoyangDirector.session.get(base)).json().items).toEqual([]);
    expect(
      (await chaoyangDirector.session.post(`${base}/${id}/cancel`, { note: '—', version: 1 })).statusCode,
    ).toBe(404);
    expect((await director.session.get(base)).json().items.map((o: { id: string }) => o.id)).toContain(id);

    const cancelled = await director.session.post(`${base}/${id}/cancel`, {
      note: '法院通知延期开庭。',
      version: 1,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    const upcoming = (await director.session.get(`${base}/upcoming-hearings`)).json<{ items: Upcoming[] }>();
    expect(upcoming.items.find((h) => h.activityId === activityId)).toMatchObject({ observation: null });
    const rescheduled = await director.session.post(base, { activityId, observerId: reviewer.id });
    expect(rescheduled.statusCode, rescheduled.body).toBe(201);
  });

  it('is for those who may observe: a handler cannot list or schedule', async () => {
    expect((await lawyer.session.get(`${base}/upcoming-hearings`)).statusCode).toBe(403);
    expect((await window.session.get(base)).statusCode).toBe(403);
  });
});
