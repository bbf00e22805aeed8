import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { subsidiesApi, type ApplicationDetail } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { useApplicationAction } from '../applications/useApplicationAction';
import { beijingToday } from '../rules/beijingTime';
import { toPaymentInput, type PaymentValues } from './paymentRequests';
import { subsidyKeys } from './subsidyKeys';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * 补贴发放 (LAL art.52; BJR art.32): finance records the amount paid on an evaluated case, the date
 * and the payment reference; the server names the payee (the handler's law firm, or the handler).
 */
export function SubsidyPaymentModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PaymentValues>();
  const today = dayjs(beijingToday());
  const send = useApplicationAction(
    application.id,
    async (values: PaymentValues) => {
      const payment = await subsidiesApi.pay(application.id, toPaymentInput(values));
      await queryClient.invalidateQueries({ queryKey: subsidyKeys.payments(application.id) });
      return payment;
    },
    t('subsidies.paid'),
    onClose,
  );
  return (
    <SubmitFormModal<PaymentValues>
      open={open}
      title={t('subsidies.payTitle')}
      name="subsidyPayment"
      form={form}
      firstField="amountYuan"
      width={600}
      initialValues={{ paidOn: today }}
      send={send}
      onClose={onClose}
      errorFields={{ SUBSIDY_PAID_ON_IN_FUTURE: 'paidOn' }}
      issueField={(path) =>
        path[0] === 'amountFen' ? 'amountYuan' : path[0] === 'paymentReference' ? 'paymentReference' : path[0]
      }
    >
      <Typography.Paragraph type="secondary">{t('subsidies.payIntro')}</Typography.Paragraph>
      <Form.Item
        label={t('subsidies.amount')}
        name="amountYuan"
        rules={[{ required: true, type: 'number', min: 0.01, message: t('subsidies.amountRequired') }]}
      >
        <InputNumber min={0} precision={2} step={100} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label={t('subsidies.paidOn')}
        name="paidOn"
        rules={[{ required: true, message: t('subsidies.paidOnRequired') }]}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(today, 'day')} />
      </Form.Item>
      <Form.Item
        label={t('subsidies.reference')}
        name="paymentReference"
        rules={[{ required: true, whitespace: true, message: t('subsidies.referenceRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </SubmitFormModal>
  );
}
