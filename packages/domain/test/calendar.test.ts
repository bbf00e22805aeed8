import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  beijingDateOf,
  beijingIsoString,
  buildCalendar,
  CALENDAR_CN,
  CALENDAR_YEARS,
  compareDates,
  daysBetween,
  dueDate,
  endOfBeijingDay,
  isLocalDate,
  localDate,
  weekday,
  yearOf,
  yearsIn,
  type LocalDate,
  type Period,
  type PeriodUnit,
} from '../src/index.ts';

/**
 * Period arithmetic (民法典 art.200–204) as properties over the shipped calendar (2019–2026), plus the
 * date primitives it rests on. Worked examples with named holidays live in test/cases/deadlines-*.yaml.
 */
const calendar = buildCalendar(CALENDAR_CN, CALENDAR_YEARS);
const FIRST = localDate('2019-01-01');
// Starts up to 2026-10-31, so that every generated period ends inside the calendar's years.
const SPAN = daysBetween(FIRST, localDate('2026-10-31'));
const HOUR = 3_600_000;

const dateArb = fc.integer({ min: 0, max: SPAN }).map((n) => addDays(FIRST, n));
const timeArb = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) });
const pad = (n: number) => String(n).padStart(2, '0');
const instant = (date: LocalDate, t: { h: number; m: number }) => `${date}T${pad(t.h)}:${pad(t.m)}:00+08:00`;
const instantArb = fc.tuple(dateArb, timeArb).map(([d, t]) => instant(d, t));
const daysArb = fc.integer({ min: 1, max: 45 });
const dayUnitArb = fc.constantFrom<PeriodUnit>('calendar_days', 'working_days');

/** Every calendar date from `from` (exclusive) to `to` (inclusive). */
function datesAfter(from: LocalDate, to: LocalDate): LocalDate[] {
  return Array.from({ length: daysBetween(from, to) }, (_, i) => addDays(from, i + 1));
}

describe('calendar-day periods (民法典 art.201, art.203)', () => {
  it('never end on a rest day; an adjusted working day (调休) is not a rest day', () => {
    fc.assert(
      fc.property(instantArb, daysArb, (start, amount) => {
        const due = dueDate(start, { amount, unit: 'calendar_days' }, calendar);
        expect(calendar.isRestDay(due.dueDate)).toBe(false);
      }),
    );
  });

  it('end on start + amount, moved only over the rest days that follow it', () => {
    fc.assert(
      fc.property(instantArb, daysArb, (start, amount) => {
        const due = dueDate(start, { amount, unit: 'calendar_days' }, calendar);
        const lastDay = addDays(beijingDateOf(start), amount);
        expect(due.extendedOver).toEqual(datesAfter(addDays(lastDay, -1), addDays(due.dueDate, -1)));
        for (const day of due.extendedOver) expect(calendar.isRestDay(day)).toBe(true);
        expect(due.dueAt).toBe(endOfBeijingDay(due.dueDate));
        expect(due.missingCalendarYears).toEqual([]);
      }),
    );
  });

  it('a later start never gives an earlier due date (monotonic), for days and working days', () => {
    fc.assert(
      fc.property(instantArb, instantArb, daysArb, dayUnitArb, (a, b, amount, unit) => {
        const [early, late] = Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a];
        const period: Period = { amount, unit };
        const dueEarly = dueDate(early, period, calendar).dueDate;
        const dueLate = dueDate(late, period, calendar).dueDate;
        expect(compareDates(dueEarly, dueLate)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('a longer period never ends earlier', () => {
    fc.assert(
      fc.property(instantArb, daysArb, daysArb, dayUnitArb, (start, x, y, unit) => {
        const [short, long] = x <= y ? [x, y] : [y, x];
        const a = dueDate(start, { amount: short, unit }, calendar).dueDate;
        const b = dueDate(start, { amount: long, unit }, calendar).dueDate;
        expect(compareDates(a, b)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('depends on the Beijing date of the start only, not the hour', () => {
    fc.assert(
      fc.property(dateArb, timeArb, timeArb, daysArb, dayUnitArb, (date, t1, t2, amount, unit) => {
        const period: Period = { amount, unit };
        expect(dueDate(instant(date, t1), period, calendar)).toEqual(
          dueDate(instant(date, t2), period, calendar),
        );
      }),
    );
  });
});

describe('working-day periods', () => {
  it('end on a working day, after exactly `amount` working days (adjusted working days count)', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 30 }), (start, amount) => {
        const due = dueDate(start, { amount, unit: 'working_days' }, calendar);
        expect(calendar.isRestDay(due.dueDate)).toBe(false);
        const counted = datesAfter(beijingDateOf(start), due.dueDate).filter((d) => !calendar.isRestDay(d));
        expect(counted).toHaveLength(amount);
        expect(due.extendedOver).toEqual([]);
      }),
    );
  });

  it('counts an adjusted working Sunday: 2024-02-17 + 1 working day = 2024-02-18 (春节调休)', () => {
    const due = dueDate('2024-02-17T10:00:00+08:00', { amount: 1, unit: 'working_days' }, calendar);
    expect(due.dueDate).toBe('2024-02-18');
  });
});

describe('pauses (LAL art.43: time to supply materials is not counted)', () => {
  const pauseArb = fc.record({
    offset: fc.integer({ min: -3, max: 20 }),
    length: fc.integer({ min: 0, max: 20 }),
    t1: timeArb,
    t2: timeArb,
  });

  it('never make a day period end earlier', () => {
    fc.assert(
      fc.property(dateArb, timeArb, daysArb, dayUnitArb, pauseArb, (date, t, amount, unit, p) => {
        const from = addDays(date, p.offset);
        const pause = { from: instant(from, p.t1), to: instant(addDays(from, p.length), p.t2) };
        const period: Period = { amount, unit };
        const without = dueDate(instant(date, t), period, calendar).dueDate;
        const withPause = dueDate(instant(date, t), period, calendar, [pause]).dueDate;
        expect(compareDates(without, withPause)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('delay a calendar-day period by the paused days when the pause lies inside it', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 3, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (date, amount, length) => {
          const from = addDays(date, 1);
          const pauses = [{ from: `${from}T10:00:00+08:00`, to: `${addDays(from, length)}T10:00:00+08:00` }];
          const due = dueDate(`${date}T09:00:00+08:00`, { amount, unit: 'calendar_days' }, calendar, pauses);
          const unextended = addDays(due.dueDate, -due.extendedOver.length);
          expect(daysBetween(date, unextended)).toBe(amount + length);
        },
      ),
    );
  });

  it('never make an hours period end earlier, and add exactly the overlapping time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 72 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        (startHour, hours, pauseOffset, pauseHours) => {
          const startMs = Date.parse('2024-01-01T00:00:00+08:00') + startHour * HOUR;
          const start = new Date(startMs).toISOString();
          const from = startMs + pauseOffset * HOUR;
          const to = from + pauseHours * HOUR;
          const pause = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
          const plain = Date.parse(dueDate(start, { amount: hours, unit: 'hours' }, calendar).dueAt);
          const paused = Date.parse(
            dueDate(start, { amount: hours, unit: 'hours' }, calendar, [pause]).dueAt,
          );
          expect(paused).toBeGreaterThanOrEqual(plain);
          const overlap = from >= plain || to <= startMs ? 0 : to - Math.max(from, startMs);
          expect(paused - plain).toBe(overlap);
        },
      ),
    );
  });

  it('ignore an hours pause that ends before it begins', () => {
    const due = dueDate('2024-10-01T10:00:00+08:00', { amount: 24, unit: 'hours' }, calendar, [
      { from: '2024-10-01T12:00:00+08:00', to: '2024-10-01T11:00:00+08:00' },
    ]);
    expect(due.dueAt).toBe('2024-10-02T10:00:00.000+08:00');
  });

  it('add several hours pauses in order', () => {
    const due = dueDate('2024-10-01T10:00:00+08:00', { amount: 24, unit: 'hours' }, calendar, [
      { from: '2024-10-02T08:00:00+08:00', to: '2024-10-02T09:00:00+08:00' },
      { from: '2024-10-01T12:00:00+08:00', to: '2024-10-01T14:00:00+08:00' },
    ]);
    expect(due.dueAt).toBe('2024-10-02T13:00:00.000+08:00');
  });
});

describe('hours periods (民法典 art.201(2): counted exactly, never extended)', () => {
  it('end exactly `amount` hours after the start, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 240 }),
        (sec, hours) => {
          const startMs = Date.parse('2019-01-01T00:00:00+08:00') + sec * 100;
          const start = new Date(startMs).toISOString();
          const due = dueDate(start, { amount: hours, unit: 'hours' }, calendar);
          expect(Date.parse(due.dueAt) - startMs).toBe(hours * HOUR);
          expect(due.dueAt.endsWith('+08:00')).toBe(true);
          expect(due.dueDate).toBe(beijingDateOf(due.dueAt));
          expect(due.extendedOver).toEqual([]);
        },
      ),
    );
  });

  it('reject an instant that is not one', () => {
    expect(() => dueDate('tomorrow', { amount: 24, unit: 'hours' }, calendar)).toThrow(RangeError);
  });
});

describe('period validation and calendar coverage', () => {
  it('rejects a negative or fractional amount', () => {
    expect(() =>
      dueDate('2025-01-01T00:00:00+08:00', { amount: -1, unit: 'calendar_days' }, calendar),
    ).toThrow(RangeError);
    expect(() => dueDate('2025-01-01T00:00:00+08:00', { amount: 1.5, unit: 'hours' }, calendar)).toThrow(
      RangeError,
    );
  });

  it('rejects a day-period start that is not an instant', () => {
    expect(() => dueDate('2025-13-45', { amount: 7, unit: 'calendar_days' }, calendar)).toThrow(RangeError);
  });

  it('a zero-day period ends on the day of the event, even a holiday', () => {
    const due = dueDate('2024-10-01T10:00:00+08:00', { amount: 0, unit: 'calendar_days' }, calendar);
    expect(due).toMatchObject({ dueDate: '2024-10-01', extendedOver: [] });
  });

  it('flags years the calendar does not hold, at either end of the period', () => {
    expect(
      dueDate('2026-12-28T10:00:00+08:00', { amount: 7, unit: 'calendar_days' }, calendar)
        .missingCalendarYears,
    ).toEqual([2027]);
    expect(
      dueDate('2018-12-30T10:00:00+08:00', { amount: 7, unit: 'working_days' }, calendar)
        .missingCalendarYears,
    ).toEqual([2018]);
    expect(
      dueDate('2026-12-31T10:00:00+08:00', { amount: 24, unit: 'hours' }, calendar).missingCalendarYears,
    ).toEqual([]);
  });
});

describe('beijingDateOf: the calendar date in UTC+8', () => {
  it('turns at 16:00 UTC', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const previous = addDays(date, -1);
        expect(beijingDateOf(`${previous}T15:59:59.999Z`)).toBe(previous);
        expect(beijingDateOf(`${previous}T16:00:00.000Z`)).toBe(date);
        expect(beijingDateOf(`${date}T00:00:00+08:00`)).toBe(date);
        expect(beijingDateOf(`${date}T23:59:59.999+08:00`)).toBe(date);
        expect(beijingDateOf(new Date(`${date}T12:00:00+08:00`))).toBe(date);
      }),
    );
  });

  it('reads other offsets: 2024-09-30T20:00-04:00 is 2024-10-01 in Beijing', () => {
    expect(beijingDateOf('2024-09-30T20:00:00-04:00')).toBe('2024-10-01');
    expect(beijingDateOf('2024-09-28T23:30:00Z')).toBe('2024-09-29');
  });

  it('rejects what is not an instant', () => {
    expect(() => beijingDateOf('not a time')).toThrow(RangeError);
    expect(() => beijingDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('writes instants back in Beijing time', () => {
    expect(beijingIsoString(Date.parse('2024-09-30T16:30:00Z'))).toBe('2024-10-01T00:30:00.000+08:00');
    expect(endOfBeijingDay(localDate('2024-10-08'))).toBe('2024-10-08T23:59:59.999+08:00');
  });
});

describe('local dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-1', false],
    ['2025-01-01T00:00:00', false],
    ['', false],
    ['2025-12-31', true],
  ])('isLocalDate(%j) is %s', (value, ok) => {
    expect(isLocalDate(value)).toBe(ok);
  });

  it('localDate throws on an impossible date', () => {
    expect(() => localDate('2025-02-29')).toThrow(RangeError);
    expect(localDate('2024-02-29')).toBe('2024-02-29');
  });

  it('addDays and daysBetween are inverse, across months, leap days and years', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (date, n) => {
        const moved = addDays(date, n);
        expect(isLocalDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(n);
        expect(Math.sign(compareDates(date, moved))).toBe(n === 0 ? 0 : -Math.sign(n));
        expect(weekday(moved)).toBe((((weekday(date) + n) % 7) + 7) % 7);
      }),
    );
    expect(addDays(localDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(localDate('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(localDate('2024-12-31'), 1)).toBe('2025-01-01');
  });

  it('knows the weekday and the year', () => {
    expect(weekday(localDate('2024-01-01'))).toBe(1);
    expect(weekday(localDate('2024-02-18'))).toBe(0);
    expect(weekday(localDate('2024-10-12'))).toBe(6);
    expect(yearOf(localDate('2026-01-04'))).toBe(2026);
    expect(compareDates(localDate('2024-01-01'), localDate('2024-01-01'))).toBe(0);
  });
});

describe('the holiday calendar', () => {
  it('an adjusted working day overrides the weekend; a holiday on a weekday is a rest day', () => {
    const cal = buildCalendar(
      [
        { date: localDate('2024-02-18'), kind: 'adjusted_workday', name: '春节' },
        { date: localDate('2024-02-12'), kind: 'holiday', name: '春节' },
        { date: localDate('2024-02-13'), kind: 'holiday' },
      ],
      [2024],
    );
    expect(cal.isRestDay(localDate('2024-02-18'))).toBe(false);
    expect(cal.isRestDay(localDate('2024-02-12'))).toBe(true);
    expect(cal.isRestDay(localDate('2024-02-17'))).toBe(true);
    expect(cal.isRestDay(localDate('2024-02-19'))).toBe(false);
    expect(cal.nameOf(localDate('2024-02-12'))).toBe('春节');
    expect(cal.nameOf(localDate('2024-02-18'))).toBe('春节');
    expect(cal.nameOf(localDate('2024-02-13'))).toBeUndefined();
    expect(cal.nameOf(localDate('2024-02-19'))).toBeUndefined();
    expect(cal.covers(2024)).toBe(true);
    expect(cal.covers(2025)).toBe(false);
  });

  it('an empty calendar knows only weekends', () => {
    const cal = buildCalendar([], []);
    expect(cal.isRestDay(localDate('2024-10-01'))).toBe(false);
    expect(cal.isRestDay(localDate('2024-10-05'))).toBe(true);
    expect(cal.covers(2024)).toBe(false);
  });

  it('yearsIn lists every year with an announced day, in order', () => {
    expect(yearsIn(CALENDAR_CN)).toEqual(CALENDAR_YEARS);
    expect(yearsIn([])).toEqual([]);
  });
});

describe('the shipped calendar data (chinese-days, 2019–2026)', () => {
  it('has each date once', () => {
    const dates = CALENDAR_CN.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) expect(isLocalDate(d)).toBe(true);
  });

  it('puts adjusted working days on weekends only', () => {
    for (const d of CALENDAR_CN.filter((x) => x.kind === 'adjusted_workday'))
      expect([0, 6], `${d.date} ${d.name}`).toContain(weekday(d.date));
  });

  it('names every day in Chinese and English', () => {
    for (const d of CALENDAR_CN) {
      expect(d.name).toBeTruthy();
      expect(d.nameEn).toBeTruthy();
    }
  });

  // The State Council notices (国办发明电) for 2024 and 2025, checked by hand against calendar-cn.ts.
  it.each([
    ['2024-01-01', '元旦', ['2024-01-01'], []],
    [
      '2024-02-10',
      '春节',
      [
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-15',
        '2024-02-16',
        '2024-02-17',
      ],
      ['2024-02-04', '2024-02-18'],
    ],
    ['2024-04-04', '清明', ['2024-04-04', '2024-04-05', '2024-04-06'], ['2024-04-07']],
    [
      '2024-05-01',
      '劳动节',
      ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
      ['2024-04-28', '2024-05-11'],
    ],
    ['2024-06-10', '端午', ['2024-06-10'], []],
    ['2024-09-15', '中秋', ['2024-09-15', '2024-09-16', '2024-09-17'], ['2024-09-14']],
    [
      '2024-10-01',
      '国庆节',
      ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
      ['2024-09-29', '2024-10-12'],
    ],
    ['2025-01-01', '元旦', ['2025-01-01'], []],
    [
      '2025-01-28',
      '春节',
      [
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
      ],
      ['2025-01-26', '2025-02-08'],
    ],
    ['2025-04-04', '清明', ['2025-04-04', '2025-04-05', '2025-04-06'], []],
    [
      '2025-05-01',
      '劳动节',
      ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      ['2025-04-27'],
    ],
    ['2025-05-31', '端午', ['2025-05-31', '2025-06-01', '2025-06-02'], []],
    [
      '2025-10-01',
      '国庆节',
      [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      ['2025-09-28', '2025-10-11'],
    ],
  ])('%s %s', (first, name, holidays, workdays) => {
    for (const d of holidays) expect(calendar.isRestDay(localDate(d)), d).toBe(true);
    for (const d of workdays) expect(calendar.isRestDay(localDate(d)), d).toBe(false);
    expect(calendar.nameOf(localDate(first))).toBe(name);
    // The day before and after the run is an ordinary day or an adjusted working day, not part of the holiday.
    const before = addDays(localDate(holidays[0]!), -1);
    const after = addDays(localDate(holidays.at(-1)!), 1);
    for (const d of [before, after]) expect(CALENDAR_CN.find((x) => x.date === d)?.kind).not.toBe('holiday');
  });
});
