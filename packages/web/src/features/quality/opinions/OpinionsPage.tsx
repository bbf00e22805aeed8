import { useState } from 'react';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { CreateOpinionModal } from './CreateOpinionModal';
import { OpinionDrawer } from './OpinionDrawer';
import { opinionKeys, opinionsApi, type OpinionItem, type OpinionStatus } from './opinionsApi';

const STATUSES: OpinionStatus[] = ['drafted', 'sent', 'printed', 'answered', 'cancelled'];
export const STATUS_COLOURS: Record<OpinionStatus, string> = {
  drafted: 'default',
  sent: 'blue',
  printed: 'blue',
  answered: 'green',
  cancelled: 'default',
};

/** 征询意见: the requests for the case-handling organs' opinions, their letters and answers. */
export default function OpinionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OpinionStatus | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: opinionKeys.list(status === 'all' ? undefined : status),
    queryFn: () => opinionsApi.list(status === 'all' ? undefined : status),
  });
  return (
    <>
      <PageHeader
        title={t('opinions.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('opinions.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('opinions.intro')}</Typography.Paragraph>
      <Segmented<OpinionStatus | 'all'>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'all', label: t('opinions.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`opinions.statuses.${s}`) })),
        ]}
      />
      <Table<OpinionItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('opinions.empty') }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('opinions.application'),
            dataIndex: 'applicationNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          { title: t('opinions.handler'), dataIndex: 'handlerName' },
          {
            title: t('opinions.organ'),
            dataIndex: 'organName',
            render: (v: string, r) => `${t(`opinions.organKinds.${r.organKind}`)} · ${v}`,
          },
          {
            title: t('opinions.channel'),
            dataIndex: 'channel',
            render: (v: OpinionItem['channel']) => t(`opinions.channels.${v}`),
          },
          { title: t('opinions.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('opinions.status'),
            dataIndex: 'status',
            render: (v: OpinionStatus, r) => (
              <>
                <Tag color={STATUS_COLOURS[v]}>{t(`opinions.statuses.${v}`)}</Tag>
                {r.poorItems.length > 0 && <Tag color="red">{t('opinions.poor')}</Tag>}
              </>
            ),
          },
          {
            key: 'actions',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r.id)}>
                {t('opinions.view')}
              </Button>
            ),
          },
        ]}
      />
      <CreateOpinionModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <OpinionDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
