import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../components/ErrorState';
import { beijingDateTime } from '../../rules/beijingTime';
import { ObservationDrawer } from './ObservationDrawer';
import { observationColor } from './observationColor';
import { hearingKeys, hearingsApi, type ObservationItem, type UpcomingHearing } from './hearingsApi';

const at = (iso: string) => {
  const { date, time } = beijingDateTime(iso);
  return `${date} ${time}`;
};

/** 庭审旁听: the hearings ahead to observe, and the observations with their score sheets. */
export default function HearingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('upcoming');
  const [open, setOpen] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState<UpcomingHearing | null>(null);
  return (
    <>
      <PageHeader title={t('hearings.title')} />
      <Typography.Paragraph type="secondary">{t('hearings.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'upcoming',
            label: t('hearings.tabUpcoming'),
            children: <UpcomingList onSchedule={setScheduling} onOpen={setOpen} />,
          },
          { key: 'records', label: t('hearings.tabRecords'), children: <ObservationList onOpen={setOpen} /> },
        ]}
      />
      <ScheduleModal hearing={scheduling} onClose={() => setScheduling(null)} onScheduled={setOpen} />
      <ObservationDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function UpcomingList({
  onSchedule,
  onOpen,
}: {
  onSchedule: (h: UpcomingHearing) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: hearingKeys.upcoming, queryFn: hearingsApi.upcoming });
  return (
    <Table<UpcomingHearing>
      rowKey="activityId"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('hearings.upcomingEmpty') }}
      scroll={{ x: 800 }}
      columns={[
        { title: t('hearings.hearingAt'), dataIndex: 'at', render: (v: string) => at(v) },
        {
          title: t('hearings.application'),
          dataIndex: 'applicationNumber',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        { title: t('hearings.handler'), dataIndex: 'handlerName' },
        { title: t('hearings.place'), dataIndex: 'place', render: (v: string | null) => v ?? '—' },
        {
          key: 'actions',
          render: (_: unknown, h) =>
            h.observation ? (
              <Button size="small" onClick={() => onOpen(h.observation!.id)}>
                <Tag color={observationColor(h.observation.status)}>
                  {t(`hearings.statuses.${h.observation.status}`)}
                </Tag>
              </Button>
            ) : (
              <Button size="small" type="primary" onClick={() => onSchedule(h)}>
                {t('hearings.schedule')}
              </Button>
            ),
        },
      ]}
    />
  );
}

function ObservationList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: hearingKeys.list, queryFn: hearingsApi.list });
  return (
    <Table<ObservationItem>
      rowKey="id"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('hearings.recordsEmpty') }}
      scroll={{ x: 900 }}
      columns={[
        { title: t('hearings.hearingAt'), dataIndex: 'scheduledAt', render: (v: string) => at(v) },
        {
          title: t('hearings.application'),
          dataIndex: 'applicationNumber',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        { title: t('hearings.handler'), dataIndex: 'handlerName' },
        { title: t('hearings.observer'), dataIndex: 'observerName' },
        {
          title: t('hearings.status'),
          dataIndex: 'status',
          render: (v: ObservationItem['status']) => (
            <Tag color={observationColor(v)}>{t(`hearings.statuses.${v}`)}</Tag>
          ),
        },
        {
          title: t('hearings.totalScore'),
          dataIndex: 'totalScore',
          render: (v: number | null) => (v === null ? '—' : v),
        },
        {
          key: 'actions',
          render: (_: unknown, o) => (
            <Button size="small" onClick={() => onOpen(o.id)}>
              {t('hearings.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function ScheduleModal({
  hearing,
  onClose,
  onScheduled,
}: {
  hearing: UpcomingHearing | null;
  onClose: () => void;
  onScheduled: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ observerId: string }>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const observers = useQuery({
    queryKey: hearingKeys.observers,
    queryFn: hearingsApi.observers,
    enabled: hearing !== null,
  });
  const schedule = useMutation({
    mutationFn: (v: { observerId: string }) =>
      hearingsApi.schedule({ activityId: hearing?.activityId ?? '', observerId: v.observerId }, key),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: hearingKeys.all });
      void message.success(t('hearings.scheduled'));
      onClose();
      onScheduled(result.id);
    },
  });
  return (
    <Modal
      open={hearing !== null}
      title={t('hearings.scheduleTitle', { number: hearing?.applicationNumber ?? '' })}
      okText={t('hearings.schedule')}
      onOk={() => form.submit()}
      confirmLoading={schedule.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {hearing && (
        <Typography.Paragraph>
          {at(hearing.at)} · {hearing.place ?? ''} · {hearing.handlerName}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => schedule.mutate(v)}>
        <Form.Item
          name="observerId"
          label={t('hearings.observer')}
          rules={[{ required: true, message: t('hearings.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={observers.isPending}
            options={(observers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      {schedule.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(schedule.error, t('errors.network'))} />
      )}
    </Modal>
  );
}
