import type { LocalDate } from '../shared/brand.ts';

/**
 * Calendar dates in Beijing time (UTC+8 all year: China keeps no daylight saving time).
 * Periods that the law counts in days are counted on these dates (民法典 art.200–204).
 */
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function localDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`not a calendar date: ${value}`);
  return value;
}

function toDayNumber(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** The Beijing calendar date of an instant given with any offset, e.g. `2024-09-28T23:30:00Z` → 2024-09-29. */
export function beijingDateOf(instant: string | Date): LocalDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}

/** An instant written in Beijing time: `2024-10-08T23:59:59.999+08:00`. */
export function beijingIsoString(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/** The last moment of a Beijing calendar day (a period "ends at 24:00 of its last day", 民法典 art.203). */
export function endOfBeijingDay(date: LocalDate): string {
  return `${date}T23:59:59.999+08:00`;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
