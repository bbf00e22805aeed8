import type { LocalDate } from '../shared/brand.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import {
  addDays,
  beijingDateOf,
  beijingIsoString,
  compareDates,
  endOfBeijingDay,
  yearOf,
} from './local-date.ts';

export type PeriodUnit = 'calendar_days' | 'working_days' | 'hours';

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/**
 * A stretch during which the clock stands still (LAL art.43: the time an applicant takes to
 * supply missing materials is not counted). For day periods, the days after `from` up to and
 * including `to` are not counted; for hour periods, the exact time between the two instants.
 */
export interface Pause {
  from: string;
  to: string;
}

export interface Due {
  /** The last moment that is still in time, Beijing time. */
  dueAt: string;
  dueDate: LocalDate;
  /** Rest days the end was moved over (民法典 art.203), and years the calendar lacks. */
  extendedOver: LocalDate[];
  missingCalendarYears: number[];
  /**
   * Years the period touched that have no State Council notice on file and were counted on the
   * statutory baseline (《全国年节及纪念日放假办法》): the date is provisional until the notice is
   * entered. `statutoryRuleIds`: the holiday rule rows that baseline used.
   */
  provisionalYears: number[];
  provisional: boolean;
  statutoryRuleIds: string[];
}

/**
 * When a period ends (民法典 art.200–204):
 * - a period in days does not count the day of the event; it starts the next day (art.201);
 * - if its last day is a rest day that is not an adjusted working day, it ends on the first day
 *   after that rest (art.203); it ends at 24:00 of its last day (art.203);
 * - working-day periods count only working days (adjusted working days count, holidays do not);
 * - periods in hours run exactly from the instant of the event (art.201(2)).
 */
export function dueDate(
  start: string,
  period: Period,
  calendar: HolidayCalendar,
  pauses: readonly Pause[] = [],
): Due {
  if (!Number.isInteger(period.amount) || period.amount < 0)
    throw new RangeError('period amount must be a whole number ≥ 0');
  if (period.unit === 'hours') return dueAfterHours(start, period.amount, pauses);

  const startDate = beijingDateOf(start);
  const paused = pauses.map((p) => ({ from: beijingDateOf(p.from), to: beijingDateOf(p.to) }));
  const isPaused = (d: LocalDate) =>
    paused.some((p) => compareDates(d, p.from) > 0 && compareDates(d, p.to) <= 0);
  const touched = new Set<number>([yearOf(startDate)]);

  let day = startDate;
  for (let counted = 0; counted < period.amount;) {
    day = addDays(day, 1);
    touched.add(yearOf(day));
    if (isPaused(day)) continue;
    if (period.unit === 'working_days' && calendar.isRestDay(day)) continue;
    counted += 1;
  }
  const extendedOver: LocalDate[] = [];
  if (period.unit === 'calendar_days' && period.amount > 0) {
    while (calendar.isRestDay(day)) {
      extendedOver.push(day);
      day = addDays(day, 1);
      touched.add(yearOf(day));
    }
  }
  const years = [...touched].sort();
  const provisionalYears = years.filter((y) => calendar.basis(y) === 'statutory');
  return {
    dueAt: endOfBeijingDay(day),
    dueDate: day,
    extendedOver,
    missingCalendarYears: years.filter((y) => calendar.basis(y) === 'weekends'),
    provisionalYears,
    provisional: provisionalYears.length > 0,
    statutoryRuleIds: [...new Set(provisionalYears.flatMap((y) => calendar.baselineRuleIds(y)))].sort(),
  };
}

function dueAfterHours(start: string, hours: number, pauses: readonly Pause[]): Due {
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new RangeError(`not an instant: ${start}`);
  let due = startMs + hours * 3_600_000;
  const sorted = pauses
    .map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to) }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  for (const pause of sorted) {
    if (pause.from >= due || pause.to <= startMs) continue;
    due += pause.to - Math.max(pause.from, startMs);
  }
  return {
    dueAt: beijingIsoString(due),
    dueDate: beijingDateOf(new Date(due)),
    extendedOver: [],
    missingCalendarYears: [],
    provisionalYears: [],
    provisional: false,
    statutoryRuleIds: [],
  };
}
