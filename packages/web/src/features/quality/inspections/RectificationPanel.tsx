import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { beforeBeijingToday, beijingDateTime } from '../../rules/beijingTime';
import { inspectionKeys, inspectionsApi, type InspectionDetail, type Rectification } from './inspectionsApi';

/** The colour of a rectification request: red when overdue, orange while open, blue replied, green done. */
export function rectificationColor(r: Pick<Rectification, 'status' | 'overdue'>): string {
  if (r.overdue) return 'red';
  return r.status === 'open' ? 'orange' : r.status === 'replied' ? 'blue' : 'green';
}

/** 整改: the inspection's requests (with the handler's reply to accept or send back) and a form for a new one. */
export function RectificationPanel({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ items: string; dueOn: Dayjs }>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(inspection.id) });
  const send = useMutation({
    mutationFn: (v: { items: string; dueOn: Dayjs }) =>
      inspectionsApi.requestRectification(
        inspection.id,
        {
          items: v.items
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          dueOn: v.dueOn.format('YYYY-MM-DD'),
        },
        key,
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.detail(inspection.id), next);
      form.resetFields();
      setKey(crypto.randomUUID());
      void message.success(t('inspection.sent'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <Card size="small" title={t('inspection.rectifications')}>
      <Flex vertical gap={12}>
        {inspection.rectifications.map((r) => (
          <RectificationCard key={r.id} request={r} onSettled={refresh} />
        ))}
        <Typography.Text strong>{t('inspection.requestRectification')}</Typography.Text>
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
          <Form.Item
            name="items"
            label={t('inspection.rectificationItems')}
            extra={t('inspection.rectificationItemsHelp')}
            rules={[{ required: true, whitespace: true, message: t('inspection.rectificationItems') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item
            name="dueOn"
            label={t('inspection.dueOn')}
            extra={t('inspection.dueOnHelp')}
            rules={[{ required: true, message: t('inspection.dueOn') }]}
          >
            <DatePicker inputReadOnly disabledDate={beforeBeijingToday} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            {t('inspection.send')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
}

function RectificationCard({ request: r, onSettled }: { request: Rectification; onSettled: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const settle = useMutation({
    mutationFn: (accept: boolean) =>
      inspectionsApi.settle(r.id, accept ? { accept } : { accept, note: note.trim() }),
    onSuccess: () => {
      setNote('');
      onSettled();
      void message.success(t('inspection.settled'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <Card size="small" type="inner">
      <Flex vertical gap={6}>
        <Flex gap={8} wrap>
          <Tag color={rectificationColor(r)}>
            {r.overdue ? t('inspection.overdue') : t(`inspection.rectStatuses.${r.status}`)}
          </Tag>
          <Typography.Text type="secondary">
            {t('inspection.dueOn')}：{r.dueOn} · {t('inspection.requestedAt')}：
            {beijingDateTime(r.requestedAt).date}
          </Typography.Text>
        </Flex>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {r.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
        {r.returnNote && (
          <Typography.Text type="secondary">
            {t('inspection.returnNote')}：{r.returnNote}
          </Typography.Text>
        )}
        {r.replyText && (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('inspection.reply')}：{r.replyText}
          </Typography.Paragraph>
        )}
        {r.status === 'replied' && (
          <Flex gap={8} wrap align="center">
            <Button
              type="primary"
              size="small"
              loading={settle.isPending}
              onClick={() => settle.mutate(true)}
            >
              {t('inspection.accept')}
            </Button>
            <Input
              size="small"
              style={{ maxWidth: 320 }}
              maxLength={2000}
              placeholder={t('inspection.sendBackReason')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Popconfirm
              title={t('inspection.sendBack')}
              onConfirm={() => settle.mutate(false)}
              disabled={!note.trim()}
            >
              <Button size="small" danger disabled={!note.trim()}>
                {t('inspection.sendBack')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
