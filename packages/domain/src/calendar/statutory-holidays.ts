import { Lunar, Solar } from 'lunar-typescript';
import type { ListItemRule } from '../reference/lists-cn-bj.ts';
import type { LocalDate } from '../shared/brand.ts';
import { addDays, compareDates, localDate } from './local-date.ts';

/** One statutory holiday of a year, and the rule row that made it one. */
export interface StatutoryHoliday {
  date: LocalDate;
  nameZh: string;
  nameEn: string;
  ruleId: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day a holiday rule counts from in `year`, by its calendar (solar, lunar or solar term). */
function anchorOf(year: number, params: ListItemRule['params']): LocalDate | undefined {
  const month = Number(params.month);
  const day = Number(params.day);
  switch (params.calendar) {
    case 'solar':
      return localDate(`${year}-${pad(month)}-${pad(day)}`);
    case 'lunar':
      // The lunar year that begins in `year`: its festivals (正月初一 to 八月十五) fall in `year`.
      return localDate(Lunar.fromYmd(year, month, day).getSolar().toYmd());
    case 'solar_term': {
      // The lunar year around April holds the year's solar terms from 立春 onwards (清明 included).
      const term = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()[String(params.term)];
      return term ? localDate(term.toYmd()) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The statutory holidays (全体公民放假的节日) of `year` from the rule rows of the list
 * `statutory_holiday` (《全国年节及纪念日放假办法》 art.2): each row's days, kept only where the row
 * is in force on that day. No 调休 and no art.6 make-up days: those only the year's notice fixes.
 */
export function statutoryHolidays(year: number, rules: readonly ListItemRule[]): StatutoryHoliday[] {
  const out: StatutoryHoliday[] = [];
  for (const rule of rules) {
    if (rule.list !== 'statutory_holiday') continue;
    const anchor = anchorOf(year, rule.params);
    if (!anchor) continue;
    const first = addDays(anchor, Number(rule.params.startOffset ?? 0));
    for (let i = 0; i < Number(rule.params.days ?? 1); i += 1) {
      const date = addDays(first, i);
      if (compareDates(date, rule.effectiveFrom) < 0) continue;
      if (rule.effectiveTo !== null && compareDates(date, rule.effectiveTo) > 0) continue;
      out.push({ date, nameZh: rule.nameZh, nameEn: rule.nameEn, ruleId: rule.id });
    }
  }
  return out.sort((a, b) => compareDates(a.date, b.date));
}
