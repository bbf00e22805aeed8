import { useState } from 'react';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../auth/session';
import { Countdown } from '../../applications/Countdown';
import { beijingDateTime } from '../../rules/beijingTime';
import { asCountdownClock, complaintKeys, complaintsApi, type ComplaintListItem } from './complaintsApi';
import { ComplaintDrawer } from './ComplaintDrawer';
import { RecordComplaintModal } from './RecordComplaintModal';
import { statusColor } from './complaintWords';

/**
 * 投诉处理: every complaint of the caller's centres with the period running now (acceptance,
 * handling, reply), open first; a row opens the complaint and the steps open on it.
 */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(true);
  // `?id=` opens a complaint (the bell links here).
  const [search, setSearch] = useSearchParams();
  const selected = search.get('id');
  const setSelected = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('id', id);
      else next.delete('id');
      return next;
    });
  const [recording, setRecording] = useState(false);
  const list = useQuery({ queryKey: complaintKeys.list(open), queryFn: () => complaintsApi.list(open) });
  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        extra={
          can('complaint.record') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)}>
              {t('complaints.record')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('complaints.intro')}</Typography.Paragraph>
      <Segmented
        value={open ? 'open' : 'all'}
        onChange={(v) => setOpen(v === 'open')}
        options={[
          { value: 'open', label: t('complaints.filterOpen') },
          { value: 'all', label: t('complaints.filterAll') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<ComplaintListItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('complaints.empty') }}
        onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 960 }}
        columns={[
          {
            title: t('complaints.number'),
            dataIndex: 'number',
            render: (v: string | null, row) => (
              <Button type="link" className="mono" style={{ padding: 0 }} onClick={() => setSelected(row.id)}>
                {v ?? '—'}
              </Button>
            ),
          },
          {
            title: t('complaints.receivedAt'),
            dataIndex: 'receivedAt',
            render: (v: string) => `${beijingDateTime(v).date} ${beijingDateTime(v).time}`,
          },
          {
            title: t('complaints.channel'),
            dataIndex: 'channel',
            render: (v: ComplaintListItem['channel']) => t(`complaints.channels.${v}`),
          },
          { title: t('complaints.centre'), dataIndex: 'centre' },
          {
            title: t('complaints.about'),
            dataIndex: 'about',
            render: (v: ComplaintListItem['about'], row) =>
              `${t(`complaints.aboutKinds.${v}`)}${row.handlerName ? `：${row.handlerName}` : ''}`,
          },
          { title: t('complaints.text'), dataIndex: 'text', ellipsis: true },
          {
            title: t('complaints.status'),
            dataIndex: 'status',
            render: (v: ComplaintListItem['status']) => (
              <Tag color={statusColor(v)}>{t(`complaints.statuses.${v}`)}</Tag>
            ),
          },
          {
            title: t('complaints.period'),
            dataIndex: 'clock',
            render: (clock: ComplaintListItem['clock']) =>
              clock ? <Countdown clock={asCountdownClock(clock)} showPeriod /> : '—',
          },
        ]}
      />
      <ComplaintDrawer id={selected} onClose={() => setSelected(null)} />
      <RecordComplaintModal
        open={recording}
        onClose={(id) => {
          setRecording(false);
          if (id) setSelected(id);
        }}
      />
    </>
  );
}
