import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api';

interface Props {
  year: number;
  /** 1–12 */
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: string;
}

/** One month, Monday first: holidays in red, adjusted working days (调休上班) in blue, weekends grey. */
export function MonthGrid({ year, month, days, today }: Props) {
  const { t, i18n } = useTranslation();
  const first = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  const lead = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const weekdays = t('calendar.weekdays').split(',');
  const monthName = t('calendar.months').split(',')[month - 1] ?? String(month);
  const english = i18n.language === 'en-US';

  return (
    <section className="month" aria-label={monthName}>
      <h3 className="month__title">{monthName}</h3>
      <div className="month__grid">
        {weekdays.map((w, i) => (
          <span key={w} className={`month__weekday${i >= 5 ? ' month__weekday--weekend' : ''}`}>
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <span key={`lead-${i}`} />
        ))}
        {Array.from({ length: count }, (_, i) => {
          const date = first.add(i, 'day');
          const iso = date.format('YYYY-MM-DD');
          const entry = days.get(iso);
          const weekend = date.day() === 0 || date.day() === 6;
          const name = entry ? (english ? entry.nameEn : entry.nameZh) : undefined;
          const kind = entry
            ? entry.kind === 'holiday'
              ? t('calendar.holiday')
              : t('calendar.adjustedWorkday')
            : undefined;
          const classes = [
            'month__day',
            entry?.kind === 'holiday' && 'month__day--holiday',
            entry?.kind === 'adjusted_workday' && 'month__day--workday',
            !entry && weekend && 'month__day--weekend',
            iso === today && 'month__day--today',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={iso}
              className={classes}
              title={entry ? `${iso} ${name} · ${kind}` : iso}
              aria-label={entry ? `${iso} ${name} ${kind}` : iso}
            >
              {i + 1}
            </span>
          );
        })}
      </div>
    </section>
  );
}
