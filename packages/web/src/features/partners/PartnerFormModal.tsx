import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, PARTNER_OPERATIONS } from '@fayuan/domain';
import { partnersApi, type CreatedPartner, type CreatePartnerInput } from '../../api';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';

/** 登记合作机构: kinds and operations in words; the answer's secrets go to the caller to show once. */
export function PartnerFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedPartner) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreatePartnerInput>();
  const create = useMutation({
    mutationFn: (input: CreatePartnerInput) => partnersApi.create(input),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['partners'] });
      void message.success(t('partners.form.created'));
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={t('partners.create')}
      okText={t('partners.form.save')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rateLimitPerMinute: 120, operations: ['criminal_notices'] }}
        onFinish={(values) =>
          create.mutate({ ...values, callbackUrl: values.callbackUrl ? values.callbackUrl : undefined })
        }
      >
        <Form.Item name="name" label={t('partners.form.name')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('partners.form.kind')} rules={[{ required: true }]}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="organisationId" label={t('partners.form.organisation')} rules={[{ required: true }]}>
          <OrganisationTreeSelect disableInactive showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="operations" label={t('partners.form.operations')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={PARTNER_OPERATIONS.map((o) => ({ value: o, label: t(`partners.operations.${o}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="callbackUrl"
          label={t('partners.form.callbackUrl')}
          extra={t('partners.form.callbackUrlHelp')}
        >
          <Input inputMode="url" />
        </Form.Item>
        <Form.Item name="rateLimitPerMinute" label={t('partners.form.rateLimit')}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
