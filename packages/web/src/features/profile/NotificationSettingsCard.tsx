import { App, Card, Flex, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { workApi } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';

const KEY = ['notification-settings'] as const;

/** 通知设置: whether the bell's notices also come by SMS (the user's own choice; audited). */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => workApi.notificationSettings(signal) });
  const save = useMutation({
    mutationFn: (sms: boolean) => workApi.setNotificationSettings({ sms }),
    onSuccess: (data) => {
      queryClient.setQueryData(KEY, data);
      void message.success(t('work.profile.saved'));
    },
    onError: (error) => void message.error(errorMessage(error, t('errors.network'))),
  });
  return (
    <Card variant="borderless" title={t('work.profile.title')} loading={settings.isPending}>
      {settings.isError ? (
        <ErrorState compact error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          <Flex gap={12} align="center">
            <Switch
              id="sms-notifications"
              checked={settings.data?.sms ?? false}
              loading={save.isPending}
              onChange={(checked) => save.mutate(checked)}
            />
            <label htmlFor="sms-notifications">{t('work.profile.sms')}</label>
          </Flex>
          <Typography.Text type="secondary">{t('work.profile.smsHelp')}</Typography.Text>
          {settings.data && !settings.data.phoneOnFile && (
            <Typography.Text type="warning">{t('work.profile.noPhone')}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
