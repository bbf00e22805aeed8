import type { LocalDate } from '../shared/brand.ts';
import { weekday, yearOf } from './local-date.ts';

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

export interface HolidayCalendar {
  isRestDay(date: LocalDate): boolean;
  /** Whether the calendar holds the announced data for this year (periods crossing a missing year are flagged). */
  covers(year: number): boolean;
  nameOf(date: LocalDate): string | undefined;
}

export function buildCalendar(
  days: readonly CalendarDay[],
  coveredYears: readonly number[],
): HolidayCalendar {
  const holidays = new Map<string, string | undefined>();
  const workdays = new Map<string, string | undefined>();
  for (const day of days) (day.kind === 'holiday' ? holidays : workdays).set(day.date, day.name);
  const years = new Set(coveredYears);
  return {
    isRestDay(date) {
      if (workdays.has(date)) return false;
      if (holidays.has(date)) return true;
      const dow = weekday(date);
      return dow === 0 || dow === 6;
    },
    covers: (year) => years.has(year),
    nameOf: (date) => holidays.get(date) ?? workdays.get(date),
  };
}

/** The years a set of calendar rows covers: every year with at least one announced day. */
export function yearsIn(days: readonly CalendarDay[]): number[] {
  return [...new Set(days.map((d) => yearOf(d.date)))].sort();
}
