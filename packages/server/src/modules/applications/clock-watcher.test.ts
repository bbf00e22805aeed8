import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications, caseClocks, staffAlerts } from '../../db/schema/index.ts';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import { deliver, registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';
import { sweepClocks } from './clock-watcher.ts';

let t: TestContext;
let window: Staff;
let director: Staff;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.dongcheng, ['window_staff']);
  director = await signIn(t, ORG.dongcheng, ['director']);
});
afterAll(() => t.close());

/** Staff sign in again after the test clock jumps past the idle timeout. */
async function freshStaff() {
  return {
    window: await signIn(t, ORG.dongcheng, ['window_staff']),
    director: await signIn(t, ORG.dongcheng, ['director']),
  };
}

describe('the clock watcher', () => {
  it('deems an application withdrawn when the supplement date passes (LAL art.43(2)), once', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, { materialsProvided: ['identity_document'] }),
    );
    const asked = await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {
      dueDate: '2026-11-05',
    });
    expect(asked.statusCode, asked.body).toBe(200);

    expect((await sweepClocks(t.deps)).deemedWithdrawn).toBe(0);
    t.clock.advance(4 * DAY); // 11-06 09:00, past 11-05 24:00
    const first = await sweepClocks(t.deps);
    expect(first.deemedWithdrawn).toBeGreaterThanOrEqual(1);
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row?.state).toBe('withdrawn');
    expect((await sweepClocks(t.deps)).deemedWithdrawn).toBe(0);

    const staff = await freshStaff();
    const detail = (await staff.window.session.get(`/api/v1/applications/${created.id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({
      event: 'supplement_overdue',
      actorKind: 'scheduler',
      toState: 'withdrawn',
      citation: 'LAL art.43(2)',
    });
    expect(detail.clocks.every((c: { status: string }) => c.status === 'stopped')).toBe(true);
    t.clock.advance(-4 * DAY);
  });

  it('reminds a day before the review deadline and alerts once it has passed, to the owner and directors', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, {
        materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
      }),
    );
    // Due 11-09 24:00. On 11-09 09:00 a reminder; on 11-10 09:00 an overdue alert.
    t.clock.advance(7 * DAY);
    const reminded = await sweepClocks(t.deps);
    expect(reminded.reminders).toBeGreaterThanOrEqual(1);
    expect((await sweepClocks(t.deps)).reminders).toBe(0);
    t.clock.advance(DAY);
    expect((await sweepClocks(t.deps)).overdue).toBeGreaterThanOrEqual(1);

    const staff = await freshStaff();
    // The new director sees nothing: alerts went to the directors on duty when they were raised.
    expect((await staff.director.session.get('/api/v1/alerts')).json().items).toEqual([]);
    t.clock.advance(-8 * DAY);
    const alerts = (await director.session.get('/api/v1/alerts'))
      .json()
      .items.filter((a: { application: { id: string } }) => a.application.id === created.id);
    expect(alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(['overdue', 'reminder']);
    expect(alerts[0]).toMatchObject({ period: 'review_decision', application: { number: created.number } });
    const mine = (await window.session.get('/api/v1/alerts?unread=true')).json().items;
    expect(mine.filter((a: { application: { id: string } }) => a.application.id === created.id)).toHaveLength(
      2,
    );
    const read = await window.session.post(`/api/v1/alerts/${mine[0].id}/read`);
    expect(read.statusCode).toBe(204);
    expect((await window.session.get('/api/v1/alerts?unread=true')).json().items).toHaveLength(
      mine.length - 1,
    );
    const notMine = await director.session.post(`/api/v1/alerts/${mine[1].id}/read`);
    expect(notMine.statusCode).toBe(404);
  });

  it('alerts the justice bureau when an objection is not decided within its 5 days (LAL art.49)', async () => {
    const reviewer = await signIn(t, ORG.dongcheng, ['reviewer']);
    const supervisor = await signIn(t, ORG.bureau, ['supervisor']);
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
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
    // Five days from 11-02 end on Saturday 11-07, so the period runs to Monday 11-09 (民法典 art.203).
    t.clock.advance(6 * DAY);
    expect((await sweepClocks(t.deps)).overdue).toBe(0);
    t.clock.advance(2 * DAY);
    expect((await sweepClocks(t.deps)).overdue).toBeGreaterThanOrEqual(1);
    t.clock.advance(-8 * DAY);
    const alerts = (await supervisor.session.get('/api/v1/alerts')).json().items;
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'overdue',
        period: 'objection_review',
        application: expect.objectContaining({ id: created.id }),
      }),
    );
  });

  it('closes an objection period nobody used at its due time, with no alert to staff (LAL art.49)', async () => {
    const reviewer = await signIn(t, ORG.dongcheng, ['reviewer']);
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
    const refused = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'refuse',
      reasons: [{ code: 'no_hardship', citation: 'LAL art.34' }],
    });
    expect(refused.statusCode, refused.body).toBe(200);
    // The period runs from delivery (BJR art.24): until it is recorded there is nothing to close.
    expect((await sweepClocks(t.deps)).lapsed).toBe(0);
    const today = refused.json().decidedAt.slice(0, 10);
    expect((await deliver(window, created.id, 'refusal_decision', today, 'in_person')).statusCode).toBe(200);
    const filing = async () =>
      (await t.deps.db.select().from(caseClocks).where(eq(caseClocks.applicationId, created.id))).find(
        (c) => c.period === 'objection_filing',
      )!;
    const { dueAt } = await filing();
    const start = t.clock.now().getTime();
    try {
      // A day before the end: no reminder to staff (it is the applicant's period).
      t.clock.advance(dueAt.getTime() - start - 12 * HOUR);
      expect(await sweepClocks(t.deps)).toMatchObject({ lapsed: 0, reminders: 0 });
      t.clock.advance(13 * HOUR);
      const swept = await sweepClocks(t.deps);
      expect(swept).toMatchObject({ lapsed: 1, overdue: 0 });
      expect(await filing()).toMatchObject({ status: 'stopped', stoppedAt: dueAt });
      const [app] = await t.deps.db.select().from(applications).where(eq(applications.id, created.id));
      expect(app?.nextDueAt).toBeNull();
      const alerts = await t.deps.db
        .select()
        .from(staffAlerts)
        .where(eq(staffAlerts.applicationId, created.id));
      expect(alerts).toEqual([]);
      // Ended, the refusal can be filed (LAL art.43; art.49).
      const staff = await freshStaff();
      const archived = await staff.director.session.post(`/api/v1/cases/${created.id}/archive`);
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json().snapshot.application.state).toBe('archived');
    } finally {
      t.clock.advance(start - t.clock.now().getTime());
    }
  });

  it('alerts when the formalities of aid given in advance are overdue (LAL art.44(2))', async () => {
    const handler = await buildHandler(t.deps, '孙律师', { organisationId: ORG.dongcheng });
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const given = await director.session.post(`/api/v1/applications/${created.id}/provisional-aid`, {
      ground: 'urgent_preservation',
      handlerId: handler.id,
      formalitiesDueDate: '2026-11-04',
    });
    expect(given.statusCode, given.body).toBe(200);
    t.clock.advance(3 * DAY);
    const swept = await sweepClocks(t.deps);
    t.clock.advance(-3 * DAY);
    expect(swept.deemedWithdrawn).toBe(0);
    const alerts = (await director.session.get('/api/v1/alerts')).json().items;
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'overdue',
        period: 'supplement',
        application: expect.objectContaining({ id: created.id }),
      }),
    );
  });

  it('reports the on-time rate of review decisions in scope', async () => {
    const before = (await director.session.get('/api/v1/applications/stats/on-time')).json();
    expect(before.period).toBe('review_decision');
    const applicantId = await registerApplicant(window);
    await takeIn(window, wageClaim(applicantId));
    const after = (await director.session.get('/api/v1/applications/stats/on-time')).json();
    expect(after.running).toBe(before.running + 1);
    t.clock.advance(8 * DAY);
    const later = (
      await (await freshStaff()).director.session.get('/api/v1/applications/stats/on-time')
    ).json();
    t.clock.advance(-8 * DAY);
    expect(later.overdue).toBeGreaterThanOrEqual(after.overdue + 1);
    expect(later.rate).toBe(later.onTime / (later.onTime + later.late + later.overdue));
    const other = await signIn(t, ORG.haidian, ['director']);
    const elsewhere = (await other.session.get('/api/v1/applications/stats/on-time')).json();
    expect(elsewhere).toMatchObject({ onTime: 0, late: 0, running: 0, overdue: 0, rate: null });
  });
});

describe('pg-boss schedule', () => {
  it('runs the sweep as a job on the application database', async () => {
    let runs = 0;
    const jobs = await startJobs(
      t.deps.config.databaseUrl ?? '',
      [
        {
          name: 'clock-sweep',
          cron: '0 3 1 1 *',
          run: async () => {
            runs += 1;
            await sweepClocks(t.deps);
          },
        },
      ],
      () => undefined,
    );
    try {
      expect(await jobs.trigger('clock-sweep')).toMatch(/.+/);
      const deadline = Date.now() + 20_000;
      while (runs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(runs).toBe(1);
    } finally {
      await jobs.stop();
    }
  });
});

describe('reference and settings', () => {
  it('lists materials, refusal reasons and flags in force with their citations', async () => {
    const ref = (await window.session.get('/api/v1/applications/reference')).json();
    expect(ref.materials.map((m: { code: string }) => m.code)).toContain('integrity_pledge');
    expect(ref.refusalReasons).toContainEqual(
      expect.objectContaining({ code: 'out_of_scope', citation: 'LAL art.31' }),
    );
    expect(ref.reviewFlags.map((f: { citation: string }) => f.citation)).toEqual(
      expect.arrayContaining(['BJR art.22', 'BJR art.23', 'LAL art.39']),
    );
    expect(ref.provisionalGrounds).toContainEqual({
      code: 'limitation_period_expiring',
      citation: 'LAL art.44(1)',
    });
  });

  it('lets the director set the approval step; a clerk may read but not change it', async () => {
    const url = `/api/v1/centre-settings/${ORG.dongcheng}`;
    expect((await window.session.get(url)).json()).toEqual({
      organisationId: ORG.dongcheng,
      decisionRequiresApproval: false,
      supplementDays: 15,
      archiveRetentionYears: 30,
      hearingReminderHours: 24,
    });
    const denied = await window.session.request({
      method: 'PUT',
      url,
      payload: { decisionRequiresApproval: true, supplementDays: 10 },
    });
    expect(denied.statusCode).toBe(403);
    const set = await director.session.request({
      method: 'PUT',
      url,
      payload: { decisionRequiresApproval: true, supplementDays: 10 },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await window.session.get(url)).json().supplementDays).toBe(10);
    const elsewhere = await director.session.request({
      method: 'PUT',
      url: `/api/v1/centre-settings/${ORG.haidian}`,
      payload: { decisionRequiresApproval: true, supplementDays: 10 },
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
