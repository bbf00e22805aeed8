import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Tag,
} from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../components/ErrorState';
import { yuanToFen } from '../applications/applicationFormValues';
import { formatFen } from '../applications/labels';
import { Citation } from '../rules/Citation';
import { beijingDateTime } from '../rules/beijingTime';
import { OUTCOME_COLOURS, STATUS_COLOURS } from './FeeWaiverTable';
import { feeWaiverKeys, feeWaiversApi, type FeeWaiverDetail, type FeeWaiverOutcome } from './feeWaiversApi';

const OUTCOMES: FeeWaiverOutcome[] = ['granted', 'partly_granted', 'refused'];

interface AnswerValues {
  outcome: FeeWaiverOutcome;
  amountYuan: number;
  deferredUntil?: Dayjs;
  answeredOn: Dayjs;
  answerReference?: string;
  answerNote?: string;
}

/** One request: the body, the fee, 发送 / 打印申请函 / 录入答复 / 撤回, and the answer once it came. */
export function FeeWaiverDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const detail = useQuery({
    queryKey: feeWaiverKeys.detail(id ?? ''),
    queryFn: () => feeWaiversApi.detail(id ?? ''),
    enabled: id !== null,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: feeWaiverKeys.all });
  const send = useMutation({
    mutationFn: (d: FeeWaiverDetail) => feeWaiversApi.send(d.id, d.version),
    onSuccess: (result) => {
      refresh();
      void message.success(t('feeWaivers.sent', { number: result.letterNumber }));
    },
  });
  const print = useMutation({
    mutationFn: async (d: FeeWaiverDetail) => {
      const { blob } = await feeWaiversApi.letter(d.id);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    },
  });
  const answer = useMutation({
    mutationFn: (v: AnswerValues & { d: FeeWaiverDetail }) =>
      feeWaiversApi.answer(
        v.d.id,
        {
          version: v.d.version,
          outcome: v.outcome,
          amountSavedFen: yuanToFen(v.amountYuan),
          deferredUntil: v.deferredUntil ? v.deferredUntil.format('YYYY-MM-DD') : null,
          answeredOn: v.answeredOn.format('YYYY-MM-DD'),
          ...(v.answerReference ? { answerReference: v.answerReference } : {}),
          ...(v.answerNote ? { answerNote: v.answerNote } : {}),
        },
        key,
      ),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      setAnswering(false);
      refresh();
      void message.success(t('feeWaivers.saved'));
    },
  });
  const withdraw = useMutation({
    mutationFn: (v: { d: FeeWaiverDetail; reason: string }) =>
      feeWaiversApi.withdraw(v.d.id, v.d.version, v.reason),
    onSuccess: () => {
      setWithdrawing(false);
      refresh();
    },
  });
  const d = detail.data;
  const error = send.error ?? print.error ?? answer.error ?? withdraw.error;
  const deferral = d?.requestKind === 'litigation_fee_deferral';
  const money = (fen: number | null) => (fen === null ? '—' : formatFen(fen, i18n.language));
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setAnswering(false);
        setWithdrawing(false);
        onClose();
      }}
      title={t('feeWaivers.drawerTitle', { number: d?.applicationNumber ?? '' })}
      size="large"
      destroyOnHidden
    >
      {!d ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('feeWaivers.status')}>
              <Tag color={STATUS_COLOURS[d.status]}>{t(`feeWaivers.statuses.${d.status}`)}</Tag>
              {d.outcome && (
                <Tag color={OUTCOME_COLOURS[d.outcome]}>{t(`feeWaivers.outcomes.${d.outcome}`)}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.recipient')}>{d.recipientName}</Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.body')}>
              {t(`feeWaivers.bodyKinds.${d.bodyKind}`)} · {d.bodyName}
            </Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.requestKind')}>
              {t(`feeWaivers.requestKinds.${d.requestKind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.feeDescription')}>
              {d.feeDescription}
              {d.amountAskedFen !== null ? `（${money(d.amountAskedFen)}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.basis')}>
              <Citation citation={d.citation} />
            </Descriptions.Item>
            {d.letterNumber && (
              <Descriptions.Item label={t('feeWaivers.letterNumber')}>
                <span className="mono">{d.letterNumber}</span>
                {d.sentAt ? ` · ${beijingDateTime(d.sentAt).date}` : ''}
              </Descriptions.Item>
            )}
            {d.withdrawReason && (
              <Descriptions.Item label={t('feeWaivers.withdrawReason')}>{d.withdrawReason}</Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            {d.status === 'draft' && (
              <Button type="primary" loading={send.isPending} onClick={() => send.mutate(d)}>
                {t('feeWaivers.send')}
              </Button>
            )}
            {d.letterNumber && (
              <Button
                icon={<FilePdfOutlined aria-hidden />}
                loading={print.isPending}
                onClick={() => print.mutate(d)}
              >
                {t('feeWaivers.print')}
              </Button>
            )}
            {d.status === 'sent' && !answering && (
              <Button type="primary" onClick={() => setAnswering(true)}>
                {t('feeWaivers.recordAnswer')}
              </Button>
            )}
            {(d.status === 'draft' || d.status === 'sent') && (
              <Button danger onClick={() => setWithdrawing(true)}>
                {t('feeWaivers.withdraw')}
              </Button>
            )}
          </Space>
          {error && (
            <Alert type="error" showIcon role="alert" title={errorMessage(error, t('errors.network'))} />
          )}
          {withdrawing && (
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={(v: { reason: string }) => withdraw.mutate({ d, reason: v.reason })}
            >
              <Form.Item
                name="reason"
                label={t('feeWaivers.withdrawReason')}
                rules={[{ required: true, whitespace: true, message: t('feeWaivers.required') }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button danger htmlType="submit" loading={withdraw.isPending}>
                {t('feeWaivers.withdrawOk')}
              </Button>
            </Form>
          )}
          {answering && (
            <Form<AnswerValues>
              layout="vertical"
              requiredMark={false}
              initialValues={{ amountYuan: 0 }}
              onFinish={(v) => answer.mutate({ ...v, d })}
            >
              <Form.Item
                name="outcome"
                label={t('feeWaivers.outcome')}
                rules={[{ required: true, message: t('feeWaivers.required') }]}
              >
                <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`feeWaivers.outcomes.${o}`) }))} />
              </Form.Item>
              <Form.Item
                name="amountYuan"
                label={t('feeWaivers.amountSavedYuan')}
                extra={t('feeWaivers.amountSavedHelp')}
                rules={[{ required: true, message: t('feeWaivers.required') }]}
              >
                <InputNumber min={0} precision={2} step={100} style={{ width: 200 }} />
              </Form.Item>
              {deferral && (
                <Form.Item name="deferredUntil" label={t('feeWaivers.deferredUntil')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item
                name="answeredOn"
                label={t('feeWaivers.answeredOn')}
                rules={[{ required: true, message: t('feeWaivers.required') }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="answerReference" label={t('feeWaivers.answerReference')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="answerNote" label={t('feeWaivers.answerNote')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                {t('feeWaivers.saveAnswer')}
              </Button>
            </Form>
          )}
          {d.outcome && (
            <Descriptions size="small" column={1} bordered title={t('feeWaivers.outcome')}>
              <Descriptions.Item label={t('feeWaivers.amountSaved')}>
                {money(d.amountSavedFen)}
              </Descriptions.Item>
              {d.deferredUntil && (
                <Descriptions.Item label={t('feeWaivers.deferredUntil')}>{d.deferredUntil}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('feeWaivers.answeredOn')}>{d.answeredOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('feeWaivers.answerReference')}>
                {d.answerReference ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('feeWaivers.answerNote')}>{d.answerNote ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
        </Space>
      )}
    </Drawer>
  );
}
