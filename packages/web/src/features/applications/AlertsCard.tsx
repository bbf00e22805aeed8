import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { alertsApi } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { alertColor, alertText } from '../layout/alertText';
import { applicationKeys } from './useApplicationData';

/**
 * The signed-in user's deadline reminders and overdue alerts, unread first; each can be marked
 * read. A supervisor also gets refused cross-district registrations (duplicate_elsewhere), which
 * name the organisation that tried and no person. Centre staff open the application; a handler, whose alerts are their own cases' (the
 * agreement period), opens their case page instead.
 */
export function AlertsCard({
  caseLink = (id: string) => `/applications/${id}`,
}: {
  caseLink?: (applicationId: string) => string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: applicationKeys.alerts,
    queryFn: ({ signal }) => alertsApi.list(signal),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => alertsApi.markRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.alerts }),
  });
  const unread = (alerts.data ?? []).filter((a) => a.readAt === null);
  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8}>
          <BellOutlined aria-hidden />
          {t('applications.alerts.title')}
          {unread.length > 0 && <Tag color="red">{unread.length}</Tag>}
        </Flex>
      }
    >
      {alerts.isError ? (
        <ErrorState compact error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <>
          {markRead.isError && (
            <Typography.Text type="danger" role="alert">
              {errorMessage(markRead.error, t('errors.network'))}
            </Typography.Text>
          )}
          <List
            loading={alerts.isPending}
            dataSource={unread}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.alerts.empty')} />
              ),
            }}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Button
                    key="read"
                    size="small"
                    type="link"
                    loading={markRead.isPending && markRead.variables === a.id}
                    onClick={() => markRead.mutate(a.id)}
                    aria-label={`${t('applications.alerts.markRead')} ${a.application?.number ?? t(`applications.alerts.kinds.${a.kind}`)}`}
                  >
                    {t('applications.alerts.markRead')}
                  </Button>,
                ]}
              >
                <Flex vertical gap={2}>
                  <Flex gap={8} align="center">
                    <Tag color={alertColor(a.kind)}>{t(`applications.alerts.kinds.${a.kind}`)}</Tag>
                    {a.application && (
                      <Link to={caseLink(a.application.id)} className="mono">
                        {a.application.number}
                      </Link>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {alertText(t, a)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
