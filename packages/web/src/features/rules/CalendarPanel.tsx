import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { beijingToday } from './beijingTime';
import { stretchesOf, type Stretch } from './calendarDays';
import { CalendarYearModal } from './CalendarYearModal';
import { NATIONAL } from './labels';
import { MonthGrid } from './MonthGrid';
import { ruleKeys } from './useRules';

const FIRST_YEAR = 2004;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 节假日: the official calendar of a year (national), and entering a newly announced year. */
export function CalendarPanel({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [today] = useState(beijingToday);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [entering, setEntering] = useState(false);
  const calendar = useQuery({
    queryKey: ruleKeys.calendar(year, NATIONAL),
    queryFn: ({ signal }) => calendarApi.year(year, NATIONAL, signal),
  });
  const days = useMemo(() => new Map((calendar.data ?? []).map((d) => [d.date, d])), [calendar.data]);
  const stretches = useMemo(() => stretchesOf(calendar.data ?? []), [calendar.data]);
  const holidays = calendar.data?.filter((d) => d.kind === 'holiday').length ?? 0;
  const sources = [...new Set((calendar.data ?? []).map((d) => d.source))];
  const english = i18n.language === 'en-US';
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR + 1 }, (_, i) => thisYear + 2 - i);

  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <Select
            id="calendar-year"
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Flex gap={12} wrap className="calendar-legend">
            <span className="calendar-legend__item calendar-legend__item--holiday">
              {t('calendar.legendHoliday')}
            </span>
            <span className="calendar-legend__item calendar-legend__item--workday">
              {t('calendar.legendWorkday')}
            </span>
            <span className="calendar-legend__item calendar-legend__item--weekend">
              {t('calendar.legendWeekend')}
            </span>
          </Flex>
        </Flex>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEntering(true)}>
            {t('calendar.enterYear')}
          </Button>
        )}
      </Flex>
      {calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} compact />
      ) : calendar.data && calendar.data.length === 0 ? (
        <Empty description={t('calendar.empty', { year })}>
          <Typography.Text type="secondary">{t('calendar.emptyHint')}</Typography.Text>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('calendar.count', { holidays, workdays: (calendar.data?.length ?? 0) - holidays })}
            {sources.length > 0 && ` · ${t('calendar.source', { source: sources.join('；') })}`}
          </Typography.Paragraph>
          <Row gutter={[24, 16]}>
            <Col xs={24} xxl={16}>
              <div className="calendar-months">
                {MONTHS.map((month) => (
                  <MonthGrid key={month} year={year} month={month} days={days} today={today} />
                ))}
              </div>
            </Col>
            <Col xs={24} xxl={8}>
              <Table<Stretch>
                rowKey="from"
                size="small"
                pagination={false}
                loading={calendar.isPending}
                dataSource={stretches}
                columns={[
                  {
                    title: t('calendar.name'),
                    key: 'name',
                    render: (_, s) => (english ? s.nameEn : s.nameZh),
                  },
                  {
                    title: t('calendar.formKind'),
                    key: 'kind',
                    render: (_, s) =>
                      s.kind === 'holiday' ? (
                        <Tag color="red">{t('calendar.holiday')}</Tag>
                      ) : (
                        <Tag color="blue">{t('calendar.adjustedWorkday')}</Tag>
                      ),
                  },
                  {
                    title: t('calendar.formDates'),
                    key: 'dates',
                    render: (_, s) => (s.from === s.to ? s.from : `${s.from} – ${s.to.slice(5)}`),
                  },
                  { title: t('calendar.days'), dataIndex: 'days', key: 'days', align: 'right', width: 64 },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
      {canManage && (
        <CalendarYearModal
          open={entering}
          defaultYear={calendar.data && calendar.data.length === 0 ? year : thisYear + 1}
          onClose={() => setEntering(false)}
          onSaved={setYear}
        />
      )}
    </Card>
  );
}
