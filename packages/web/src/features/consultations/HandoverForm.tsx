import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consultationsApi, type ConsultationDetail } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { useColleagues } from './useColleagues';

interface Values {
  toUserId: string;
  reason: string;
}

/** Hands the consultation to a named colleague (首问负责); the server records who, to whom and why. */
export function HandoverForm({ consultation: c }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const colleagues = useColleagues();
  const [form] = Form.useForm<Values>();
  const handOver = useMutation({
    mutationFn: (v: Values) => consultationsApi.handOver(c.id, v.toUserId, v.reason.trim()),
    onSuccess: async (updated) => {
      message.success(t('consultations.handedOver', { name: updated.owner.displayName }));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
  return (
    <Card size="small" title={t('consultations.handOver')}>
      <Form<Values>
        form={form}
        name="consultationHandover"
        layout="vertical"
        onFinish={(v) => handOver.mutate(v)}
      >
        {handOver.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(handOver.error, t('errors.network'))}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="toUserId"
          label={t('consultations.handoverTo')}
          rules={[{ required: true, message: t('consultations.handoverToRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={colleagues.isPending}
            options={(colleagues.data ?? [])
              .filter((u) => u.id !== c.owner.id)
              .map((u) => ({ value: u.id, label: `${u.displayName}（${u.organisationName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('consultations.handoverReason')}
          rules={[{ required: true, whitespace: true, message: t('consultations.handoverReasonRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" icon={<SwapOutlined aria-hidden />} loading={handOver.isPending}>
          {t('consultations.handOver')}
        </Button>
      </Form>
    </Card>
  );
}
