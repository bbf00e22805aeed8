import { useState } from 'react';
import { Alert, Button, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../auth/session';
import { fundingApi, fundingKeys, type Contract } from '../fundingApi';
import { formatFen } from '../money';
import { ContractDrawer } from './ContractDrawer';
import { ContractModal } from './ContractModal';

/** 购买服务: contracts with law firms and social organisations, what is paid, and what was delivered. */
export default function ContractsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: fundingKeys.contracts, queryFn: () => fundingApi.contracts() });
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <>
      <PageHeader
        title={t('funding.contracts.title')}
        extra={
          can('funding.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('funding.contracts.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('funding.contracts.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('funding.contracts.manualHours')} />
      <Table<Contract>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('funding.contracts.empty') }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('funding.contracts.contractNumber'),
            dataIndex: 'contractNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('funding.contracts.provider'),
            dataIndex: 'providerName',
            render: (v: string, r) => `${v}（${t(`funding.providerKinds.${r.providerKind}`)}）`,
          },
          {
            title: t('funding.contracts.period'),
            key: 'period',
            render: (_: unknown, r) => `${r.startsOn} — ${r.endsOn}`,
          },
          { title: t('funding.contracts.amount'), dataIndex: 'amountFen', align: 'right', render: money },
          { title: t('funding.contracts.paid'), dataIndex: 'paidFen', align: 'right', render: money },
          { title: t('funding.contracts.budgetLine'), dataIndex: ['budgetLine', 'name'] },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('funding.contracts.view')}
              </Button>
            ),
          },
        ]}
      />
      <ContractModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <ContractDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
