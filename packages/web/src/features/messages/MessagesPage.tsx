import { useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { beijingDateTime } from '../rules/beijingTime';

interface Message {
  id: string;
  channel: 'sms' | 'email';
  kind: string;
  recipient: string;
  status: 'pending' | 'sent' | 'delivered' | 'simulated' | 'failed';
  attempts: number;
  lastError: string | null;
  provider: string | null;
  createdAt: string;
  sentAt: string | null;
  /** When the carrier reported delivery (or failure); none for the simulator or e-mail. */
  reportedAt: string | null;
  body: string | null;
}

const STATUS_COLOUR: Record<Message['status'], string> = {
  pending: 'default',
  sent: 'blue',
  delivered: 'green',
  simulated: 'purple',
  failed: 'red',
};
const STATUSES = ['pending', 'sent', 'delivered', 'simulated', 'failed'] as const;
const at = (iso: string | null) => (iso ? `${beijingDateTime(iso).date} ${beijingDateTime(iso).time}` : '');

/** 消息: what the outbox sent or still holds — masked recipients, status, attempts, last error. */
export default function MessagesPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['messages', status, channel, page],
    queryFn: () =>
      api.get<{ total: number; items: Message[] }>('/messages', { status, channel, page, pageSize: 20 }),
  });
  const kindLabel = (kind: string) => {
    const key = `messages.kinds.${kind}` as 'messages.kinds.otp_code';
    return String(i18n.exists(key) ? t(key) : t('messages.kindOther'));
  };
  return (
    <>
      <PageHeader
        title={t('messages.title')}
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('messages.status')}
              aria-label={t('messages.status')}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={STATUSES.map((s) => ({ value: s, label: t(`messages.statuses.${s}`) }))}
            />
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('messages.channel')}
              aria-label={t('messages.channel')}
              value={channel}
              onChange={(v) => {
                setChannel(v);
                setPage(1);
              }}
              options={[
                { value: 'sms', label: t('messages.sms') },
                { value: 'email', label: t('messages.email') },
              ]}
            />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('messages.intro')}</Typography.Paragraph>
      <Table<Message>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          rowExpandable: (m) => m.body !== null,
          expandedRowRender: (m) => <Typography.Text>{m.body}</Typography.Text>,
        }}
        columns={[
          { title: t('messages.createdAt'), dataIndex: 'createdAt', render: (v: string) => at(v) },
          { title: t('messages.recipient'), dataIndex: 'recipient' },
          { title: t('messages.kind'), dataIndex: 'kind', render: (v: string) => kindLabel(v) },
          {
            title: t('messages.channel'),
            dataIndex: 'channel',
            render: (v: string) => (v === 'sms' ? t('messages.sms') : t('messages.email')),
          },
          {
            title: t('messages.status'),
            dataIndex: 'status',
            render: (v: Message['status']) => (
              <Tag color={STATUS_COLOUR[v]}>{t(`messages.statuses.${v}`)}</Tag>
            ),
          },
          { title: t('messages.attempts'), dataIndex: 'attempts' },
          { title: t('messages.lastError'), dataIndex: 'lastError' },
          { title: t('messages.sentAt'), dataIndex: 'sentAt', render: (v: string | null) => at(v) },
          { title: t('messages.reportedAt'), dataIndex: 'reportedAt', render: (v: string | null) => at(v) },
        ]}
      />
    </>
  );
}
