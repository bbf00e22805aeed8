import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dutyRosters, dutySlots, handlerConflicts, handlers, staffAlerts } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { Session } from '../../../test/harness.ts';
import { PASSWORD } from '../../../test/factories.ts';
import { buildStation } from './duty-test-kit.ts';

// The test clock starts on Monday 2026-11-02, 09:00 Beijing.
const WEEK = '2026-11-02';
const LAST_WEEK = '2026-10-26';

let t: TestContext;
let director: Staff;
let chaoyangDirector: Staff;
let station: { id: string; name: string };
let other: { id: string; name: string };
const lawyers: Record<string, { id: string; name: string; session: Session }> = {};

interface PreviewSlot {
  date: string;
  shift: string;
  handler: { id: string; name: string } | null;
  reasons: { code: string; blocking: boolean; citation?: string }[];
  excluded: { handler: { id: string; name: string }; reasons: { code: string; citation?: string }[] }[];
}

async function lawyer(key: string, name: string, overrides: Parameters<typeof buildHandler>[2] = {}) {
  const h = await buildHandler(t.deps, name, { organisationId: ORG.haidian, ...overrides });
  const session = new Session(t.app);
  expect((await session.login(h.user.username, PASSWORD)).statusCode).toBe(200);
  lawyers[key] = { id: h.id, name, session };
}

/** Duties held elsewhere, straight into a roster of another station. */
async function holdDuties(handlerId: string, stationId: string, weekStart: string, dates: string[]) {
  let [roster] = await t.deps.db
    .select()
    .from(dutyRosters)
    .where(and(eq(dutyRosters.stationOrgId, stationId), eq(dutyRosters.weekStart, weekStart)));
  if (!roster) {
    roster = {
      id: randomUUID(),
      stationOrgId: stationId,
      weekStart,
      confirmedBy: director.id,
      confirmedAt: new Date(),
    };
    await t.deps.db.insert(dutyRosters).values(roster);
  }
  for (const date of dates)
    await t.deps.db.insert(dutySlots).values({
      id: randomUUID(),
      rosterId: roster.id,
      stationOrgId: stationId,
      date,
      shift: 'day',
      startsAt: new Date(`${date}T09:00:00+08:00`),
      endsAt: new Date(`${date}T17:00:00+08:00`),
      handlerId,
    });
}

const preview = async (stationId = station.id, session = director.session) =>
  session.post('/api/v1/duty/rosters/preview', { stationId, weekStart: WEEK });

beforeAll(async () => {
  t = await startTestApp();
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  station = await buildStation(t, ORG.haidian, {
    name: '海淀法院法律援助工作站',
    host: '北京市海淀区人民法院',
  });
  other = await buildStation(t, ORG.haidian, {
    name: '海淀看守所法律援助工作站',
    kind: 'detention_centre_station',
    host: '北京市海淀区看守所',
  });
  await lawyer('a', '安律师');
  await lawyer('b', '白律师');
  await lawyer('c', '曹律师');
  await lawyer('d', '丁律师');
  await lawyer('suspended', '停律师', { status: 'suspended' });
  await lawyer('volunteer', '基层法律服务工作者', { kind: 'grassroots_worker' });
  await lawyer('related', '回避律师');
  await lawyer('busy', '忙律师');
  await t.deps.db.insert(handlerConflicts).values({
    id: randomUUID(),
    handlerId: lawyers.related!.id,
    kind: 'relation',
    partyName: '北京市海淀区人民法院',
    note: '配偶在该院工作',
    recordedAt: new Date(),
  });
  // 忙律师 already holds three duties this week at the detention centre: the week's capacity (3).
  await holdDuties(lawyers.busy!.id, other.id, WEEK, ['2026-11-03', '2026-11-04', '2026-11-05']);
  // 安律师 served twice last week: fair rotation puts the others first.
  await holdDuties(lawyers.a!.id, other.id, LAST_WEEK, ['2026-10-27', '2026-10-28']);
});
afterAll(() => t.close());

describe('duty roster (值班排班): built by the rules (LAL art.14; 律师法 art.39; centre capacity)', () => {
  it('never rosters an inactive, unqualified, conflicted or over-capacity handler, and says why', async () => {
    const response = await preview();
    expect(response.statusCode, response.body).toBe(200);
    const slots = response.json().slots as PreviewSlot[];
    expect(slots).toHaveLength(10);
    const picked = new Set(slots.map((s) => s.handler?.id));
    for (const key of ['suspended', 'volunteer', 'related', 'busy'])
      expect(picked.has(lawyers[key]!.id)).toBe(false);
    const why = (key: string) =>
      slots[0]!.excluded.find((e) => e.handler.id === lawyers[key]!.id)?.reasons.map((r) => r.code);
    expect(why('suspended')).toEqual(['HANDLER_SUSPENDED']);
    expect(why('volunteer')).toEqual(['QUALIFICATION_NOT_MET']);
    expect(slots[0]!.excluded.find((e) => e.handler.id === lawyers.volunteer!.id)?.reasons[0]?.citation).toBe(
      'LAL art.14',
    );
    expect(why('related')).toEqual(['DUTY_CONFLICT_HOST']);
    expect(why('busy')).toEqual(['DUTY_WEEK_FULL']);
    // Every pick carries the rules it passed and why it came first.
    for (const s of slots) {
      expect(s.handler).not.toBeNull();
      expect(s.reasons.map((r) => r.code)).toEqual(
        expect.arrayContaining([
          'HANDLER_ACTIVE',
          'QUALIFICATION_MET',
          'DUTY_NO_CONFLICT',
          'DUTY_FREE_AT_TIME',
          'DUTY_WEEK_CAPACITY_LEFT',
          'DUTY_FEWEST_RECENT',
        ]),
      );
    }
  });

  it('rotates fairly: fewest recent duties first, nobody over the week’s capacity', async () => {
    const slots = (await preview()).json().slots as PreviewSlot[];
    const count = (key: string) => slots.filter((s) => s.handler?.id === lawyers[key]!.id).length;
    // 10 slots, 4 eligible lawyers, at most 3 each; 安律师 had 2 duties last week.
    expect(count('b') + count('c') + count('d') + count('a')).toBe(10);
    for (const key of ['a', 'b', 'c', 'd']) expect(count(key)).toBeLessThanOrEqual(3);
    expect(count('a')).toBe(1);
    expect(slots[0]!.handler?.id).not.toBe(lawyers.a!.id);
  });

  it('gives the same roster for the same input', async () => {
    const first = (await preview()).json();
    const second = (await preview()).json();
    expect(second).toEqual(first);
  });

  it('another district cannot preview or read the station’s roster', async () => {
    expect((await preview(station.id, chaoyangDirector.session)).statusCode).toBe(404);
    const read = await chaoyangDirector.session.get(
      `/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`,
    );
    expect(read.statusCode).toBe(404);
    const stations = (await chaoyangDirector.session.get('/api/v1/duty/stations')).json() as { id: string }[];
    expect(stations.map((s) => s.id)).not.toContain(station.id);
  });

  it('confirms the previewed roster once; a second confirmation is refused', async () => {
    const proposed = (await preview()).json().slots as PreviewSlot[];
    const confirmed = await director.session.post('/api/v1/duty/rosters', {
      stationId: station.id,
      weekStart: WEEK,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const roster = confirmed.json();
    expect(roster.slots.map((s: { handler: { id: string } }) => s.handler.id)).toEqual(
      proposed.map((s) => s.handler!.id),
    );
    const again = await director.session.post('/api/v1/duty/rosters', {
      stationId: station.id,
      weekStart: WEEK,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUTY_ROSTER_EXISTS');
  });

  it('re-checks a manual swap by the same rules and keeps the reason', async () => {
    const roster = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    const later = roster.slots.find((s: { date: string }) => s.date === '2026-11-06');
    const refused = await director.session.post(`/api/v1/duty/slots/${later.id}/swap`, {
      handlerId: lawyers.volunteer!.id,
      note: '临时调整',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_HANDLER_NOT_ELIGIBLE');
    expect(refused.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'QUALIFICATION_NOT_MET',
    ]);
    const busy = await director.session.post(`/api/v1/duty/slots/${later.id}/swap`, {
      handlerId: lawyers.busy!.id,
      note: '临时调整',
    });
    expect(busy.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'DUTY_WEEK_FULL',
    ]);
    const counts = new Map<string, number>();
    for (const s of roster.slots) counts.set(s.handler.id, (counts.get(s.handler.id) ?? 0) + 1);
    const spare = ['a', 'b', 'c', 'd'].find(
      (k) => (counts.get(lawyers[k]!.id) ?? 0) < 3 && lawyers[k]!.id !== later.handler.id,
    )!;
    const swapped = await director.session.post(`/api/v1/duty/slots/${later.id}/swap`, {
      handlerId: lawyers[spare]!.id,
      note: '原值班律师开庭',
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    const after = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    const slot = after.slots.find((s: { id: string }) => s.id === later.id);
    expect(slot.handler.id).toBe(lawyers[spare]!.id);
    expect(slot.swapNote).toBe('原值班律师开庭');
  });

  it('the lawyer sees their duties in 我的值班 and asks to swap; the directors hear of it; the centre answers', async () => {
    const roster = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    const friday = roster.slots.find(
      (s: { date: string; shift: string }) => s.date === '2026-11-06' && s.shift === 'pm',
    );
    const holder = Object.values(lawyers).find((l) => l.id === friday.handler.id)!;
    const mine = (await holder.session.get('/api/v1/duty/my')).json();
    expect(mine.slots.map((s: { id: string }) => s.id)).toContain(friday.id);
    const asked = await holder.session.post(`/api/v1/duty/slots/${friday.id}/swap-request`, {
      reason: '当天有庭审',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const twice = await holder.session.post(`/api/v1/duty/slots/${friday.id}/swap-request`, {
      reason: '当天有庭审',
    });
    expect(twice.json().error.code).toBe('DUTY_SWAP_OPEN');
    const bell = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, director.id), eq(staffAlerts.kind, 'duty_swap')));
    expect(bell).toHaveLength(1);
    const open = (await director.session.get('/api/v1/duty/swap-requests')).json();
    expect(open.map((q: { id: string }) => q.id)).toContain(asked.json().id);
    const declined = await director.session.post(`/api/v1/duty/swap-requests/${asked.json().id}/answer`, {
      approve: false,
      note: '请自行协调',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const again = await director.session.post(`/api/v1/duty/swap-requests/${asked.json().id}/answer`, {
      approve: false,
      note: 'x',
    });
    expect(again.json().error.code).toBe('DUTY_SWAP_DECIDED');
  });

  it('an approved swap request hands the slot to a replacement checked by the rules, and the lawyer hears of it', async () => {
    const roster = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    const thursday = roster.slots.find(
      (s: { date: string; shift: string }) => s.date === '2026-11-05' && s.shift === 'am',
    );
    const holder = Object.values(lawyers).find((l) => l.id === thursday.handler.id)!;
    const asked = await holder.session.post(`/api/v1/duty/slots/${thursday.id}/swap-request`, {
      reason: '外地出差',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const refused = await director.session.post(`/api/v1/duty/swap-requests/${asked.json().id}/answer`, {
      approve: true,
      handlerId: lawyers.related!.id,
      note: '改派',
    });
    expect(refused.json().error.details.reasons.map((r: { code: string }) => r.code)).toEqual([
      'DUTY_CONFLICT_HOST',
    ]);
    const counts = new Map<string, number>();
    for (const s of roster.slots) counts.set(s.handler.id, (counts.get(s.handler.id) ?? 0) + 1);
    const spare = ['a', 'b', 'c', 'd'].find(
      (k) => (counts.get(lawyers[k]!.id) ?? 0) < 3 && lawyers[k]!.id !== holder.id,
    )!;
    const approved = await director.session.post(`/api/v1/duty/swap-requests/${asked.json().id}/answer`, {
      approve: true,
      handlerId: lawyers[spare]!.id,
      note: '同意，由其他律师替班',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    expect(after.slots.find((s: { id: string }) => s.id === thursday.id).handler.id).toBe(lawyers[spare]!.id);
    const [holderUser] = await t.deps.db
      .select({ userId: handlers.userId })
      .from(handlers)
      .where(eq(handlers.id, holder.id));
    const bell = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, holderUser!.userId!), eq(staffAlerts.kind, 'duty_swap')));
    expect(bell.length).toBeGreaterThanOrEqual(1);
  });

  it('only the rostered lawyer checks in, and only on the day', async () => {
    const roster = (
      await director.session.get(`/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`)
    ).json();
    const today = roster.slots.find(
      (s: { date: string; shift: string }) => s.date === WEEK && s.shift === 'am',
    );
    const tomorrow = roster.slots.find(
      (s: { date: string; handler: { id: string } }) => s.date === '2026-11-03',
    );
    const holder = Object.values(lawyers).find((l) => l.id === today.handler.id)!;
    const stranger = Object.values(lawyers).find(
      (l) => l.id !== today.handler.id && l.id !== lawyers.volunteer!.id,
    )!;
    const notMine = await stranger.session.post(`/api/v1/duty/slots/${today.id}/check-in`);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('DUTY_NOT_YOUR_SLOT');
    const tomorrowHolder = Object.values(lawyers).find((l) => l.id === tomorrow.handler.id)!;
    const early = await tomorrowHolder.session.post(`/api/v1/duty/slots/${tomorrow.id}/check-in`);
    expect(early.json().error.code).toBe('DUTY_NOT_SLOT_DAY');
    const out = await holder.session.post(`/api/v1/duty/slots/${today.id}/check-out`);
    expect(out.json().error.code).toBe('DUTY_NOT_CHECKED_IN');
    const checkIn = await holder.session.post(`/api/v1/duty/slots/${today.id}/check-in`);
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    expect((await holder.session.post(`/api/v1/duty/slots/${today.id}/check-in`)).json().error.code).toBe(
      'DUTY_ALREADY_CHECKED_IN',
    );
    // The afternoon's lawyer has not checked in 20 minutes after 13:30: late on the centre's roster.
    t.clock.advance((4 * 60 + 50) * 60_000); // 13:50
    const afternoon = await signIn(t, ORG.haidian, ['director']); // sessions idle out over 4 hours
    const seenResponse = await afternoon.session.get(
      `/api/v1/duty/rosters?stationId=${station.id}&weekStart=${WEEK}`,
    );
    expect(seenResponse.statusCode, seenResponse.body).toBe(200);
    const seen = seenResponse.json();
    const am = seen.slots.find((s: { id: string }) => s.id === today.id);
    const pm = seen.slots.find((s: { date: string; shift: string }) => s.date === WEEK && s.shift === 'pm');
    expect(am.checkedInAt).not.toBeNull();
    expect(am.late).toBe(false);
    expect(pm.late).toBe(true);
    expect(pm.missed).toBe(false);
  });
});
