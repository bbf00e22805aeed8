import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorState';
import { yuanToFen } from '../applications/applicationFormValues';
import {
  BODY_KINDS,
  feeWaiverKeys,
  feeWaiversApi,
  KINDS_OF,
  type FeeWaiverBodyKind,
  type FeeWaiverCase,
  type FeeWaiverRequestKind,
} from './feeWaiversApi';

interface Values {
  bodyKind: FeeWaiverBodyKind;
  bodyName: string;
  requestKind: FeeWaiverRequestKind;
  feeDescription: string;
  amountYuan?: number | null;
}

/** A court on file is the likeliest body: litigation fees, waived. */
const initialValues = (c: FeeWaiverCase): Partial<Values> => ({
  bodyKind: 'court',
  bodyName: c.courtName ?? '',
  requestKind: 'litigation_fee_waiver',
});

/**
 * 新建申请: the case found by its number (or the case of the file it was opened from), the body,
 * the request it can grant, the fee. A court on file is suggested for litigation fees.
 */
export function CreateFeeWaiverModal({
  open,
  applicationId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** The case file it was opened from: no search then. */
  applicationId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const find = useMutation({
    mutationFn: (query: { number?: string; applicationId?: string }) => feeWaiversApi.findCase(query),
  });
  const { mutate: lookUp, reset: resetFind } = find;
  useEffect(() => {
    if (open && applicationId) lookUp({ applicationId });
  }, [open, applicationId, lookUp]);
  const found = find.data;
  const bodyKind = Form.useWatch('bodyKind', form);
  const create = useMutation({
    mutationFn: (v: Values) =>
      feeWaiversApi.create(
        {
          applicationId: found?.applicationId ?? '',
          bodyKind: v.bodyKind,
          bodyName: v.bodyName,
          requestKind: v.requestKind,
          feeDescription: v.feeDescription,
          amountAskedFen:
            v.amountYuan === undefined || v.amountYuan === null ? null : yuanToFen(v.amountYuan),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: feeWaiverKeys.all });
      resetFind();
      setNumber('');
      form.resetFields();
      onCreated(result.id);
    },
  });
  const close = () => {
    resetFind();
    create.reset();
    setNumber('');
    onClose();
  };
  const search = () => number.trim() && lookUp({ number: number.trim() });
  return (
    <Modal
      open={open}
      title={t('feeWaivers.createTitle')}
      okText={t('feeWaivers.createOk')}
      okButtonProps={{ disabled: !found?.aided }}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={close}
      destroyOnHidden
    >
      {!applicationId && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input
            aria-label={t('feeWaivers.caseNumber')}
            placeholder={t('feeWaivers.caseNumberPlaceholder')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            onPressEnter={search}
          />
          <Button loading={find.isPending} disabled={!number.trim()} onClick={search}>
            {t('feeWaivers.findCase')}
          </Button>
        </Space.Compact>
      )}
      {find.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(find.error, t('errors.network'))} />
      )}
      {found && !found.aided && (
        <Alert type="warning" showIcon role="alert" title={t('feeWaivers.notAided')} />
      )}
      {found?.aided && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues(found)}
          onFinish={(v) => create.mutate(v)}
        >
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('feeWaivers.application')}>
              <span className="mono">{found.applicationNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('feeWaivers.recipient')}>{found.recipientName}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="bodyKind" label={t('feeWaivers.bodyKind')} rules={[{ required: true }]}>
            <Select
              options={BODY_KINDS.map((k) => ({ value: k, label: t(`feeWaivers.bodyKinds.${k}`) }))}
              onChange={(k: FeeWaiverBodyKind) => {
                const kinds = KINDS_OF[k];
                form.setFieldsValue({
                  requestKind: kinds[kinds.length - 1],
                  bodyName: k === 'court' ? (found.courtName ?? '') : '',
                });
              }}
            />
          </Form.Item>
          <Form.Item
            name="bodyName"
            label={t('feeWaivers.bodyName')}
            rules={[{ required: true, whitespace: true, message: t('feeWaivers.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="requestKind" label={t('feeWaivers.requestKind')} rules={[{ required: true }]}>
            <Select
              options={KINDS_OF[bodyKind ?? 'court'].map((k) => ({
                value: k,
                label: t(`feeWaivers.requestKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="feeDescription"
            label={t('feeWaivers.feeDescription')}
            extra={t('feeWaivers.feeDescriptionHelp')}
            rules={[{ required: true, whitespace: true, message: t('feeWaivers.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="amountYuan"
            label={t('feeWaivers.amountAsked')}
            extra={t('feeWaivers.amountAskedHelp')}
          >
            <InputNumber min={0} precision={2} step={100} style={{ width: 200 }} />
          </Form.Item>
          {create.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(create.error, t('errors.network'))}
            />
          )}
        </Form>
      )}
    </Modal>
  );
}
