import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { fundingApi, fundingKeys, type Contract } from '../fundingApi';
import { formatFen, yuanToFen } from '../money';

interface Values {
  contractNumber: string;
  providerKind: Contract['providerKind'];
  lawFirmId?: string;
  providerName?: string;
  period: [Dayjs, Dayjs];
  budgetLineId: string;
  amountYuan: number;
  casesDue: number;
  dutyDaysDue: number;
  hotlineHoursDue: number;
}

/** 登记合同: the provider, the period, the budget line that funds it, the amount and the services due. */
export function ContractModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const providerKind = Form.useWatch('providerKind', form) ?? 'law_firm';
  const period = Form.useWatch('period', form);
  const year = period?.[0] ? dayjs(period[0]).year() : undefined;
  const firms = useQuery({ queryKey: fundingKeys.firms, queryFn: () => fundingApi.firms(), enabled: open });
  const lines = useQuery({
    queryKey: fundingKeys.lines(year),
    queryFn: () => fundingApi.lines(year),
    enabled: open && year !== undefined,
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      fundingApi.createContract(
        {
          contractNumber: v.contractNumber,
          providerKind: v.providerKind,
          ...(v.providerKind === 'law_firm'
            ? { lawFirmId: v.lawFirmId ?? null }
            : { providerName: v.providerName ?? '' }),
          budgetLineId: v.budgetLineId,
          startsOn: v.period[0].format('YYYY-MM-DD'),
          endsOn: v.period[1].format('YYYY-MM-DD'),
          amountFen: yuanToFen(v.amountYuan),
          casesDue: v.casesDue,
          dutyDaysDue: v.dutyDaysDue,
          hotlineHoursDue: v.hotlineHoursDue,
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
      title={t('funding.contracts.createTitle')}
      okText={t('funding.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ providerKind: 'law_firm', casesDue: 0, dutyDaysDue: 0, hotlineHoursDue: 0 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="contractNumber"
          label={t('funding.contracts.contractNumber')}
          rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="providerKind" label={t('funding.contracts.providerKind')}>
          <Select
            options={(['law_firm', 'social_organisation'] as const).map((k) => ({
              value: k,
              label: t(`funding.providerKinds.${k}`),
            }))}
          />
        </Form.Item>
        {providerKind === 'law_firm' ? (
          <Form.Item name="lawFirmId" label={t('funding.contracts.lawFirm')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={firms.isPending}
              options={(firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="providerName"
            label={t('funding.contracts.providerName')}
            rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="period" label={t('funding.contracts.period')} rules={required}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="budgetLineId"
          label={t('funding.contracts.budgetLine')}
          extra={t('funding.contracts.budgetLineHelp')}
          rules={required}
        >
          <Select
            disabled={year === undefined}
            options={(lines.data?.items ?? []).map((l) => ({
              value: l.id,
              label: `${l.name}（${formatFen(l.availableFen, i18n.language)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('funding.amountYuan')}
          rules={[{ required: true, type: 'number', min: 0.01, message: t('funding.required') }]}
        >
          <InputNumber min={0} precision={2} step={1000} style={{ width: 200 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="casesDue" label={t('funding.services.cases')} rules={required}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="dutyDaysDue" label={t('funding.services.dutyDays')} rules={required}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="hotlineHoursDue" label={t('funding.services.hotlineHours')} rules={required}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        {create.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
