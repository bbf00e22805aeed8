import { useState } from 'react';
import { App, Button, DatePicker, Form, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { PageHeader } from '../../components/PageHeader';
import { newIdempotencyKey } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { useCurrentUser } from '../auth/session';
import { formatFen } from '../applications/labels';
import { beijingTodayValue } from '../rules/beijingTime';
import { BankLayoutForm } from './BankLayoutForm';
import { BatchDrawer } from './BatchDrawer';
import { PayeeAccounts } from './PayeeAccounts';
import { subsidyAreaApi, subsidyAreaKeys, type BatchStatus, type BatchSummary } from './subsidiesApi';

export const BATCH_COLOURS: Record<BatchStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  settled: 'green',
  cancelled: 'default',
};

/** 补贴发放: payment batches, the payees' bank accounts and the bank file layout. */
export default function SubsidyBatchesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayPay = me.permissions.includes('subsidy.pay');
  return (
    <>
      <PageHeader title={t('subsidyArea.batches.title')} />
      <Typography.Paragraph type="secondary">{t('subsidyArea.batches.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'batches',
            label: t('subsidyArea.batches.tabs.batches'),
            children: <Batches mayPay={mayPay} />,
          },
          ...(mayPay
            ? [
                { key: 'payees', label: t('subsidyArea.batches.tabs.payees'), children: <PayeeAccounts /> },
                { key: 'layout', label: t('subsidyArea.batches.tabs.layout'), children: <BankLayoutForm /> },
              ]
            : []),
        ]}
      />
    </>
  );
}

function Batches({ mayPay }: { mayPay: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs]; payeeKind: 'all' | 'law_firm' | 'handler' }>();
  const list = useQuery({ queryKey: subsidyAreaKeys.batches, queryFn: () => subsidyAreaApi.batches() });
  const create = useMutation({
    mutationFn: (v: { period: [Dayjs, Dayjs]; payeeKind: 'all' | 'law_firm' | 'handler' }) =>
      subsidyAreaApi.createBatch(
        {
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          payee: { kind: v.payeeKind },
        },
        key,
      ),
    onSuccess: (batch) => {
      setKey(newIdempotencyKey());
      setCreating(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: subsidyAreaKeys.all });
      void message.success(batch.number);
      setOpen(batch.id);
    },
  });
  return (
    <>
      {mayPay && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('subsidyArea.batches.create')}
        </Button>
      )}
      <Table<BatchSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('subsidyArea.batches.empty') }}
        scroll={{ x: 800 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('subsidyArea.batches.number'),
            dataIndex: 'number',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('subsidyArea.batch.period'),
            key: 'period',
            render: (_: unknown, r) => `${r.periodFrom} – ${r.periodTo}`,
          },
          {
            title: t('subsidyArea.batches.total'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number) => formatFen(v, i18n.language),
          },
          { title: t('subsidyArea.batches.lines'), dataIndex: 'lineCount', align: 'right' },
          { title: t('subsidyArea.batches.subsidies'), dataIndex: 'subsidyCount', align: 'right' },
          {
            title: t('subsidyArea.batches.status'),
            dataIndex: 'status',
            render: (v: BatchStatus) => (
              <Tag color={BATCH_COLOURS[v]}>{t(`subsidyArea.batchStatuses.${v}`)}</Tag>
            ),
          },
          {
            title: t('subsidyArea.batches.createdBy'),
            key: 'by',
            render: (_: unknown, r) => r.createdBy.displayName,
          },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('subsidyArea.batches.view')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('subsidyArea.batches.createTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
      >
        {create.error && (
          <Typography.Text type="danger" role="alert">
            {errorMessage(create.error, t('errors.network'))}
          </Typography.Text>
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            payeeKind: 'all',
            period: [beijingTodayValue().startOf('month'), beijingTodayValue()],
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="period"
            label={t('subsidyArea.batches.period')}
            rules={[{ required: true, message: t('subsidyArea.batches.periodRequired') }]}
          >
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="payeeKind" label={t('subsidyArea.batches.payeeKind')}>
            <Select
              options={(['all', 'law_firm', 'handler'] as const).map((k) => ({
                value: k,
                label: t(`subsidyArea.batches.payeeKinds.${k}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <BatchDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
