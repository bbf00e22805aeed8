import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { fundingApi, fundingKeys, type BudgetLine } from '../fundingApi';
import { yuanToFen } from '../money';

const SOURCES: BudgetLine['sourceKind'][] = [
  'government_allocation',
  'central_earmarked',
  'upper_level_transfer',
  'donations',
];
const PURPOSES: BudgetLine['purpose'][] = ['case_subsidy', 'duty_subsidy', 'consultation_subsidy', 'other'];

interface Values {
  year: number;
  name: string;
  sourceKind: BudgetLine['sourceKind'];
  purpose: BudgetLine['purpose'];
  amountYuan: number;
  thresholdPercent: number;
  reference?: string;
}

/** 新增预算项目: year, source, purpose, amount in yuan (sent in fen), alert threshold. */
export function BudgetLineModal({
  open,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (v: Values) =>
      fundingApi.createLine(
        {
          year: v.year,
          name: v.name,
          sourceKind: v.sourceKind,
          purpose: v.purpose,
          amountFen: yuanToFen(v.amountYuan),
          alertThresholdPerMille: Math.round(v.thresholdPercent * 10),
          ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      form.resetFields();
      onCreated(result.id);
    },
  });
  const required = [{ required: true, message: t('funding.required') }];
  return (
    <Modal
      open={open}
      title={t('funding.budgets.createTitle')}
      okText={t('funding.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          year,
          thresholdPercent: 10,
          sourceKind: 'government_allocation',
          purpose: 'case_subsidy',
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="year" label={t('funding.budgets.year')} rules={required}>
          <InputNumber min={2000} max={2100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('funding.budgets.name')}
          rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sourceKind" label={t('funding.budgets.sourceKind')} rules={required}>
          <Select options={SOURCES.map((s) => ({ value: s, label: t(`funding.sourceKinds.${s}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('funding.budgets.purpose')} rules={required}>
          <Select options={PURPOSES.map((p) => ({ value: p, label: t(`funding.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('funding.amountYuan')} rules={required}>
          <InputNumber min={0} precision={2} step={1000} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="thresholdPercent"
          label={t('funding.budgets.threshold')}
          extra={t('funding.budgets.thresholdHelp')}
          rules={required}
        >
          <InputNumber min={0} max={100} precision={1} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="reference" label={t('funding.budgets.reference')}>
          <Input maxLength={200} />
        </Form.Item>
        {create.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
