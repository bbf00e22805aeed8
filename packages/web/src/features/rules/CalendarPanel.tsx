import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Citation } from './Citation';
import { calendarApi, type CalendarBasis } from '../../api';
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
  // The year shown and next year: a year without its State Council notice rests on the statute.
  const basis = useQuery({
    queryKey: ruleKeys.calendarBasis(year, NATIONAL),
    queryFn: ({ signal }) => calendarApi.basis(year, NATIONAL, signal),
  });
  const nextBasis = useQuery({
    queryKey: ruleKeys.calendarBasis(thisYear + 1, NATIONAL),
    queryFn: ({ signal }) => calendarApi.basis(thisYear + 1, NATIONAL, signal),
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
      {year !== thisYear + 1 && nextBasis.data && nextBasis.data.basis !== 'notice' && (
        <NoticeMissing basis={nextBasis.data} onShow={() => setYear(thisYear + 1)} />
      )}
      {calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} compact />
      ) : calendar.data && calendar.data.length === 0 ? (
        basis.data ? (
          <Flex vertical gap={16}>
            <NoticeMissing basis={basis.data} />
            {basis.data.statutoryHolidays.length > 0 && (
              <Table
                rowKey="date"
                size="small"
                pagination={false}
                title={() => t('calendar.baselineTitle', { year })}
                dataSource={basis.data.statutoryHolidays}
                columns={[
                  {
                    title: t('calendar.formDates'),
                    dataIndex: 'date',
                    key: 'date',
                    width: 140,
                  },
                  {
                    title: t('calendar.name'),
                    key: 'name',
                    render: (_, h) => (english ? h.nameEn : h.nameZh),
                  },
                  {
                    title: t('rules.citation'),
                    dataIndex: 'citation',
                    key: 'citation',
                    render: (citation: string) => <Citation citation={citation} />,
                  },
                ]}
              />
            )}
          </Flex>
        ) : null
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

/** The year's State Council notice is missing: what dates rest on meanwhile (the statute, or weekends). */
function NoticeMissing({ basis, onShow }: { basis: CalendarBasis; onShow?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={`calendar-notice-missing-${basis.year}`}
      title={
        <Flex gap={8} align="center" wrap>
          {t('calendar.noticeMissing', { year: basis.year })}
          {basis.provisional && <Tag color="orange">{t('calendar.provisional')}</Tag>}
        </Flex>
      }
      description={
        basis.basis === 'statutory'
          ? t('calendar.noticeMissingBaseline', { year: basis.year })
          : t('calendar.noticeMissingWeekends')
      }
      action={
        onShow && (
          <Button size="small" onClick={onShow}>
            {basis.year}
          </Button>
        )
      }
    />
  );
}
