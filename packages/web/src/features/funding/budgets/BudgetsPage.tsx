import { useState } from 'react';
import { Button, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../auth/session';
import { beijingToday } from '../../rules/beijingTime';
import { fundingApi, fundingKeys, type BudgetLine } from '../fundingApi';
import { formatFen } from '../money';
import { BudgetLineDrawer } from './BudgetLineDrawer';
import { BudgetLineModal } from './BudgetLineModal';

/** 预算: the year's budget lines, each allocated, committed, spent and remaining, and its alert. */
export default function BudgetsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const open = params.get('line');
  const setOpen = (id: string | null) => setParams(id ? { line: id } : {});
  const list = useQuery({ queryKey: fundingKeys.lines(year), queryFn: () => fundingApi.lines(year) });
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <>
      <PageHeader
        title={t('funding.budgets.title')}
        extra={
          can('funding.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('funding.budgets.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('funding.budgets.intro')}</Typography.Paragraph>
      <Select<number>
        aria-label={t('funding.budgets.year')}
        style={{ width: 120, marginBottom: 12 }}
        value={year}
        onChange={setYear}
        options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
          value: y,
          label: String(y),
        }))}
      />
      <Table<BudgetLine>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('funding.budgets.empty') }}
        scroll={{ x: 1000 }}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('funding.budgets.name'), dataIndex: 'name' },
          {
            title: t('funding.budgets.sourceKind'),
            dataIndex: 'sourceKind',
            render: (v: BudgetLine['sourceKind']) => t(`funding.sourceKinds.${v}`),
          },
          {
            title: t('funding.budgets.purpose'),
            dataIndex: 'purpose',
            render: (v: BudgetLine['purpose']) => t(`funding.purposes.${v}`),
          },
          { title: t('funding.budgets.allocated'), dataIndex: 'allocatedFen', align: 'right', render: money },
          { title: t('funding.budgets.committed'), dataIndex: 'committedFen', align: 'right', render: money },
          { title: t('funding.budgets.spent'), dataIndex: 'spentFen', align: 'right', render: money },
          {
            title: t('funding.budgets.remaining'),
            dataIndex: 'remainingFen',
            align: 'right',
            render: (v: number) => <span data-testid="remaining">{money(v)}</span>,
          },
          { title: t('funding.budgets.available'), dataIndex: 'availableFen', align: 'right', render: money },
          {
            title: t('funding.budgets.threshold'),
            dataIndex: 'low',
            render: (low: boolean, r) => (
              <Tag color={low ? 'orange' : 'green'}>
                {low ? t('funding.budgets.low') : t('funding.budgets.ok')} · {r.alertThresholdPerMille / 10}%
              </Tag>
            ),
          },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('funding.budgets.view')}
              </Button>
            ),
          },
        ]}
      />
      <BudgetLineModal
        open={creating}
        year={year}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <BudgetLineDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
