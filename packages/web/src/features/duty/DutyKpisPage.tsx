import { useState } from 'react';
import { DatePicker, Flex, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { dutyApi, type DutyKpi } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { beijingToday } from '../rules/beijingTime';

/** KPIs per district centre and month: plea presences, notices assigned within 3 days, defence coverage. */
export default function DutyKpisPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const kpis = useQuery({
    queryKey: ['duty', 'kpis', month],
    queryFn: ({ signal }) => dutyApi.kpis(month, signal),
  });
  const share = (perMille: number | null) =>
    perMille === null ? t('duty.kpis.noShare') : `${(perMille / 10).toFixed(1)}%`;
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('duty.kpis.title')}
        extra={
          <DatePicker
            aria-label={t('duty.kpis.month')}
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        }
      />
      {kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <Table<DutyKpi>
          rowKey={(k) => k.centre.id}
          loading={kpis.isLoading}
          dataSource={kpis.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('duty.kpis.centre'), render: (_, k) => k.centre.name },
            { title: t('duty.kpis.plea'), dataIndex: 'pleaPresences' },
            { title: t('duty.kpis.notified'), dataIndex: 'notifiedCases' },
            { title: t('duty.kpis.inTime'), dataIndex: 'notifiedAssignedInTime' },
            { title: t('duty.kpis.inTimeShare'), render: (_, k) => share(k.notifiedAssignedInTimePerMille) },
            { title: t('duty.kpis.criminal'), dataIndex: 'criminalCases' },
            { title: t('duty.kpis.withLawyer'), dataIndex: 'criminalCasesWithLawyer' },
            { title: t('duty.kpis.coverage'), render: (_, k) => share(k.defenceCoveragePerMille) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary">{t('duty.kpis.formulas')}</Typography.Paragraph>
    </Flex>
  );
}
