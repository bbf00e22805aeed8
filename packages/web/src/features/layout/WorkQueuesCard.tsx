import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workApi, type WorkQueue } from '../../api';
import { ErrorState } from '../../components/ErrorState';

/** Where a queue's count opens: its list, filtered to exactly the rows counted. */
export function queueLink(queue: WorkQueue): string {
  const query = new URLSearchParams(queue.filter).toString();
  return queue.list === 'worklist' ? `/applications?${query}` : `/my-cases?${query}`;
}

/** 今日工作: the user's work as counts, each opening the filtered list (no charts: these are queues). */
export function WorkQueuesCard() {
  const { t } = useTranslation();
  const queues = useQuery({
    queryKey: ['work-queues'],
    queryFn: ({ signal }) => workApi.queues(signal),
    refetchInterval: 60_000,
  });
  if (queues.data?.length === 0) return null;
  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8}>
          <ScheduleOutlined aria-hidden />
          {t('work.queues.title')}
        </Flex>
      }
      loading={queues.isPending}
    >
      {queues.isError ? (
        <ErrorState compact error={queues.error} onRetry={() => void queues.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          {(queues.data ?? []).map((queue) => (
            <Col key={queue.key} xs={12} md={8} xl={6}>
              <Link
                to={queueLink(queue)}
                className="work-queue"
                data-testid={`queue-${queue.key}`}
                aria-label={`${t(`work.queues.keys.${queue.key}`, { defaultValue: '' })} ${queue.count}`}
              >
                <Statistic
                  title={
                    <Typography.Text type="secondary">
                      {t(`work.queues.keys.${queue.key}`, { defaultValue: '' })}
                    </Typography.Text>
                  }
                  value={queue.count}
                  valueStyle={queue.count > 0 ? { color: '#1f5fbf' } : undefined}
                />
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
