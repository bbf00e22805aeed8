import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { beijingTodayValue } from '../../rules/beijingTime';
import { fundingApi, fundingKeys, type Donation } from '../fundingApi';
import { yuanToFen } from '../money';

interface Values {
  donorKind: Donation['donorKind'];
  donorName: string;
  purpose: string;
  amountYuan: number;
  receivedOn: Dayjs;
}

/** 登记捐赠: the donor's name (no phone or identity number), purpose, amount, date. */
export function DonationModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (v: Values) =>
      fundingApi.createDonation(
        {
          donorKind: v.donorKind,
          donorName: v.donorName,
          purpose: v.purpose,
          amountFen: yuanToFen(v.amountYuan),
          receivedOn: v.receivedOn.format('YYYY-MM-DD'),
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
  const required = [{ required: true, whitespace: true, message: t('funding.required') }];
  return (
    <Modal
      open={open}
      title={t('funding.donations.createTitle')}
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
        initialValues={{ donorKind: 'organisation', receivedOn: beijingTodayValue() }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="donorKind" label={t('funding.donations.donorKind')}>
          <Select
            options={(['organisation', 'person'] as const).map((k) => ({
              value: k,
              label: t(`funding.donorKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="donorName" label={t('funding.donations.donorName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="purpose" label={t('funding.donations.purpose')} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('funding.amountYuan')}
          rules={[{ required: true, type: 'number', min: 0.01, message: t('funding.required') }]}
        >
          <InputNumber min={0} precision={2} step={1000} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('funding.donations.receivedOn')}
          rules={[{ required: true, message: t('funding.required') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        {create.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
