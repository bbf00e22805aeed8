import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../applications/labels';
import { CalculationStatusTag } from './CalculationLines';
import { subsidyAreaApi, subsidyAreaKeys, type MySubsidy } from './subsidiesApi';

/** 我的补贴 on 我的案件: each of the handler's subsidies, where it stands (核算中 … 已支付), batch and date. */
export function MySubsidies() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: subsidyAreaKeys.mine, queryFn: () => subsidyAreaApi.mine() });
  if (!query.data || query.data.length === 0) return null;
  return (
    <Card variant="borderless" title={t('subsidyArea.mine.title')} data-testid="my-subsidies">
      <Table<MySubsidy>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={query.data}
        aria-label={t('subsidyArea.mine.title')}
        columns={[
          {
            title: t('subsidyArea.mine.application'),
            dataIndex: 'applicationNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('subsidyArea.mine.amount'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number, r) =>
              r.complete || r.status !== 'calculated' ? (
                formatFen(v, i18n.language)
              ) : (
                <Typography.Text type="secondary">{t('subsidyArea.drawer.unset')}</Typography.Text>
              ),
          },
          {
            title: t('subsidyArea.mine.status'),
            dataIndex: 'status',
            render: (v: MySubsidy['status']) => <CalculationStatusTag status={v} />,
          },
          {
            title: t('subsidyArea.mine.batch'),
            dataIndex: 'batchNumber',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('subsidyArea.mine.paidOn'),
            dataIndex: 'paidOn',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </Card>
  );
}
