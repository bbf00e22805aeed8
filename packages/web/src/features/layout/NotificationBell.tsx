import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { alertsApi, workApi, type StaffAlert } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useCan } from '../auth/session';
import { applicationKeys } from '../applications/useApplicationData';
import { alertColor, alertText } from './alertText';

/**
 * The bell in the header (通知): the user's alerts and the events that concern them (assigned to
 * you, closing returned, objection filed, hearing reminders), unread counted on the badge. Opening
 * one marks it read and opens its case: the handler's case page, or the application file.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const alerts = useQuery({
    queryKey: applicationKeys.alerts,
    queryFn: ({ signal }) => alertsApi.list(signal),
    refetchInterval: 60_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKeys.alerts });
  const markRead = useMutation({ mutationFn: (id: string) => alertsApi.markRead(id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => workApi.readAll(), onSuccess: refresh });
  const items = alerts.data ?? [];
  const unread = items.filter((a) => a.readAt === null).length;

  const openAlert = (a: StaffAlert) => {
    if (a.readAt === null) markRead.mutate(a.id);
    setOpen(false);
    if (a.kind === 'duty_request' || a.kind === 'duty_swap')
      void navigate(can('duty.manage') ? '/duty/roster' : '/duty/my');
    else if (a.complaint) void navigate(`/complaints?id=${a.complaint.id}`);
    else if (a.qualityConcern) void navigate(`/handlers?handler=${a.qualityConcern.handlerId}`);
    else if (a.budgetLine) void navigate(`/funding/budgets?line=${a.budgetLine.id}`);
    else if (a.application)
      void navigate(
        can('application.read') ? `/applications/${a.application.id}` : `/my-cases/${a.application.id}`,
      );
  };

  const content = (
    <Flex vertical gap={8} style={{ width: 360, maxWidth: '80vw' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('work.bell.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('work.bell.readAll')}
        </Button>
      </Flex>
      {alerts.isError ? (
        <ErrorState compact error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <List
          loading={alerts.isPending}
          dataSource={items.slice(0, 30)}
          style={{ maxHeight: 420, overflow: 'auto' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.bell.empty')} />,
          }}
          renderItem={(a) => (
            <List.Item
              className={a.readAt === null ? 'notification notification--unread' : 'notification'}
              style={{
                cursor:
                  a.application || a.complaint || a.qualityConcern || a.budgetLine ? 'pointer' : 'default',
                paddingInline: 4,
              }}
              onClick={() => openAlert(a)}
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} align="center">
                  {a.readAt === null && <Badge status="processing" aria-label={t('work.bell.unread')} />}
                  <Tag color={alertColor(a.kind)} style={{ marginInlineEnd: 0 }}>
                    {t(`applications.alerts.kinds.${a.kind}`)}
                  </Tag>
                  {a.application && <span className="mono">{a.application.number}</span>}
                  {a.complaint?.number && <span className="mono">{a.complaint.number}</span>}
                  {a.qualityConcern && <span>{a.qualityConcern.handlerName}</span>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {alertText(t, a)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined aria-hidden />}
          aria-label={t('work.bell.label', { count: unread })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
