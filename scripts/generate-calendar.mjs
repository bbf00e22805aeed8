/* global process, URL */
// Regenerates packages/domain/src/reference/calendar-cn.ts from the chinese-days package (a
// well-kept community record of the State Council's holiday notices). Run after upgrading it:
//   node scripts/generate-calendar.mjs 2019 2026
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json');
const version = require('chinese-days/package.json').version;
const [from = 2019, to = 2026] = process.argv.slice(2).map(Number);

const rows = [];
for (const [kind, map] of [
  ['holiday', data.holidays],
  ['adjusted_workday', data.workdays],
]) {
  for (const [date, label] of Object.entries(map)) {
    const year = Number(date.slice(0, 4));
    if (year < from || year > to) continue;
    const [nameEn, nameZh] = label.split(',');
    rows.push([date, kind, nameZh, nameEn]);
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
const out = `// Generated from the chinese-days package (v${version}) by scripts/generate-calendar.mjs: China's official
// holidays and adjusted working days (调休), ${from}–${to}, as the State Council announced them.
// Seeded into calendar_days; later years are added by administrators when announced.
import type { CalendarDay } from '../calendar/holiday-calendar.ts';
import type { LocalDate } from '../shared/brand.ts';

type Row = [date: string, kind: CalendarDay['kind'], nameZh: string, nameEn: string];

const ROWS: Row[] = [
${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}
];

export const CALENDAR_YEARS = ${JSON.stringify(years)};

export const CALENDAR_CN: (CalendarDay & { nameEn: string })[] = ROWS.map(([date, kind, name, nameEn]) => ({
  date: date as LocalDate,
  kind,
  name,
  nameEn,
}));
`;
writeFileSync(new URL('../packages/domain/src/reference/calendar-cn.ts', import.meta.url), out);
process.stdout.write(`${rows.length} calendar rows for ${from}–${to}\n`);
