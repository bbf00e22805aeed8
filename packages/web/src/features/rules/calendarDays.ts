import dayjs from 'dayjs';
import type { CalendarDay, CalendarDayKind } from '../../api';

/** Consecutive days of the same kind and name: one line of a holiday notice ("春节 1月28日至2月4日放假"). */
export interface Stretch {
  from: string;
  to: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  days: number;
}

export function stretchesOf(days: readonly CalendarDay[]): Stretch[] {
  const out: Stretch[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === day.kind &&
      last.nameZh === day.nameZh &&
      dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') === day.date
    ) {
      last.to = day.date;
      last.days += 1;
    } else
      out.push({
        from: day.date,
        to: day.date,
        kind: day.kind,
        nameZh: day.nameZh,
        nameEn: day.nameEn,
        days: 1,
      });
  }
  return out;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = dayjs(from); !d.isAfter(dayjs(to), 'day') && dates.length < 400; d = d.add(1, 'day'))
    dates.push(d.format('YYYY-MM-DD'));
  return dates;
}

/** The names used by the State Council notices (as the shipped calendar spells them). */
export const HOLIDAY_NAMES: { nameZh: string; nameEn: string }[] = [
  { nameZh: '元旦', nameEn: "New Year's Day" },
  { nameZh: '春节', nameEn: 'Spring Festival' },
  { nameZh: '清明', nameEn: 'Tomb-sweeping Day' },
  { nameZh: '劳动节', nameEn: 'Labour Day' },
  { nameZh: '端午', nameEn: 'Dragon Boat Festival' },
  { nameZh: '中秋', nameEn: 'Mid-autumn Festival' },
  { nameZh: '国庆节', nameEn: 'National Day' },
];
