import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { beijingDateTime, beijingToday, beijingTodayValue } from '../rules/beijingTime';
import { BEIJING, localName } from '../rules/labels';
import { mostLocal, useRuleRows } from '../rules/useRules';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';

interface Booking {
  id: string;
  kind: 'window' | 'video';
  topic: string;
  code: string;
  status: string;
  startsAt: string;
  endsAt: string;
  videoLink: string | null;
  phoneMasked: string | null;
  consultationId: string | null;
}
interface Slot {
  id: string;
  kind: 'window' | 'video';
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
}

const time = (iso: string) => beijingDateTime(iso).time;

/** 网上预约: the day's bookings from the portal (recorded as consultations from here), the slots, the video link. */
export default function BookingsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [day, setDay] = useState<Dayjs>(beijingTodayValue);
  const date = day.format('YYYY-MM-DD');
  const bookings = useQuery({
    queryKey: ['bookings', date],
    queryFn: () => api.get<{ items: Booking[] }>('/appointments', { date }),
  });
  const from = beijingToday();
  const to = beijingTodayValue().add(28, 'day').format('YYYY-MM-DD');
  const slots = useQuery({
    queryKey: ['slots', from, to],
    queryFn: () => api.get<{ items: Slot[] }>('/appointment-slots', { from, to }),
  });
  const video = useQuery({
    queryKey: ['video-link'],
    queryFn: () => api.get<{ videoLinkTemplate: string | null }>('/centre-video-link'),
  });
  const [recording, setRecording] = useState<Booking | null>(null);
  const [recordForm] = Form.useForm<{ question: string; answer?: string }>();
  const record = useMutation({
    mutationFn: (body: { question: string; answer?: string }) =>
      api.post(`/appointments/${recording!.id}/consultation`, body),
    onSuccess: () => {
      setRecording(null);
      recordForm.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
  const [slotForm] = Form.useForm<{
    kind: 'window' | 'video';
    day: Dayjs;
    range: [Dayjs, Dayjs];
    capacity: number;
  }>();
  const publish = useMutation({
    mutationFn: (v: { kind: string; day: Dayjs; range: [Dayjs, Dayjs]; capacity: number }) => {
      const at = (h: Dayjs) => `${v.day.format('YYYY-MM-DD')}T${h.format('HH:mm')}:00+08:00`;
      return api.post('/appointment-slots', {
        kind: v.kind,
        startsAt: at(v.range[0]),
        endsAt: at(v.range[1]),
        capacity: v.capacity,
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['slots'] }),
  });
  const saveVideo = useMutation({
    mutationFn: (videoLinkTemplate: string | null) => api.put('/centre-video-link', { videoLinkTemplate }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['video-link'] }),
  });
  const matters = useRuleRows('matter', BEIJING, from);
  const topicName = (code: string) => {
    const row = mostLocal(matters.data ?? [], ['000000', BEIJING]).find((m) => m.key === code);
    return row ? localName(row.data, i18n.language) : t('bookings.topicOther');
  };
  const kindLabel = (kind: string) => (kind === 'video' ? t('bookings.kindVideo') : t('bookings.kindWindow'));

  return (
    <>
      <PageHeader title={t('bookings.title')} />
      <Card
        title={t('bookings.today')}
        extra={
          <DatePicker
            value={day}
            onChange={(d) => d && setDay(d)}
            allowClear={false}
            aria-label={t('bookings.date')}
          />
        }
      >
        <Table<Booking>
          rowKey="id"
          loading={bookings.isPending}
          dataSource={bookings.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('bookings.none') }}
          columns={[
            { title: t('bookings.time'), render: (_v, b) => `${time(b.startsAt)}–${time(b.endsAt)}` },
            {
              title: t('bookings.kind'),
              dataIndex: 'kind',
              render: (k: string) => <Tag>{kindLabel(k)}</Tag>,
            },
            { title: t('bookings.code'), dataIndex: 'code' },
            { title: t('bookings.phone'), dataIndex: 'phoneMasked' },
            { title: t('bookings.topic'), dataIndex: 'topic', render: (v: string) => topicName(v) },
            {
              title: t('bookings.video'),
              dataIndex: 'videoLink',
              render: (link: string | null) =>
                link ? (
                  <a href={link} target="_blank" rel="noreferrer">
                    {t('bookings.join')}
                  </a>
                ) : null,
            },
            {
              title: t('bookings.status'),
              render: (_v, b) =>
                b.status === 'attended' ? (
                  <Tag color="green">{t('bookings.attended')}</Tag>
                ) : (
                  <Button onClick={() => setRecording(b)}>{t('bookings.record')}</Button>
                ),
            },
          ]}
        />
      </Card>

      <Card title={t('bookings.slots')} style={{ marginTop: 16 }}>
        <Form
          form={slotForm}
          layout="inline"
          onFinish={(v) => publish.mutate(v)}
          initialValues={{ kind: 'window', capacity: 2 }}
        >
          <Form.Item name="kind" label={t('bookings.kind')}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'window', label: t('bookings.kindWindow') },
                { value: 'video', label: t('bookings.kindVideo') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="day"
            label={t('bookings.date')}
            rules={[{ required: true, message: t('bookings.dateRequired') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="range"
            label={t('bookings.time')}
            rules={[{ required: true, message: t('bookings.timeRequired') }]}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
          <Form.Item name="capacity" label={t('bookings.capacity')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            {t('bookings.publish')}
          </Button>
        </Form>
        {publish.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(publish.error, t('errors.network'))}
          />
        )}
        <Table<Slot>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          loading={slots.isPending}
          dataSource={slots.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('bookings.date'), render: (_v, s) => beijingDateTime(s.startsAt).date },
            { title: t('bookings.time'), render: (_v, s) => `${time(s.startsAt)}–${time(s.endsAt)}` },
            { title: t('bookings.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
            { title: t('bookings.places'), render: (_v, s) => `${s.booked} / ${s.capacity}` },
          ]}
        />
      </Card>

      <Card title={t('bookings.videoTitle')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('bookings.videoHelp')}</Typography.Paragraph>
        {video.data && (
          <Form
            layout="inline"
            initialValues={{ template: video.data.videoLinkTemplate ?? '' }}
            onFinish={(v: { template: string }) => saveVideo.mutate(v.template.trim() || null)}
          >
            <Form.Item name="template" label={t('bookings.videoTemplate')} style={{ minWidth: 420 }}>
              <Input />
            </Form.Item>
            <Space>
              <Button htmlType="submit" loading={saveVideo.isPending}>
                {t('bookings.save')}
              </Button>
              {saveVideo.isSuccess && <span role="status">{t('bookings.saved')}</span>}
            </Space>
          </Form>
        )}
        {saveVideo.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(saveVideo.error, t('errors.network'))}
          />
        )}
      </Card>

      <Modal
        open={recording !== null}
        title={t('bookings.recordTitle', { code: recording?.code ?? '' })}
        onCancel={() => setRecording(null)}
        onOk={() => recordForm.submit()}
        okText={t('bookings.recordSave')}
        confirmLoading={record.isPending}
        destroyOnHidden
      >
        <Form form={recordForm} layout="vertical" onFinish={(v) => record.mutate(v)}>
          <Form.Item
            name="question"
            label={t('bookings.question')}
            rules={[{ required: true, whitespace: true, message: t('bookings.questionRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="answer" label={t('bookings.answer')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
        {record.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(record.error, t('errors.network'))} />
        )}
      </Modal>
    </>
  );
}
