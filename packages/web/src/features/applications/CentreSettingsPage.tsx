import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { centreSettingsApi, type CentreSettingsInput } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/session';
import { applicationKeys } from './useApplicationData';

/** Settings belong to legal aid centres, not to workstations or bureaus. */
const CENTRE_KINDS = ['district_centre', 'city_centre'] as const;

/** 中心设置: whether decisions wait for the director, and the default supplement period, per centre. */
export default function CentreSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState(me.organisation.id);
  const [form] = Form.useForm<CentreSettingsInput>();
  const settings = useQuery({
    queryKey: applicationKeys.settings(organisationId),
    queryFn: ({ signal }) => centreSettingsApi.get(organisationId, signal),
  });
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        decisionRequiresApproval: settings.data.decisionRequiresApproval,
        supplementDays: settings.data.supplementDays,
        hearingReminderHours: settings.data.hearingReminderHours,
      });
  }, [form, settings.data]);
  const save = useMutation({
    mutationFn: (input: CentreSettingsInput) => centreSettingsApi.update(organisationId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(applicationKeys.settings(organisationId), saved);
      void message.success(t('applications.settings.saved'));
    },
  });

  return (
    <>
      <PageHeader title={t('applications.settings.title')} />
      <Card variant="borderless" style={{ maxWidth: 720 }}>
        <Form layout="vertical" style={{ marginBottom: 8 }}>
          <Form.Item label={t('applications.settings.organisation')} htmlFor="centre-settings-org">
            <OrganisationTreeSelect
              id="centre-settings-org"
              selectableKinds={CENTRE_KINDS}
              value={organisationId}
              onChange={(id: string) => {
                save.reset();
                setOrganisationId(id);
              }}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
        {settings.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : settings.isError ? (
          <ErrorState compact error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <Form<CentreSettingsInput>
            form={form}
            name="centreSettings"
            layout="vertical"
            onFinish={(values) => save.mutate(values)}
          >
            {save.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                title={errorMessage(save.error, t('errors.network'))}
              />
            )}
            <Form.Item
              label={t('applications.settings.decisionRequiresApproval')}
              name="decisionRequiresApproval"
              valuePropName="checked"
              extra={t('applications.settings.decisionRequiresApprovalHelp')}
            >
              <Switch />
            </Form.Item>
            <Form.Item
              label={t('applications.settings.supplementDays')}
              name="supplementDays"
              extra={t('applications.settings.supplementDaysHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={90}
                precision={0}
                suffix={t('applications.settings.supplementDaysUnit')}
              />
            </Form.Item>
            <Form.Item
              label={t('work.settings.hearingReminderHours')}
              name="hearingReminderHours"
              extra={t('work.settings.hearingReminderHoursHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={168} precision={0} suffix={t('work.settings.hoursUnit')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('applications.settings.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
