import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Table,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { useCan } from '../../auth/session';
import { beijingTodayValue } from '../../rules/beijingTime';
import { fundingApi, fundingKeys, type ContractDetail } from '../fundingApi';
import { formatFen, yuanToFen } from '../money';

type Step = 'pay' | 'hours' | null;

/** One contract: due against delivered (from the records), payments, hand-entered hotline hours. */
export function ContractDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [step, setStep] = useState<Step>(null);
  const detail = useQuery({
    queryKey: fundingKeys.contract(id ?? ''),
    queryFn: () => fundingApi.contract(id!),
    enabled: id !== null,
  });
  const c = detail.data;
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={c ? `${c.contractNumber} · ${c.providerName}` : t('funding.contracts.title')}
      destroyOnHidden
      extra={
        c &&
        can('funding.manage') && (
          <Flex gap={8}>
            <Button onClick={() => setStep('hours')}>{t('funding.contracts.hours')}</Button>
            {c.paidFen < c.amountFen && (
              <Button type="primary" onClick={() => setStep('pay')}>
                {t('funding.contracts.pay')}
              </Button>
            )}
          </Flex>
        )
      }
    >
      {detail.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(detail.error, t('errors.network'))} />
      )}
      {c && (
        <Flex vertical gap={24}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('funding.contracts.provider')}>
              {c.providerName}（{t(`funding.providerKinds.${c.providerKind}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.contracts.period')}>
              {c.startsOn} — {c.endsOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.contracts.amount')}>{money(c.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.contracts.paid')}>{money(c.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.contracts.budgetLine')} span={2}>
              {c.budgetLine.name}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('funding.contracts.fromRecords')}</Typography.Title>
            <Table<ContractDetail['progress'][number]>
              rowKey="service"
              size="small"
              pagination={false}
              dataSource={c.progress}
              columns={[
                {
                  title: t('funding.contracts.service'),
                  dataIndex: 'service',
                  render: (s: ContractDetail['progress'][number]['service']) => t(`funding.services.${s}`),
                },
                { title: t('funding.contracts.due'), dataIndex: 'due', align: 'right' },
                { title: t('funding.contracts.delivered'), dataIndex: 'delivered', align: 'right' },
                {
                  title: t('funding.contracts.rate'),
                  dataIndex: 'perMille',
                  render: (v: number | null) =>
                    v === null ? '—' : <Progress percent={Math.floor(v / 10)} size="small" />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('funding.contracts.recordedHotline', {
                hours: Math.floor(c.recordedHotlineSeconds / 360) / 10,
                manual: Math.floor(c.manualHotlineMinutes / 6) / 10,
              })}{' '}
              {t('funding.contracts.manualHours')}
            </Typography.Paragraph>
          </div>
          <Table<ContractDetail['payments'][number]>
            title={() => t('funding.contracts.payments')}
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: t('funding.contracts.noPayments') }}
            dataSource={c.payments}
            columns={[
              { title: t('funding.contracts.paidOn'), dataIndex: 'paidOn' },
              { title: t('funding.contracts.reference'), dataIndex: 'reference' },
              { title: t('funding.contracts.paid'), dataIndex: 'amountFen', align: 'right', render: money },
            ]}
          />
          {c.hotlineEntries.length > 0 && (
            <Table<ContractDetail['hotlineEntries'][number]>
              title={() => t('funding.contracts.hotlineEntries')}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.hotlineEntries}
              columns={[
                { title: t('funding.contracts.servedOn'), dataIndex: 'servedOn' },
                { title: t('funding.contracts.minutes'), dataIndex: 'minutes', align: 'right' },
                { title: t('funding.contracts.note'), dataIndex: 'note' },
              ]}
            />
          )}
        </Flex>
      )}
      {c && <PaymentModal contract={c} open={step === 'pay'} onClose={() => setStep(null)} />}
      {c && <HoursModal contract={c} open={step === 'hours'} onClose={() => setStep(null)} />}
    </Drawer>
  );
}

function useContractStep<V>(send: (v: V, key: string) => Promise<unknown>, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  return useMutation({
    mutationFn: (v: V) => send(v, key),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      void message.success(t('funding.saved'));
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      onDone();
    },
  });
}

interface PaymentValues {
  amountYuan: number;
  paidOn: Dayjs;
  reference: string;
}

/** 登记付款: never above what is left of the contract (the server refuses it with CONTRACT_OVERPAID). */
function PaymentModal({
  contract,
  open,
  onClose,
}: {
  contract: ContractDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<PaymentValues>();
  const save = useContractStep(
    (v: PaymentValues, key) =>
      fundingApi.pay(
        contract.id,
        { amountFen: yuanToFen(v.amountYuan), paidOn: v.paidOn.format('YYYY-MM-DD'), reference: v.reference },
        key,
      ),
    onClose,
  );
  return (
    <Modal
      open={open}
      title={t('funding.contracts.payTitle')}
      okText={t('funding.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<PaymentValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ paidOn: beijingTodayValue() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="amountYuan"
          label={t('funding.amountYuan')}
          extra={`${t('funding.budgets.open')} ${formatFen(contract.amountFen - contract.paidFen, i18n.language)}`}
          rules={[{ required: true, type: 'number', min: 0.01, message: t('funding.required') }]}
        >
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={t('funding.contracts.paidOn')}
          rules={[{ required: true, message: t('funding.required') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('funding.contracts.reference')}
          rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {save.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}

interface HoursValues {
  servedOn: Dayjs;
  minutes: number;
  note: string;
}

/** 手工登记热线时长: hours the records do not hold, within the contract's period, with a note. */
function HoursModal({
  contract,
  open,
  onClose,
}: {
  contract: ContractDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HoursValues>();
  const save = useContractStep(
    (v: HoursValues, key) =>
      fundingApi.addHours(
        contract.id,
        { servedOn: v.servedOn.format('YYYY-MM-DD'), minutes: v.minutes, note: v.note },
        key,
      ),
    onClose,
  );
  return (
    <Modal
      open={open}
      title={t('funding.contracts.hoursTitle')}
      okText={t('funding.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('funding.contracts.manualHours')}</Typography.Paragraph>
      <Form<HoursValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="servedOn"
          label={t('funding.contracts.servedOn')}
          rules={[{ required: true, message: t('funding.required') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('funding.contracts.minutes')}
          rules={[{ required: true, type: 'number', min: 1, message: t('funding.required') }]}
        >
          <InputNumber min={1} max={1440} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('funding.contracts.note')}
          rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        {save.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
