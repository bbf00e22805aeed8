import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { useCan } from '../../auth/session';
import { Countdown } from '../../applications/Countdown';
import { Citation } from '../../rules/Citation';
import { beijingDateTime } from '../../rules/beijingTime';
import {
  asCountdownClock,
  complaintKeys,
  complaintsApi,
  type ComplaintAction,
  type ComplaintDetail,
} from './complaintsApi';
import { statusColor } from './complaintWords';

const when = (iso: string) => {
  const { date, time } = beijingDateTime(iso);
  return `${date} ${time}`;
};

/** One complaint: who complained and about what, its periods, what was done, and the steps open. */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: complaintKeys.detail(id ?? ''),
    queryFn: () => complaintsApi.detail(id ?? ''),
    enabled: id !== null,
  });
  const c = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={c ? `${t('complaints.number')} ${c.number ?? ''}` : t('complaints.title')}
      destroyOnHidden
    >
      {detail.isError && (
        <Alert type="error" showIcon title={errorMessage(detail.error, t('errors.network'))} />
      )}
      {c && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('complaints.status')}>
              <Tag color={statusColor(c.status)}>{t(`complaints.statuses.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.receivedAt')}>
              {when(c.receivedAt)} · {t(`complaints.channels.${c.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.complainant')}>
              {c.complainant.viaPortal && !c.complainant.name
                ? t('complaints.viaPortal')
                : [
                    c.complainant.name,
                    c.complainant.relation ? t(`complaints.relations.${c.complainant.relation}`) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
              {c.complainant.phoneMasked && <span className="mono"> {c.complainant.phoneMasked}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.centre')}>{c.centre.name}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.about')}>
              {t(`complaints.aboutKinds.${c.about}`)}
              {c.handler?.name ? `：${c.handler.name}` : ''}
            </Descriptions.Item>
            {c.application && (
              <Descriptions.Item label={t('complaints.application')}>
                <span className="mono">{c.application.number}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('complaints.text')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {c.text}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>

          <Card size="small" title={t('complaints.clocks')}>
            <Flex vertical gap={12}>
              {c.clocks.map((clock) => (
                <Flex key={clock.id} vertical gap={2}>
                  <Countdown clock={asCountdownClock(clock)} showPeriod />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('complaints.citation')}：<Citation citation={clock.citation} />
                  </Typography.Text>
                  {clock.extendedTo && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('complaints.extended', {
                        date: clock.extendedTo,
                        reason: clock.extensionReason ?? '',
                      })}
                    </Typography.Text>
                  )}
                </Flex>
              ))}
            </Flex>
          </Card>

          <History complaint={c} />
          <Steps complaint={c} />
        </Flex>
      )}
    </Drawer>
  );
}

function History({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const name = (r: { nameZh: string; nameEn: string }) => (i18n.language === 'en-US' ? r.nameEn : r.nameZh);
  type Item = { children: React.ReactNode } | null | false | '';
  const items: Item[] = [
    c.acceptedAt && { children: t('complaints.acceptedAt', beijingDateTime(c.acceptedAt)) },
    c.declineReason && {
      children: (
        <>
          {t('complaints.declined', { reason: name(c.declineReason) })} ·{' '}
          <Citation citation={c.declineReason.citation} />
        </>
      ),
    },
    c.outcome && {
      children: (
        <>
          <Typography.Text strong>{t('complaints.outcome')}：</Typography.Text>
          {name(c.outcome)}{' '}
          <Tag color={c.upheld ? 'red' : 'default'}>
            {c.upheld ? t('complaints.upheld') : t('complaints.notUpheld')}
          </Tag>
          <Citation citation={c.outcome.citation} />
        </>
      ),
    },
    c.findings && { children: `${t('complaints.findings')}：${c.findings}` },
    c.repliedAt && {
      children: `${when(c.repliedAt)} ${t('complaints.reply')}（${t(`complaints.replyMethods.${c.replyMethod ?? 'none'}`)}）：${c.replyText ?? ''}`,
    },
    c.appealedAt && { children: `${when(c.appealedAt)} ${t('complaints.appeal')}：${c.appealText ?? ''}` },
    c.reviewedAt && {
      children: `${when(c.reviewedAt)} ${t('complaints.review')}（${t(`complaints.reviewResults.${c.reviewResult ?? 'upheld'}`)}）：${c.reviewNote ?? ''}`,
    },
  ];
  const shown = items.filter((x): x is { children: React.ReactNode } => Boolean(x));
  if (shown.length === 0) return null;
  return (
    <Card size="small" title={t('complaints.history')}>
      <Timeline items={shown} />
    </Card>
  );
}

const ACCESS: Record<ComplaintAction, 'complaint.handle' | 'complaint.record' | 'complaint.review'> = {
  accept: 'complaint.handle',
  decline: 'complaint.handle',
  decide: 'complaint.handle',
  reply: 'complaint.handle',
  appeal: 'complaint.record',
  review: 'complaint.review',
};

/** The steps open on the complaint that the caller may take, each a small form. */
function Steps({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ComplaintAction | 'extend' | null>(null);
  const reference = useQuery({
    queryKey: complaintKeys.reference,
    queryFn: complaintsApi.reference,
    enabled: can('complaint.handle'),
  });
  const done = (detail: ComplaintDetail) => {
    queryClient.setQueryData(complaintKeys.detail(c.id), detail);
    void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
    setForm(null);
    void message.success(t('complaints.saved'));
  };
  const step = useMutation({
    mutationFn: ({ action, body }: { action: ComplaintAction; body: Record<string, unknown> }) =>
      complaintsApi.step(c.id, action, { ...body, version: c.version }),
    onSuccess: done,
  });
  const extend = useMutation({
    mutationFn: (v: { to: Dayjs; reason: string }) =>
      complaintsApi.extend(c.id, { to: v.to.format('YYYY-MM-DD'), reason: v.reason }),
    onSuccess: done,
  });
  const open = c.actions.filter((a) => can(ACCESS[a]));
  const canExtend =
    can('complaint.handle') &&
    c.clocks.some((k) => k.period === 'complaint_handling' && k.status === 'running');
  if (open.length === 0 && !canExtend) return null;
  const name = (r: { nameZh: string; nameEn: string }) => (i18n.language === 'en-US' ? r.nameEn : r.nameZh);
  const required = [{ required: true, whitespace: true, message: t('complaints.required') }];
  const error = step.error ?? extend.error;
  return (
    <Card size="small">
      <Space wrap>
        {open.map((action) =>
          action === 'accept' ? (
            <Popconfirm
              key={action}
              title={t('complaints.actions.acceptConfirm')}
              onConfirm={() => step.mutate({ action, body: {} })}
            >
              <Button type="primary" loading={step.isPending}>
                {t('complaints.actions.accept')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={action}
              type={form === action ? 'primary' : 'default'}
              onClick={() => setForm(action)}
            >
              {t(`complaints.actions.${action}`)}
            </Button>
          ),
        )}
        {canExtend && (
          <Button type={form === 'extend' ? 'primary' : 'default'} onClick={() => setForm('extend')}>
            {t('complaints.actions.extend')}
          </Button>
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={errorMessage(error, t('errors.network'))}
        />
      )}
      {form && form !== 'accept' && (
        <Form
          key={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          requiredMark={false}
          initialValues={{ method: c.wantsReply === 'sms' ? 'sms' : 'phone', result: 'upheld' }}
          onFinish={(v: Record<string, unknown>) =>
            form === 'extend'
              ? extend.mutate(v as { to: Dayjs; reason: string })
              : step.mutate({ action: form, body: v })
          }
        >
          {form === 'decline' && (
            <>
              <Form.Item
                name="reason"
                label={t('complaints.actions.declineReason')}
                rules={[{ required: true, message: t('complaints.required') }]}
              >
                <Select
                  options={(reference.data?.declineReasons ?? []).map((r) => ({
                    value: r.code,
                    label: name(r),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('complaints.actions.note')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {form === 'decide' && (
            <>
              <Form.Item
                name="outcome"
                label={t('complaints.outcome')}
                rules={[{ required: true, message: t('complaints.required') }]}
              >
                <Select
                  options={(reference.data?.outcomes ?? []).map((r) => ({
                    value: r.code,
                    label: `${name(r)}（${r.upheld ? t('complaints.upheld') : t('complaints.notUpheld')}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="findings" label={t('complaints.findings')} rules={required}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
            </>
          )}
          {form === 'reply' && (
            <>
              <Form.Item name="text" label={t('complaints.reply')} rules={required}>
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
              <Form.Item name="method" label={t('complaints.replyMethod')}>
                <Radio.Group
                  options={(['sms', 'phone', 'letter', 'in_person'] as const).map((m) => ({
                    value: m,
                    label: t(`complaints.replyMethods.${m}`),
                  }))}
                />
              </Form.Item>
            </>
          )}
          {form === 'appeal' && (
            <Form.Item name="text" label={t('complaints.appeal')} rules={required}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          )}
          {form === 'review' && (
            <>
              <Form.Item name="result" label={t('complaints.review')}>
                <Radio.Group
                  options={(['upheld', 'redo'] as const).map((r) => ({
                    value: r,
                    label: t(`complaints.reviewResults.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('complaints.actions.note')} rules={required}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
            </>
          )}
          {form === 'extend' && (
            <>
              <Form.Item
                name="to"
                label={t('complaints.actions.extendTo')}
                rules={[{ required: true, message: t('complaints.required') }]}
              >
                <DatePicker inputReadOnly />
              </Form.Item>
              <Form.Item name="reason" label={t('complaints.actions.extendReason')} rules={required}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={step.isPending || extend.isPending}>
            {t('complaints.actions.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
