import { useState } from 'react';
import { Button, Calendar, Card, Flex, Tag, Typography } from 'antd';
import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workApi, type HearingEntry } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { beijingDateTime, beijingTodayValue } from '../rules/beijingTime';

const STATUS_COLOR: Record<HearingEntry['status'], string> = {
  done: 'default',
  scheduled: 'blue',
  held: 'green',
  not_held: 'default',
};

/**
 * 庭审日历: hearings and the activities scheduled ahead, by Beijing day, for one month. `mine`: the
 * handler's own (each opens their case page); otherwise the centre's (each opens the file).
 */
export function HearingCalendar({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  // The day selected (today in Beijing at first); the month shown is its month.
  const [month, setMonth] = useState<Dayjs>(beijingTodayValue());
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const entries = useQuery({
    queryKey: ['hearings', mine ? 'mine' : 'centre', from, to],
    queryFn: ({ signal }) => workApi.hearings({ from, to, ...(mine ? { mine: 'true' } : {}) }, signal),
  });
  const byDay = new Map<string, HearingEntry[]>();
  for (const entry of entries.data ?? []) {
    const day = beijingDateTime(entry.at).date;
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  const link = (entry: HearingEntry) =>
    mine ? `/my-cases/${entry.applicationId}` : `/applications/${entry.applicationId}`;

  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8}>
          <CalendarOutlined aria-hidden />
          {mine ? t('work.calendar.mineTitle') : t('work.calendar.centreTitle')}
        </Flex>
      }
      extra={<Typography.Text type="secondary">{t('work.calendar.intro')}</Typography.Text>}
    >
      {entries.isError && <ErrorState compact error={entries.error} onRetry={() => void entries.refetch()} />}
      <Calendar
        value={month}
        onPanelChange={(value) => setMonth(value)}
        onSelect={(value) => setMonth(value)}
        mode="month"
        // The month's own header: named buttons instead of Ant Design's unlabelled year and month
        // selects (axe: form elements must have labels).
        headerRender={({ value, onChange }) => (
          <Flex justify="space-between" align="center" style={{ padding: '8px 0' }}>
            <Button
              aria-label={t('work.calendar.previousMonth')}
              icon={<LeftOutlined aria-hidden />}
              onClick={() => onChange(value.subtract(1, 'month'))}
            />
            <Flex gap={12} align="center">
              <Typography.Text strong aria-live="polite" data-testid="calendar-month">
                {value.format(t('work.calendar.monthFormat'))}
              </Typography.Text>
              <Button size="small" onClick={() => onChange(beijingTodayValue())}>
                {t('work.calendar.thisMonth')}
              </Button>
            </Flex>
            <Button
              aria-label={t('work.calendar.nextMonth')}
              icon={<RightOutlined aria-hidden />}
              onClick={() => onChange(value.add(1, 'month'))}
            />
          </Flex>
        )}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(current.format('YYYY-MM-DD')) ?? [];
          return (
            <Flex vertical gap={2}>
              {list.map((entry) => (
                <Link key={entry.id} to={link(entry)} className="hearing-entry" data-testid="hearing-entry">
                  <Tag
                    color={STATUS_COLOR[entry.status]}
                    style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
                  >
                    {beijingDateTime(entry.at).time}{' '}
                    {t(`casework.activities.kinds.${entry.kind as 'hearing'}`)}
                    {entry.status !== 'done' && ` · ${t(`work.schedule.statuses.${entry.status}`)}`}
                    {!mine && ` · ${entry.handlerName}`}
                    <span className="mono"> {entry.applicationNumber}</span>
                  </Tag>
                </Link>
              ))}
            </Flex>
          );
        }}
      />
    </Card>
  );
}
