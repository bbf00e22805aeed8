import type { ListItemRule } from '../reference/lists-cn-bj.ts';
import type { LocalDate } from '../shared/brand.ts';
import { weekday, yearOf } from './local-date.ts';
import { statutoryHolidays, type StatutoryHoliday } from './statutory-holidays.ts';

/**
 * China's official working calendar for one jurisdiction: statutory holidays (法定节假日, with the
 * weekend days folded into each holiday period) and adjusted working days (调休上班日), as the
 * State Council announces them each year. Data, never code: rows in the database (calendar_days).
 */
export interface CalendarDay {
  date: LocalDate;
  kind: 'holiday' | 'adjusted_workday';
  name?: string | undefined;
}

/**
 * What a year's rest days come from: the State Council's notice on file (`notice`); without one,
 * the statutory holidays of 《全国年节及纪念日放假办法》 and weekends (`statutory`, provisional:
 * the notice's 调休 and make-up days are not known yet); with neither, weekends only (`weekends`).
 */
export type CalendarBasis = 'notice' | 'statutory' | 'weekends';

export interface HolidayCalendar {
  isRestDay(date: LocalDate): boolean;
  /** Whether the calendar holds the announced data for this year (periods crossing a missing year are flagged). */
  covers(year: number): boolean;
  basis(year: number): CalendarBasis;
  /** The statutory-holiday rule rows a year on the `statutory` basis used (recorded with the result). */
  baselineRuleIds(year: number): string[];
  nameOf(date: LocalDate): string | undefined;
}

/**
 * The calendar of the announced days and, for a year not announced, the statutory baseline
 * computed from the `statutory_holiday` rule rows (`baseline`; none: weekends only).
 */
export function buildCalendar(
  days: readonly CalendarDay[],
  coveredYears: readonly number[],
  baseline: readonly ListItemRule[] = [],
): HolidayCalendar {
  const holidays = new Map<string, string | undefined>();
  const workdays = new Map<string, string | undefined>();
  for (const day of days) (day.kind === 'holiday' ? holidays : workdays).set(day.date, day.name);
  const years = new Set(coveredYears);
  const computed = new Map<number, Map<string, StatutoryHoliday>>();
  const baselineOf = (year: number) => {
    let found = computed.get(year);
    if (!found) {
      found = new Map(statutoryHolidays(year, baseline).map((h) => [h.date, h]));
      computed.set(year, found);
    }
    return found;
  };
  const basis = (year: number): CalendarBasis =>
    years.has(year) ? 'notice' : baselineOf(year).size > 0 ? 'statutory' : 'weekends';
  return {
    isRestDay(date) {
      if (workdays.has(date)) return false;
      if (holidays.has(date)) return true;
      if (!years.has(yearOf(date)) && baselineOf(yearOf(date)).has(date)) return true;
      const dow = weekday(date);
      return dow === 0 || dow === 6;
    },
    covers: (year) => years.has(year),
    basis,
    baselineRuleIds: (year) =>
      basis(year) === 'statutory'
        ? [...new Set([...baselineOf(year).values()].map((h) => h.ruleId))].sort()
        : [],
    nameOf: (date) =>
      holidays.get(date) ??
      workdays.get(date) ??
      (years.has(yearOf(date)) ? undefined : baselineOf(yearOf(date)).get(date)?.nameZh),
  };
}

/** The years a set of calendar rows covers: every year with at least one announced day. */
export function yearsIn(days: readonly CalendarDay[]): number[] {
  return [...new Set(days.map((d) => yearOf(d.date)))].sort();
}
