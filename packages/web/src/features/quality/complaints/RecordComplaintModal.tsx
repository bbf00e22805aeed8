import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { complaintsApi, type RecordComplaintBody } from './complaintsApi';

interface Values {
  channel: RecordComplaintBody['channel'];
  about: RecordComplaintBody['about'];
  applicationNumber?: string;
  name: string;
  phone?: string;
  relation: RecordComplaintBody['complainant']['relation'];
  text: string;
  wantsReply: boolean;
}

/** 登记投诉: a complaint taken by phone (12348), by letter or at the window, for the caller's centre. */
export function RecordComplaintModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  // One key per form opening: a retried submit never takes the complaint twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (v: Values) =>
      complaintsApi.record(
        {
          channel: v.channel,
          about: v.about,
          ...(v.applicationNumber ? { applicationNumber: v.applicationNumber } : {}),
          complainant: { name: v.name, relation: v.relation, ...(v.phone ? { phone: v.phone } : {}) },
          text: v.text,
          wantsReply: v.wantsReply,
        },
        key,
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
      form.resetFields();
      setKey(crypto.randomUUID());
      onClose(created.id);
    },
  });
  const required = [{ required: true, whitespace: true, message: t('complaints.required') }];
  return (
    <Modal
      open={open}
      title={t('complaints.recordTitle')}
      okText={t('complaints.actions.submit')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'hotline', about: 'service', relation: 'applicant', wantsReply: true }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="channel" label={t('complaints.channel')}>
          <Radio.Group
            options={(['hotline', 'letter', 'window'] as const).map((c) => ({
              value: c,
              label: t(`complaints.channels.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('complaints.complainantName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('complaints.complainantPhone')}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        <Form.Item name="relation" label={t('complaints.relation')}>
          <Select
            options={(['applicant', 'recipient', 'interested_party'] as const).map((r) => ({
              value: r,
              label: t(`complaints.relations.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="about" label={t('complaints.about')}>
          <Radio.Group
            options={(['centre', 'handler', 'service'] as const).map((a) => ({
              value: a,
              label: t(`complaints.aboutKinds.${a}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="applicationNumber"
          label={t('complaints.application')}
          extra={t('complaints.applicationHelp')}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="text" label={t('complaints.text')} rules={required}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="wantsReply" valuePropName="checked">
          <Checkbox>{t('complaints.wantsReply')}</Checkbox>
        </Form.Item>
        {save.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
