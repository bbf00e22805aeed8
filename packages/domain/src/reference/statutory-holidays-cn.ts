import type { LocalDate } from '../shared/brand.ts';
import type { ListItemRule } from './list-item.ts';
import { NATIONAL } from './rules-cn-bj.ts';

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 art.2 (全体公民放假的节日), as rule rows an
 * administrator can version. They are the baseline for a year whose State Council notice (with
 * its 调休) is not entered yet: see calendar/statutory-holidays.ts. `params` say how to find the
 * first day: `calendar` solar (month/day), lunar (lunar month/day) or solar_term (`term`);
 * `startOffset` days from that anchor (除夕 = 正月初一 − 1), `days` in all.
 * Art.6 (a holiday on a Saturday or Sunday is made up on a working day) is not computed: the
 * statute does not say which working day; the year's notice does.
 */
const HOLIDAYS_2013 = '全国年节及纪念日放假办法（2013年修订）第二条';
const HOLIDAYS_2024 = '全国年节及纪念日放假办法（2024年修订）第二条';
const holiday = (
  version: 1 | 2,
  code: string,
  nameZh: string,
  nameEn: string,
  params: ListItemRule['params'],
): ListItemRule => ({
  id: `cn.statutory_holiday.${code}.v${version}`,
  jurisdiction: NATIONAL,
  list: 'statutory_holiday',
  code,
  nameZh,
  nameEn,
  // The 2013 text: "本办法自公布之日起施行" (2013-12-11). The 2024 revision is in force from
  // 2025-01-01 (the State Council decision; the consolidated text read says only 自公布之日起施行,
  // see TO_CONFIRM).
  citation: version === 1 ? HOLIDAYS_2013 : HOLIDAYS_2024,
  params,
  effectiveFrom: (version === 1 ? '2013-12-11' : '2025-01-01') as LocalDate,
  effectiveTo: version === 1 ? ('2024-12-31' as LocalDate) : null,
});

export const STATUTORY_HOLIDAYS: ListItemRule[] = [
  ...([1, 2] as const).flatMap((v) => [
    holiday(v, 'new_year', '元旦', "New Year's Day", { calendar: 'solar', month: 1, day: 1, days: 1 }),
    holiday(v, 'spring_festival', '春节', 'Spring Festival', {
      calendar: 'lunar',
      month: 1,
      day: 1,
      // 2013: 正月初一、初二、初三; 2024: 农历除夕、正月初一至初三.
      startOffset: v === 1 ? 0 : -1,
      days: v === 1 ? 3 : 4,
    }),
    holiday(v, 'qingming', '清明', 'Tomb-sweeping Day', { calendar: 'solar_term', term: '清明', days: 1 }),
    holiday(v, 'labour_day', '劳动节', 'Labour Day', {
      calendar: 'solar',
      month: 5,
      day: 1,
      days: v === 1 ? 1 : 2,
    }),
    holiday(v, 'dragon_boat', '端午', 'Dragon Boat Festival', {
      calendar: 'lunar',
      month: 5,
      day: 5,
      days: 1,
    }),
    holiday(v, 'mid_autumn', '中秋', 'Mid-autumn Festival', {
      calendar: 'lunar',
      month: 8,
      day: 15,
      days: 1,
    }),
    holiday(v, 'national_day', '国庆节', 'National Day', { calendar: 'solar', month: 10, day: 1, days: 3 }),
  ]),
];
