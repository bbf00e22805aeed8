import { Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { beijingDateTime } from '../rules/beijingTime';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { PageHeader } from '../../components/PageHeader';

interface Complaint {
  id: string;
  channel: string;
  centre: string;
  applicationNumber: string | null;
  about: string;
  text: string;
  status: string;
  receivedAt: string;
}

/** 投诉: complaints as received (from the portal today); their handling comes with the next issue. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['complaints'],
    queryFn: () => api.get<{ items: Complaint[] }>('/complaints'),
  });
  return (
    <>
      <PageHeader title={t('bookings.complaints')} />
      <Table<Complaint>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('bookings.noComplaints') }}
        columns={[
          {
            title: t('bookings.receivedAt'),
            dataIndex: 'receivedAt',
            render: (v: string) => `${beijingDateTime(v).date} ${beijingDateTime(v).time}`,
          },
          { title: t('bookings.centre'), dataIndex: 'centre' },
          {
            title: t('bookings.about'),
            dataIndex: 'about',
            render: (v: string) => <Tag>{t(`bookings.aboutKinds.${v as 'centre'}`)}</Tag>,
          },
          { title: t('bookings.application'), dataIndex: 'applicationNumber' },
          { title: t('bookings.text'), dataIndex: 'text' },
          { title: t('bookings.channel'), dataIndex: 'channel', render: () => t('bookings.channelPortal') },
        ]}
      />
    </>
  );
}
