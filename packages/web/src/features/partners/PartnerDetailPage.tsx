import { App, Button, Card, Form, Input, InputNumber, Select, Switch, Tabs } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PARTNER_OPERATIONS } from '@fayuan/domain';
import { partnersApi, type PartnerDetail, type UpdatePartnerInput } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ErrorState } from '../../components/ErrorState';
import { PartnerKeysPanel } from './PartnerKeysPanel';
import { PartnerRequestLog } from './PartnerRequestLog';
import { PartnerDeliveryLog } from './PartnerDeliveryLog';

type EditValues = Omit<UpdatePartnerInput, 'expectedUpdatedAt'>;

function PartnerEditForm({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      partnersApi.update(partner.id, {
        ...values,
        callbackUrl: values.callbackUrl ? values.callbackUrl : null,
        expectedUpdatedAt: partner.updatedAt,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['partners'] });
      void message.success(t('partners.form.saved'));
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Form<EditValues>
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{
        name: partner.name,
        operations: partner.operations,
        callbackUrl: partner.callbackUrl ?? '',
        rateLimitPerMinute: partner.rateLimitPerMinute,
        active: partner.active,
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <Form.Item label={t('partners.form.kind')}>{t(`partners.kinds.${partner.kind}`)}</Form.Item>
      <Form.Item label={t('partners.form.organisation')}>{partner.organisationName}</Form.Item>
      <Form.Item name="name" label={t('partners.form.name')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input />
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
      <Form.Item name="active" label={t('partners.form.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('partners.form.save')}
      </Button>
    </Form>
  );
}

/** One partner: its details (edit), its keys and its request log, in tabs. */
export default function PartnerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['partners', id, 'detail'],
    queryFn: ({ signal }) => partnersApi.get(id, signal),
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} />;
  const partner = detail.data;
  return (
    <>
      <PageHeader title={partner.name} extra={<Link to="/partners">{t('partners.back')}</Link>} />
      <Card variant="borderless">
        <Tabs
          items={[
            {
              key: 'info',
              label: t('partners.tabs.info'),
              children: <PartnerEditForm key={partner.updatedAt} partner={partner} />,
            },
            {
              key: 'keys',
              label: t('partners.tabs.keys'),
              children: <PartnerKeysPanel partnerId={partner.id} keys={partner.keys} />,
            },
            {
              key: 'requests',
              label: t('partners.tabs.requests'),
              children: <PartnerRequestLog partnerId={partner.id} />,
            },
            {
              key: 'deliveries',
              label: t('partners.tabs.deliveries'),
              children: <PartnerDeliveryLog partnerId={partner.id} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
