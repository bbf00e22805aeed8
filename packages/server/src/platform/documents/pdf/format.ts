import type { Locale, LocalDate } from '@fayuan/domain';

/**
 * Dates as a document prints them: `2026年3月5日` (GB/T 9704-2012 writes the date of an official
 * document in Arabic numerals) or `5 March 2026`. Instants are shown in Beijing time, the time of
 * every legal aid deadline.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatDate(date: LocalDate, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return locale === 'en-US' ? `${day} ${MONTHS[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

const BEIJING_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDateTime(at: Date, locale: Locale): string {
  const parts = Object.fromEntries(BEIJING_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}` as LocalDate;
  const time = `${parts.hour}:${parts.minute}`;
  return locale === 'en-US' ? `${formatDate(date, locale)}, ${time}` : `${formatDate(date, locale)} ${time}`;
}

/** An amount in fen as a document prints it: `2,600.00元` or `¥2,600.00`. */
export function formatYuan(fen: number, locale: Locale): string {
  const yuan = (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return locale === 'en-US' ? `¥${yuan}` : `${yuan}元`;
}
