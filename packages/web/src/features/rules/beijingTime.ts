import dayjs, { type Dayjs } from 'dayjs';

/**
 * Legal aid periods run on Beijing time (UTC+8) wherever the browser is. Pickers show Beijing
 * wall-clock time; values go to the API as instants with the +08:00 offset.
 */
const OFFSET_MS = 8 * 3600_000;

function beijingWallClock(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19);
}

/** Today's date in Beijing, YYYY-MM-DD. */
export function beijingToday(): string {
  return beijingWallClock(Date.now()).slice(0, 10);
}

/**
 * Today in Beijing as a date-picker value. Calendar days (effective dates, birth dates, deadlines)
 * are Beijing's wherever the browser is: `dayjs()` would give the browser's own day, which from
 * 16:00 UTC is yesterday in Beijing (a default effective date the server then refuses).
 */
export function beijingTodayValue(): Dayjs {
  return dayjs(beijingToday());
}

/** A date-picker rule: the day is after today in Beijing. */
export function afterBeijingToday(day: Dayjs): boolean {
  return day.isAfter(beijingTodayValue(), 'day');
}

/** A date-picker rule: the day is before today in Beijing. */
export function beforeBeijingToday(day: Dayjs): boolean {
  return day.isBefore(beijingTodayValue(), 'day');
}

/** Now, as a picker value showing Beijing's date and time. */
export function beijingNow(): Dayjs {
  return dayjs(beijingWallClock(Date.now())).second(0).millisecond(0);
}

/** A picker value (Beijing wall-clock time) as an instant. */
export function asBeijingInstant(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

/** An instant as Beijing date and time; the last instant of a day reads 24:00 of that day (民法典 art.203). */
export function beijingDateTime(instant: string): { date: string; time: string } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return { date: instant, time: '' };
  const wall = beijingWallClock(ms);
  const endOfDay = beijingWallClock(ms + 1).slice(11, 19) === '00:00:00' && wall.slice(11, 19) === '23:59:59';
  return { date: wall.slice(0, 10), time: endOfDay ? '24:00' : wall.slice(11, 16) };
}
