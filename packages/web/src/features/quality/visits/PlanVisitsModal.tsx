import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { beijingTodayValue } from '../../rules/beijingTime';
import { errorMessage } from '../../../components/ErrorState';
import { visitKeys, visitsApi, type PlanBody, type PlanResult } from './visitsApi';

interface Values {
  period: [Dayjs, Dayjs];
  perMille: number;
  afterDays: number;
  method: PlanBody['method'];
  seed?: string;
}

/** 制定回访计划: which closed cases to visit (a share per handler from a recorded seed) and when. */
export function PlanVisitsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<PlanResult | null>(null);
  const plan = useMutation({
    mutationFn: (v: Values) =>
      visitsApi.plan(
        {
          closedFrom: v.period[0].format('YYYY-MM-DD'),
          closedTo: v.period[1].format('YYYY-MM-DD'),
          perMille: v.perMille,
          afterDays: v.afterDays,
          method: v.method,
          ...(v.seed ? { seed: v.seed } : {}),
        },
        key,
      ),
    onSuccess: (data) => {
      setResult(data);
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: visitKeys.list });
    },
  });
  const today = beijingTodayValue();
  return (
    <Modal
      open={open}
      title={t('visits.planTitle')}
      onOk={() => (result ? (setResult(null), onClose()) : form.submit())}
      okText={result ? t('common.ok') : t('visits.plan')}
      confirmLoading={plan.isPending}
      onCancel={() => {
        setResult(null);
        onClose();
      }}
      destroyOnHidden
    >
      {result ? (
        <Alert type="success" showIcon role="status" title={t('visits.planned', result)} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            period: [today.startOf('month'), today],
            perMille: 200,
            afterDays: 7,
            method: 'phone',
          }}
          onFinish={(v) => plan.mutate(v)}
        >
          <Form.Item
            name="period"
            label={t('visits.closedPeriod')}
            rules={[{ required: true, message: t('visits.required') }]}
          >
            <DatePicker.RangePicker inputReadOnly />
          </Form.Item>
          <Form.Item name="perMille" label={t('visits.perMille')} extra={t('visits.perMilleHelp')}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="afterDays" label={t('visits.afterDays')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
          <Form.Item name="method" label={t('visits.method')}>
            <Radio.Group
              options={(['phone', 'sms_survey'] as const).map((m) => ({
                value: m,
                label: t(`visits.methods.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="seed" label={t('visits.seed')}>
            <Input maxLength={100} />
          </Form.Item>
          {plan.isError && (
            <Alert type="error" showIcon role="alert" title={errorMessage(plan.error, t('errors.network'))} />
          )}
        </Form>
      )}
    </Modal>
  );
}
