import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  CALENDAR_CN,
  CALENDAR_YEARS,
  dueDate,
  localDate,
  STATUTORY_HOLIDAYS,
  statutoryHolidays,
  yearOf,
} from '../src/index.ts';

/** 《全国年节及纪念日放假办法》 art.2, computed from the rule rows and the lunar calendar. */
const datesOf = (year: number) =>
  statutoryHolidays(year, STATUTORY_HOLIDAYS).map((h) => `${h.date} ${h.nameZh}`);

describe('the statutory holidays of a year', () => {
  it('2025 (2024 revision): 13 days, 春节 from 除夕 1-28 to 初三 1-31, 劳动节 5-01 and 5-02', () => {
    expect(datesOf(2025)).toEqual([
      '2025-01-01 元旦',
      '2025-01-28 春节',
      '2025-01-29 春节',
      '2025-01-30 春节',
      '2025-01-31 春节',
      '2025-04-04 清明',
      '2025-05-01 劳动节',
      '2025-05-02 劳动节',
      '2025-05-31 端午',
      '2025-10-01 国庆节',
      '2025-10-02 国庆节',
      '2025-10-03 国庆节',
      '2025-10-06 中秋',
    ]);
  });

  it('2026: 春节 2-16 to 2-19, 清明 4-05, 端午 6-19, 中秋 9-25', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01 元旦',
      '2026-02-16 春节',
      '2026-02-17 春节',
      '2026-02-18 春节',
      '2026-02-19 春节',
      '2026-04-05 清明',
      '2026-05-01 劳动节',
      '2026-05-02 劳动节',
      '2026-06-19 端午',
      '2026-09-25 中秋',
      '2026-10-01 国庆节',
      '2026-10-02 国庆节',
      '2026-10-03 国庆节',
    ]);
  });

  it('2024 (2013 revision): 春节 初一 to 初三 only (2-10 to 2-12), 劳动节 one day', () => {
    const days = datesOf(2024);
    expect(days).toHaveLength(11);
    expect(days.filter((d) => d.endsWith('春节'))).toEqual([
      '2024-02-10 春节',
      '2024-02-11 春节',
      '2024-02-12 春节',
    ]);
    expect(days.filter((d) => d.endsWith('劳动节'))).toEqual(['2024-05-01 劳动节']);
  });

  it('every statutory holiday of an announced year is a rest day in its State Council notice', () => {
    const notice = buildCalendar(CALENDAR_CN, CALENDAR_YEARS);
    for (const year of CALENDAR_YEARS.filter((y) => y >= 2019))
      for (const h of statutoryHolidays(year, STATUTORY_HOLIDAYS))
        expect(notice.isRestDay(h.date), `${h.date} ${h.nameZh}`).toBe(true);
  });

  it('records the rule row of each day, and keeps a row to the days it is in force', () => {
    const eve = statutoryHolidays(2025, STATUTORY_HOLIDAYS).find((h) => h.date === '2025-01-28');
    expect(eve?.ruleId).toBe('cn.statutory_holiday.spring_festival.v2');
    expect(statutoryHolidays(2012, STATUTORY_HOLIDAYS)).toEqual([]);
  });
});

describe('a calendar with the statutory baseline', () => {
  const calendar = buildCalendar(CALENDAR_CN, CALENDAR_YEARS, STATUTORY_HOLIDAYS);

  it('uses the notice for an announced year and the baseline for a year without one', () => {
    expect(calendar.basis(2026)).toBe('notice');
    expect(calendar.basis(2027)).toBe('statutory');
    expect(calendar.basis(2012)).toBe('weekends');
    // 2026-01-02 is a rest day by the 2026 notice, not by the statute: the notice wins.
    expect(calendar.isRestDay(localDate('2026-01-02'))).toBe(true);
    expect(calendar.isRestDay(localDate('2027-01-01'))).toBe(true);
    expect(calendar.nameOf(localDate('2027-02-05'))).toBe('春节');
    expect(calendar.isRestDay(localDate('2027-02-09'))).toBe(false);
    expect(calendar.baselineRuleIds(2026)).toEqual([]);
    expect(calendar.baselineRuleIds(2027)).toContain('cn.statutory_holiday.new_year.v2');
  });

  it('a period ending on 2027-01-01 runs to 2027-01-04, provisional, with the rule rows it used', () => {
    const due = dueDate('2026-12-25T10:00:00+08:00', { amount: 7, unit: 'calendar_days' }, calendar);
    expect(due.dueDate).toBe('2027-01-04');
    expect(due.provisional).toBe(true);
    expect(due.provisionalYears).toEqual([2027]);
    expect(due.missingCalendarYears).toEqual([]);
    expect(due.statutoryRuleIds).toContain('cn.statutory_holiday.new_year.v2');
    expect(due.statutoryRuleIds.every((id) => id.endsWith('.v2'))).toBe(true);
  });

  it('without the baseline the same period counts weekends only and flags the year missing', () => {
    const bare = buildCalendar(CALENDAR_CN, CALENDAR_YEARS);
    const due = dueDate('2026-12-25T10:00:00+08:00', { amount: 7, unit: 'calendar_days' }, bare);
    expect(due.dueDate).toBe('2027-01-01');
    expect(due.missingCalendarYears).toEqual([2027]);
    expect(due.provisional).toBe(false);
  });

  it('the baseline holds for any year: 13 holiday days a year from 2025 on (中秋 may fall on 国庆)', () => {
    for (let year = 2025; year <= 2060; year += 1) {
      const days = statutoryHolidays(year, STATUTORY_HOLIDAYS);
      expect(days, String(year)).toHaveLength(13);
      const distinct = new Set(days.map((d) => d.date)).size;
      const onNationalDay = days.some(
        (d) => d.nameZh === '中秋' && d.date >= `${year}-10-01` && d.date <= `${year}-10-03`,
      );
      expect(distinct).toBe(onNationalDay ? 12 : 13);
      expect(days.every((d) => yearOf(d.date) === year)).toBe(true);
    }
  });
});
