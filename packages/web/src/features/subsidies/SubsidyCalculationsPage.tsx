import { useState } from 'react';
import { Button, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatFen } from '../applications/labels';
import { beijingDateTime } from '../rules/beijingTime';
import { CalculationDrawer } from './CalculationDrawer';
import { CalculationStatusTag } from './CalculationLines';
import { subsidyAreaApi, subsidyAreaKeys, type CalculationRow, type CalculationStatus } from './subsidiesApi';

const STATUSES: CalculationStatus[] = ['calculated', 'pending_second', 'approved', 'batched', 'paid'];

/** 补贴核算: every case's subsidy calculation in scope, by status; the drawer reviews and approves. */
export default function SubsidyCalculationsPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<CalculationStatus | 'all'>('calculated');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: subsidyAreaKeys.calculations(status),
    queryFn: () => subsidyAreaApi.calculations(status === 'all' ? undefined : status),
  });
  return (
    <>
      <PageHeader title={t('subsidyArea.calculations.title')} />
      <Typography.Paragraph type="secondary">{t('subsidyArea.calculations.intro')}</Typography.Paragraph>
      <Segmented<CalculationStatus | 'all'>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          ...STATUSES.map((s) => ({ value: s, label: t(`subsidyArea.statuses.${s}`) })),
          { value: 'all', label: t('subsidyArea.calculations.all') },
        ]}
      />
      <Table<CalculationRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('subsidyArea.calculations.empty') }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('subsidyArea.calculations.application'),
            dataIndex: 'applicationNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('subsidyArea.calculations.handler'),
            key: 'handler',
            render: (_: unknown, r) => r.handler.name,
          },
          {
            title: t('subsidyArea.calculations.payee'),
            key: 'payee',
            render: (_: unknown, r) => r.payee.name,
          },
          {
            title: t('subsidyArea.calculations.computed'),
            dataIndex: 'computedFen',
            align: 'right',
            render: (v: number, r) =>
              r.complete ? formatFen(v, i18n.language) : t('subsidyArea.drawer.unset'),
          },
          {
            title: t('subsidyArea.calculations.total'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number) => formatFen(v, i18n.language),
          },
          {
            title: t('subsidyArea.calculations.status'),
            dataIndex: 'status',
            render: (v: CalculationStatus) => <CalculationStatusTag status={v} />,
          },
          {
            title: t('subsidyArea.calculations.calculatedAt'),
            dataIndex: 'calculatedAt',
            render: (v: string) => {
              const d = beijingDateTime(v);
              return `${d.date} ${d.time}`;
            },
          },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('subsidyArea.calculations.view')}
              </Button>
            ),
          },
        ]}
      />
      <CalculationDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
