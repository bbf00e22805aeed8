import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../auth/session';
import { fundingApi, fundingKeys, type Donation } from '../fundingApi';
import { formatFen } from '../money';
import { DonationDrawer } from './DonationDrawer';
import { DonationModal } from './DonationModal';

/** 社会捐赠: donations received, their receipts, and what is left of each. */
export default function DonationsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: fundingKeys.donations, queryFn: () => fundingApi.donations() });
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <>
      <PageHeader
        title={t('funding.donations.title')}
        extra={
          can('funding.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('funding.donations.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('funding.donations.intro')}</Typography.Paragraph>
      <Table<Donation>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('funding.donations.empty') }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('funding.donations.receiptNumber'),
            dataIndex: 'receiptNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('funding.donations.donorName'),
            dataIndex: 'donorName',
            render: (v: string, r) => `${v}（${t(`funding.donorKinds.${r.donorKind}`)}）`,
          },
          { title: t('funding.donations.purpose'), dataIndex: 'purpose' },
          { title: t('funding.donations.receivedOn'), dataIndex: 'receivedOn' },
          { title: t('funding.donations.amount'), dataIndex: 'amountFen', align: 'right', render: money },
          { title: t('funding.donations.used'), dataIndex: 'usedFen', align: 'right', render: money },
          { title: t('funding.donations.left'), dataIndex: 'leftFen', align: 'right', render: money },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('funding.donations.view')}
              </Button>
            ),
          },
        ]}
      />
      <DonationModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <DonationDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
