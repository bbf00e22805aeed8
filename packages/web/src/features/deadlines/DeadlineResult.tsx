import { Alert, Card, Flex, Tag, Typography, Tooltip } from 'antd';
import { useQueries } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { calendarApi, type Deadline } from '../../api';
import { InfoList } from '../../components/InfoList';
import { beijingDateTime } from '../rules/beijingTime';
import { Citation } from '../rules/Citation';
import { ProvisionalTag } from '../rules/ProvisionalTag';
import { NATIONAL } from '../rules/labels';
import { ruleKeys } from '../rules/useRules';

interface Props {
  deadline: Deadline;
  periodName: string;
  amountText: string;
}

/** When the period ends, which rest days it moved over and on whose authority. */
export function DeadlineResult({ deadline, periodName, amountText }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  // The engine names holidays in Chinese; in English, read the names from the calendar.
  const years = english ? [...new Set(deadline.extendedOver.map((d) => Number(d.date.slice(0, 4))))] : [];
  const calendars = useQueries({
    queries: years.map((year) => ({
      queryKey: ruleKeys.calendar(year, NATIONAL),
      queryFn: ({ signal }: { signal: AbortSignal }) => calendarApi.year(year, NATIONAL, signal),
      staleTime: 60 * 60_000,
    })),
  });
  const bases = useQueries({
    queries: (english ? provisionalYearsOf(deadline) : []).map((year) => ({
      queryKey: ruleKeys.calendarBasis(year, NATIONAL),
      queryFn: ({ signal }: { signal: AbortSignal }) => calendarApi.basis(year, NATIONAL, signal),
      staleTime: 60 * 60_000,
    })),
  });
  const englishNames = new Map([
    ...bases.flatMap((b) => b.data?.statutoryHolidays ?? []).map((d) => [d.date, d.nameEn] as const),
    ...calendars.flatMap((c) => c.data ?? []).map((d) => [d.date, d.nameEn] as const),
  ]);
  const holidayName = (day: { date: string; name: string | null }) =>
    day.name === null
      ? t('deadlines.weekend')
      : english
        ? (englishNames.get(day.date) ?? day.name)
        : day.name;
  const provisionalYears = provisionalYearsOf(deadline);
  const due = beijingDateTime(deadline.dueAt);
  const start = beijingDateTime(deadline.start);
  const weekday = (date: string) => dayjs(date).format('dddd');

  return (
    <Card variant="borderless" title={t('deadlines.result')}>
      <div className="due" role="status">
        <span className="due__label">{t('deadlines.dueAt')}</span>
        <span className="due__value">
          {due.date} {due.time}
        </span>
        <span className="due__weekday">
          {weekday(due.date)} · {t('deadlines.beijingTime')}
        </span>
        {deadline.provisional && (
          <span>
            <ProvisionalTag years={provisionalYears} />
          </span>
        )}
      </div>
      {deadline.warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          title={w.message}
          style={{ marginTop: 12 }}
          data-testid={`deadline-warning-${w.code}`}
        />
      ))}
      <div style={{ marginTop: 16 }}>
        <InfoList
          labelWidth={120}
          items={[
            { key: 'period', label: t('deadlines.period'), value: `${periodName} · ${amountText}` },
            {
              key: 'start',
              label: t('deadlines.startedAt'),
              value: t('deadlines.dueAtValue', { date: start.date, time: start.time }),
            },
            {
              key: 'extended',
              label: t('deadlines.extendedOver'),
              value:
                deadline.extendedOver.length === 0 ? (
                  <Typography.Text type="secondary">{t('deadlines.extendedOverNone')}</Typography.Text>
                ) : (
                  <Flex vertical gap={4}>
                    <Typography.Text type="secondary">{t('deadlines.extendedOverHint')}</Typography.Text>
                    <Flex wrap gap={4}>
                      {deadline.extendedOver.map((day) => (
                        <Tag key={day.date} color={day.name ? 'red' : 'default'}>
                          {day.date} {weekday(day.date)} · {holidayName(day)}
                        </Tag>
                      ))}
                    </Flex>
                  </Flex>
                ),
            },
            {
              key: 'citations',
              label: t('deadlines.citations'),
              value: (
                <Flex vertical gap={6} align="flex-start">
                  {deadline.citations.map((c) => (
                    <Citation key={c} citation={c} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </div>
      <Tooltip title={t('deadlines.ruleVersion', { version: deadline.ruleVersion })}>
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, display: 'block', marginTop: 16 }}
          tabIndex={0}
        >
          {t('common.ruleVersionWord')}
        </Typography.Text>
      </Tooltip>
    </Card>
  );
}

/** The years a deadline counted on the statutory baseline (its CALENDAR_PROVISIONAL warning). */
function provisionalYearsOf(deadline: Deadline): number[] {
  return deadline.warnings.find((w) => w.code === 'CALENDAR_PROVISIONAL')?.years ?? [];
}
