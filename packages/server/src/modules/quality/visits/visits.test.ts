import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { followUpVisits, outboxMessages } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';
import { buildPoolHandler, closedCase, type PoolHandler } from '../closed-case-kit.ts';

let t: TestContext;
let staff: { window: Staff; director: Staff; reviewer: Staff };
let chaoyangDirector: Staff;
let lawyer: PoolHandler;
const cases: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  staff = {
    window: await signIn(t, ORG.haidian, ['window_staff']),
    director: await signIn(t, ORG.haidian, ['director']),
    reviewer: await signIn(t, ORG.haidian, ['reviewer']),
  };
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  lawyer = await buildPoolHandler(t, ORG.haidian, '郑律师', null);
  for (const name of ['冯某', '陈某', '褚某']) cases.push(await closedCase(staff, lawyer, name));
});
afterAll(() => t.close());

const today = () => beijingDateOf(t.clock.now());
const plan = (body: Record<string, unknown>) =>
  staff.director.session.post('/api/v1/quality/visit-plans', {
    closedFrom: today(),
    closedTo: today(),
    afterDays: 7,
    method: 'phone',
    ...body,
  });

interface Visit {
  id: string;
  applicationId: string;
  status: string;
  dueOn: string;
}

describe('follow-up visits (回访)', () => {
  it('draws the same cases from the same seed, records the seed, and never plans a case twice', async () => {
    const first = await plan({ perMille: 500, seed: 'visits-2026-12' });
    expect(first.statusCode, first.body).toBe(201);
    // 3 closed cases of one handler, half of them: ceil(1.5) = 2.
    expect(first.json()).toMatchObject({ seed: 'visits-2026-12', population: 3, visits: 2 });
    const planned = await t.deps.db
      .select()
      .from(followUpVisits)
      .where(eq(followUpVisits.planId, first.json().planId));
    const drawn = planned.map((v) => v.applicationId).sort();
    // The same seed over the same cases, in a fresh plan once these are undone, draws the same ones.
    await t.deps.db.delete(followUpVisits).where(eq(followUpVisits.planId, first.json().planId));
    const again = await plan({ perMille: 500, seed: 'visits-2026-12' });
    const redrawn = (
      await t.deps.db.select().from(followUpVisits).where(eq(followUpVisits.planId, again.json().planId))
    )
      .map((v) => v.applicationId)
      .sort();
    expect(redrawn).toEqual(drawn);
    // The third case is still unplanned; a plan of every case takes only it.
    const rest = await plan({ perMille: 1000 });
    expect(rest.json()).toMatchObject({ population: 1, visits: 1 });
    expect(rest.json().seed).toMatch(/^[0-9a-f]{24}$/);
    const list = (await staff.director.session.get('/api/v1/quality/visits')).json<{ items: Visit[] }>();
    expect(list.items.map((v) => v.applicationId).sort()).toEqual([...cases].sort());
    expect(list.items[0]?.dueOn).toBe(
      new Date(Date.parse(`${today()}T00:00:00+08:00`) + 7 * 86_400_000 + 8 * 3_600_000)
        .toISOString()
        .slice(0, 10),
    );
  });

  it('a call with satisfaction 2 opens a review; a district sees only its own', async () => {
    const visits = (await staff.director.session.get('/api/v1/quality/visits')).json<{ items: Visit[] }>()
      .items;
    const visit = visits[0]!;
    const detail = await staff.director.session.get(`/api/v1/quality/visits/${visit.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const script = detail.json().script.map((q: { code: string }) => q.code);
    expect(script).toEqual(['contacted_promptly', 'informed_of_progress', 'asked_for_money', 'suggestions']);
    expect((await chaoyangDirector.session.get(`/api/v1/quality/visits/${visit.id}`)).statusCode).toBe(404);

    const incomplete = await staff.director.session.post(`/api/v1/quality/visits/${visit.id}/record`, {
      reached: true,
      answers: { contacted_promptly: 'yes' },
      satisfaction: 2,
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('VISIT_ANSWERS_INVALID');

    const recorded = await staff.director.session.post(`/api/v1/quality/visits/${visit.id}/record`, {
      reached: true,
      answers: { contacted_promptly: 'yes', informed_of_progress: 'no', asked_for_money: 'no' },
      satisfaction: 2,
      comment: '律师很少联系我。',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const reviewId = recorded.json().reviewId;
    expect(reviewId).toEqual(expect.any(String));
    const reviews = (await staff.director.session.get('/api/v1/quality/reviews')).json().items;
    expect(reviews.find((r: { id: string }) => r.id === reviewId)).toMatchObject({
      source: 'visit',
      satisfaction: 2,
      reasons: [
        { code: 'dissatisfied', nameZh: '不满意', nameEn: 'Dissatisfied' },
        expect.objectContaining({ code: 'informed_of_progress', nameZh: '办理过程中是否向您告知案件进展？' }),
      ],
      status: 'open',
    });
    expect((await chaoyangDirector.session.get('/api/v1/quality/reviews')).json().items).toEqual([]);
    const again = await staff.director.session.post(`/api/v1/quality/visits/${visit.id}/record`, {
      reached: false,
    });
    expect(again.json().error.code).toBe('VISIT_ALREADY_RECORDED');
    const closed = await staff.director.session.post(`/api/v1/quality/reviews/${reviewId}/close`, {
      resolution: '已约谈承办律师，要求每月告知进展。',
    });
    expect(closed.statusCode, closed.body).toBe(204);
    // The handler's record counts the satisfaction.
    const record = (await staff.director.session.get(`/api/v1/handlers/${lawyer.id}`)).json().track.quality;
    expect(record).toMatchObject({ satisfaction: 2, ratings: 1 });
  });

  it('an SMS survey goes to the recipient and says nothing of the case but its number', async () => {
    const visits = (await staff.director.session.get('/api/v1/quality/visits?status=planned')).json<{
      items: Visit[];
    }>().items;
    const visit = visits[0]!;
    const sent = await staff.director.session.post(`/api/v1/quality/visits/${visit.id}/survey`, {});
    expect(sent.statusCode, sent.body).toBe(204);
    const [sms] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.entityId, visit.id));
    expect(sms).toMatchObject({ template: 'visit_survey', status: expect.any(String) });
  });
});
