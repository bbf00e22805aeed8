import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseClocks, staffAlerts } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerApplicant, signIn, takeIn, wageClaim } from '../applications/application-test-kit.ts';
import { sweepClocks } from '../applications/clock-watcher.ts';

/**
 * Issue 11 §2: a clock running into a year without a State Council notice counts the statutory
 * holidays (provisional); entering the notice recomputes it in the same transaction, with its
 * history and an audit row, and a reminder already sent is not sent again.
 */
let t: TestContext;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a clock into 2027, before and after the 2027 notice', () => {
  it('is provisional on the baseline, and is recomputed when the notice is entered', async () => {
    // The test clock starts on 2026-11-02 09:00 Beijing: move to 2026-12-25 10:00.
    t.clock.advance(53 * DAY + HOUR);
    const window = await signIn(t, ORG.dongcheng, ['window_staff']);
    const created = await takeIn(
      window,
      wageClaim(await registerApplicant(window), {
        materialsProvided: ['identity_document', 'integrity_pledge', 'case_materials'],
      }),
    );
    // Staff sign in again after each jump of the test clock (idle timeout).
    const clockOf = async (staff = window) =>
      (await staff.session.get(`/api/v1/applications/${created.id}`))
        .json()
        .clocks.find((c: { period: string }) => c.period === 'review_decision');
    // 7 days end on 2027-01-01 (元旦, statutory): moved over the weekend to Monday 01-04.
    expect(await clockOf()).toMatchObject({
      dueAt: '2027-01-04T15:59:59.999Z',
      provisional: true,
      provisionalYears: [2027],
      dueHistory: [],
    });

    // 2027-01-04 09:00: the reminder a day before goes out once.
    t.clock.advance(9 * DAY + 23 * HOUR);
    expect((await sweepClocks(t.deps)).reminders).toBeGreaterThanOrEqual(1);
    const remindersOf = async (clockId: string) =>
      (await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.clockId, clockId))).filter(
        (a) => a.kind === 'reminder',
      ).length;

    // A (test) 2027 notice that also rests on 01-04 and 01-05: the due moves to 01-06.
    const admin = await signIn(t, ORG.city, ['rule_admin']);
    const entered = await admin.session.post('/api/v1/calendar/years', {
      year: 2027,
      source: '测试用放假安排（非官方）',
      days: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05'].map((date) => ({
        date,
        kind: 'holiday',
        nameZh: '元旦',
        nameEn: "New Year's Day",
      })),
    });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json().recomputedClocks).toBeGreaterThanOrEqual(1);

    const after = await clockOf(await signIn(t, ORG.dongcheng, ['window_staff']));
    expect(after).toMatchObject({
      dueAt: '2027-01-06T15:59:59.999Z',
      provisional: false,
      provisionalYears: [],
    });
    expect(after.dueHistory).toEqual([
      expect.objectContaining({
        reason: 'calendar_year_entered',
        ref: '000000/2027',
        dueAtBefore: '2027-01-04T15:59:59.999Z',
        dueAtAfter: '2027-01-06T15:59:59.999Z',
        provisionalYearsBefore: [2027],
        provisionalYearsAfter: [],
      }),
    ]);
    const [row] = await t.deps.db.select().from(caseClocks).where(eq(caseClocks.id, after.id));
    expect(row?.ruleId).toBe('cn.period.review_decision.v1');
    const audit = await t.deps.pool.query(
      "SELECT changes FROM audit_events WHERE action = 'clock.recompute' AND entity_id = $1",
      [after.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].changes.dueAt).toEqual({
      before: '2027-01-04T15:59:59.999Z',
      after: '2027-01-06T15:59:59.999Z',
    });

    // The reminder already sent is not sent again for the moved due date (2027-01-05, a day before).
    const sent = await remindersOf(after.id);
    expect(sent).toBeGreaterThanOrEqual(1);
    t.clock.advance(DAY);
    expect((await sweepClocks(t.deps)).reminders).toBe(0);
    expect(await remindersOf(after.id)).toBe(sent);
  });
});
