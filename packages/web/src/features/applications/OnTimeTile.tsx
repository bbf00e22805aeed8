import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { applicationKeys } from './useApplicationData';

/** Review decisions made within the 7 days of LAL art.43: the rate, and what is running or overdue now. */
export function OnTimeTile() {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: applicationKeys.onTime,
    queryFn: ({ signal }) => applicationsApi.onTime({ period: 'review_decision' }, signal),
    refetchInterval: 5 * 60_000,
  });
  const s = stats.data;
  return (
    <Card
      variant="borderless"
      loading={stats.isPending}
      title={
        <Flex gap={8}>
          <FieldTimeOutlined aria-hidden />
          {t('applications.onTime.title')}
        </Flex>
      }
    >
      {stats.isError ? (
        <ErrorState compact error={stats.error} onRetry={() => void stats.refetch()} />
      ) : s ? (
        <Flex vertical gap={12}>
          {s.rate === null ? (
            <Typography.Text type="secondary">{t('applications.onTime.noData')}</Typography.Text>
          ) : (
            <Flex align="center" gap={16}>
              <Progress
                type="circle"
                size={72}
                percent={Math.round(s.rate * 1000) / 10}
                status={s.rate < 0.9 ? 'exception' : 'success'}
                aria-label={t('applications.onTime.rate')}
              />
              <Typography.Text type="secondary">{t('applications.onTime.rate')}</Typography.Text>
            </Flex>
          )}
          <Row gutter={8}>
            <Col span={6}>
              <Statistic title={t('applications.onTime.onTime')} value={s.onTime} />
            </Col>
            <Col span={6}>
              <Statistic title={t('applications.onTime.late')} value={s.late} />
            </Col>
            <Col span={6}>
              <Statistic title={t('applications.onTime.running')} value={s.running} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('applications.onTime.overdue')}
                value={s.overdue}
                styles={{ content: s.overdue > 0 ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          </Row>
        </Flex>
      ) : null}
    </Card>
  );
}
