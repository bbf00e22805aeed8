import { useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../components/ErrorState';
import { beijingDateTime } from '../../rules/beijingTime';
import { PlanVisitsModal } from './PlanVisitsModal';
import { RecordVisitModal } from './RecordVisitModal';
import { visitKeys, visitsApi, type ReviewItem, type VisitItem } from './visitsApi';

/** 受援人回访: the visits planned and made, and the reviews dissatisfied recipients opened. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState<VisitItem | null>(null);
  return (
    <>
      <PageHeader
        title={t('visits.title')}
        extra={
          <Button type="primary" onClick={() => setPlanning(true)}>
            {t('visits.plan')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('visits.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'visits', label: t('visits.tabVisits'), children: <VisitList onRecord={setRecording} /> },
          { key: 'reviews', label: t('visits.tabReviews'), children: <ReviewList /> },
        ]}
      />
      <PlanVisitsModal open={planning} onClose={() => setPlanning(false)} />
      <RecordVisitModal visit={recording} onClose={() => setRecording(null)} />
    </>
  );
}

function VisitList({ onRecord }: { onRecord: (v: VisitItem) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: visitKeys.list, queryFn: visitsApi.list });
  const survey = useMutation({
    mutationFn: (id: string) => visitsApi.survey(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.list });
      void message.success(t('visits.saved'));
    },
  });
  return (
    <>
      {survey.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(survey.error, t('errors.network'))} />
      )}
      <Table<VisitItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('visits.empty') }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('visits.application'),
            dataIndex: 'applicationNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          { title: t('visits.handler'), dataIndex: 'handlerName' },
          { title: t('visits.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('visits.method'),
            dataIndex: 'method',
            render: (v: VisitItem['method']) => t(`visits.methods.${v}`),
          },
          {
            title: t('visits.status'),
            dataIndex: 'status',
            render: (v: VisitItem['status']) => (
              <Tag color={v === 'done' ? 'green' : v === 'unreachable' ? 'default' : 'orange'}>
                {t(`visits.statuses.${v}`)}
              </Tag>
            ),
          },
          {
            title: t('visits.satisfaction'),
            dataIndex: 'satisfaction',
            render: (v: number | null) =>
              v === null ? '—' : <Tag color={v <= 2 ? 'red' : v >= 4 ? 'green' : 'default'}>{v} / 5</Tag>,
          },
          {
            key: 'actions',
            render: (_: unknown, v) =>
              v.status === 'planned' || v.status === 'survey_sent' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => onRecord(v)}>
                    {t('visits.record')}
                  </Button>
                  {v.status === 'planned' && (
                    <Button size="small" loading={survey.isPending} onClick={() => survey.mutate(v.id)}>
                      {t('visits.survey')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function ReviewList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<string | null>(null);
  const list = useQuery({ queryKey: visitKeys.reviews, queryFn: visitsApi.reviews });
  const close = useMutation({
    mutationFn: (v: { id: string; resolution: string }) => visitsApi.closeReview(v.id, v.resolution),
    onSuccess: () => {
      setClosing(null);
      void queryClient.invalidateQueries({ queryKey: visitKeys.reviews });
    },
  });
  const { i18n } = useTranslation();
  const reasonName = (reason: ReviewItem['reasons'][number], r: ReviewItem) =>
    reason.code === 'dissatisfied'
      ? `${t('visits.reasonNames.dissatisfied')}（${r.satisfaction} / 5）`
      : i18n.language === 'en-US'
        ? reason.nameEn
        : reason.nameZh;
  return (
    <Table<ReviewItem>
      rowKey="id"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('visits.reviewsEmpty') }}
      scroll={{ x: 800 }}
      expandable={{
        expandedRowKeys: closing ? [closing] : [],
        showExpandColumn: false,
        expandedRowRender: (r) => (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { resolution: string }) => close.mutate({ id: r.id, resolution: v.resolution })}
          >
            <Form.Item
              name="resolution"
              label={t('visits.resolution')}
              rules={[{ required: true, whitespace: true, message: t('visits.required') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {close.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorMessage(close.error, t('errors.network'))}
              />
            )}
            <Button type="primary" htmlType="submit" loading={close.isPending}>
              {t('visits.close')}
            </Button>
          </Form>
        ),
      }}
      columns={[
        {
          title: t('visits.application'),
          dataIndex: 'applicationNumber',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        { title: t('visits.handler'), dataIndex: 'handlerName' },
        {
          title: t('visits.source'),
          dataIndex: 'source',
          render: (v: ReviewItem['source']) => t(`visits.sources.${v}`),
        },
        {
          title: t('visits.reasons'),
          dataIndex: 'reasons',
          render: (reasons: ReviewItem['reasons'], r) =>
            reasons.map((c) => <Tag key={c.code}>{reasonName(c, r)}</Tag>),
        },
        {
          title: t('visits.status'),
          dataIndex: 'status',
          render: (v: ReviewItem['status'], r) => (
            <Space direction="vertical" size={0}>
              <Tag color={v === 'open' ? 'red' : 'green'}>{t(`visits.reviewStatus.${v}`)}</Tag>
              {r.resolution && <Typography.Text type="secondary">{r.resolution}</Typography.Text>}
              {r.closedAt && (
                <Typography.Text type="secondary">{beijingDateTime(r.closedAt).date}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'actions',
          render: (_: unknown, r) =>
            r.status === 'open' ? (
              <Button size="small" onClick={() => setClosing(closing === r.id ? null : r.id)}>
                {t('visits.close')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
