import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Rate, Space, Spin, Table, Tag } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { beijingDateTime } from '../../rules/beijingTime';
import { STATUS_COLOURS } from './OpinionsPage';
import { opinionKeys, opinionsApi, type OpinionDetail } from './opinionsApi';

interface AnswerValues {
  ratings: Record<string, number>;
  comment?: string;
  respondent?: string;
}

/** One request: the organ, the items, 发送 or 打印征询函, 录入回复, and the answer once it came. */
export function OpinionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const detail = useQuery({
    queryKey: opinionKeys.detail(id ?? ''),
    queryFn: () => opinionsApi.detail(id ?? ''),
    enabled: id !== null,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: opinionKeys.all });
  const openLetter = async (requestId: string) => {
    const { blob } = await opinionsApi.letter(requestId);
    window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  };
  const send = useMutation({
    mutationFn: async (d: OpinionDetail) => {
      const result = d.status === 'drafted' ? await opinionsApi.send(d.id, d.version) : null;
      if (d.channel === 'print') await openLetter(d.id);
      return result;
    },
    onSuccess: (result) => {
      refresh();
      if (result)
        void message.success(
          t(result.status === 'sent' ? 'opinions.sentAs.sent' : 'opinions.sentAs.printed'),
        );
    },
  });
  const answer = useMutation({
    mutationFn: (v: AnswerValues & { d: OpinionDetail }) =>
      opinionsApi.answer(
        v.d.id,
        {
          version: v.d.version,
          ratings: v.ratings,
          ...(v.comment ? { comment: v.comment } : {}),
          ...(v.respondent ? { respondent: v.respondent } : {}),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      setAnswering(false);
      refresh();
      void message.success(result.poorItems.length > 0 ? t('opinions.answeredPoor') : t('opinions.saved'));
    },
  });
  const cancel = useMutation({
    mutationFn: (v: { d: OpinionDetail; reason: string }) =>
      opinionsApi.cancel(v.d.id, v.d.version, v.reason),
    onSuccess: () => {
      setCancelling(false);
      refresh();
    },
  });
  const d = detail.data;
  const name = (i: { nameZh: string; nameEn: string }) => (i18n.language === 'en-US' ? i.nameEn : i.nameZh);
  const error = send.error ?? answer.error ?? cancel.error;
  const open = d && d.status !== 'answered' && d.status !== 'cancelled';
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setAnswering(false);
        setCancelling(false);
        onClose();
      }}
      title={t('opinions.drawerTitle', { number: d?.applicationNumber ?? '' })}
      size="large"
      destroyOnHidden
    >
      {!d ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('opinions.status')}>
              <Tag color={STATUS_COLOURS[d.status]}>{t(`opinions.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('opinions.handler')}>{d.handlerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.organ')}>
              {t(`opinions.organKinds.${d.organKind}`)} · {d.organName}
            </Descriptions.Item>
            <Descriptions.Item label={t('opinions.channel')}>
              {t(`opinions.channels.${d.channel}`)}
              {d.partner ? `（${d.partner.name}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('opinions.dueOn')}>{d.dueOn}</Descriptions.Item>
            {d.sentAt && (
              <Descriptions.Item label={t('opinions.sentAt')}>
                {beijingDateTime(d.sentAt).date}
              </Descriptions.Item>
            )}
            {d.cancelReason && (
              <Descriptions.Item label={t('opinions.cancelReason')}>{d.cancelReason}</Descriptions.Item>
            )}
          </Descriptions>
          {open && (
            <Space wrap>
              {d.channel === 'partner' && d.status === 'drafted' && (
                <Button type="primary" loading={send.isPending} onClick={() => send.mutate(d)}>
                  {t('opinions.send')}
                </Button>
              )}
              {d.channel === 'print' && (
                <Button
                  type={d.status === 'drafted' ? 'primary' : 'default'}
                  icon={<FilePdfOutlined aria-hidden />}
                  loading={send.isPending}
                  onClick={() => send.mutate(d)}
                >
                  {t('opinions.print')}
                </Button>
              )}
              {d.status !== 'drafted' && (
                <Button onClick={() => setAnswering(true)}>{t('opinions.recordAnswer')}</Button>
              )}
              <Button danger onClick={() => setCancelling(true)}>
                {t('opinions.cancel')}
              </Button>
            </Space>
          )}
          {error && (
            <Alert type="error" showIcon role="alert" title={errorMessage(error, t('errors.network'))} />
          )}
          {cancelling && (
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={(v: { reason: string }) => cancel.mutate({ d, reason: v.reason })}
            >
              <Form.Item
                name="reason"
                label={t('opinions.cancelReason')}
                rules={[{ required: true, whitespace: true, message: t('opinions.required') }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button danger htmlType="submit" loading={cancel.isPending}>
                {t('opinions.cancelOk')}
              </Button>
            </Form>
          )}
          {answering ? (
            <Form<AnswerValues>
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => answer.mutate({ ...v, d })}
            >
              {d.items.map((item) => (
                <Form.Item
                  key={item.code}
                  name={['ratings', item.code]}
                  label={name(item)}
                  rules={[{ required: true, message: t('opinions.required') }]}
                >
                  <Rate count={5} />
                </Form.Item>
              ))}
              <Form.Item name="comment" label={t('opinions.comment')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="respondent" label={t('opinions.respondent')}>
                <Input maxLength={100} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                {t('opinions.saveAnswer')}
              </Button>
            </Form>
          ) : (
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                { title: t('opinions.item'), render: (_: unknown, item) => name(item) },
                {
                  title: t('opinions.rating'),
                  render: (_: unknown, item) => {
                    const r = d.answer?.ratings[item.code];
                    return r === undefined ? (
                      '—'
                    ) : (
                      <Tag color={r <= 2 ? 'red' : r >= 4 ? 'green' : 'default'}>{r} / 5</Tag>
                    );
                  },
                },
              ]}
            />
          )}
          {d.answer && (
            <Descriptions size="small" column={1} bordered title={t('opinions.answer')}>
              <Descriptions.Item label={t('opinions.answerVia')}>
                {d.answerVia ? t(`opinions.via.${d.answerVia}`) : '—'}
                {d.answeredAt ? ` · ${beijingDateTime(d.answeredAt).date}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('opinions.comment')}>{d.answer.comment ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opinions.respondent')}>
                {d.answer.respondent ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          )}
        </Space>
      )}
    </Drawer>
  );
}
