import { Alert, Skeleton, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personsApi, type PersonHistory as History } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime, DATE_TIME_SHORT } from '../../utils';
import { useCan } from '../auth/session';
import { STATE_COLOURS } from '../applications/codes';
import { useMatters } from '../../hooks/useMatters';

type ApplicationEntry = History['applications'][number];
type ConsultationEntry = History['consultations'][number];

/**
 * The person's history (办理记录): their applications, which become cases, and their consultations,
 * newest first, each opening its record. The server answers in the caller's scope and audits the read.
 */
export function PersonHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const matters = useMatters();
  const history = useQuery({
    queryKey: ['persons', 'history', personId],
    queryFn: ({ signal }) => personsApi.history(personId, signal),
  });
  if (history.isPending) return <Skeleton active />;
  if (history.isError)
    return <ErrorState compact error={history.error} onRetry={() => void history.refetch()} />;
  const matter = matters.name;
  return (
    <>
      {history.data.truncated && <Alert type="info" showIcon title={t('persons.history.truncated')} />}
      {can('application.read') && (
        <div>
          <Typography.Title level={5}>{t('persons.history.applications')}</Typography.Title>
          <Table<ApplicationEntry>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={history.data.applications}
            aria-label={t('persons.history.applications')}
            locale={{ emptyText: t('persons.history.noApplications') }}
            columns={[
              {
                title: t('applications.worklist.number'),
                dataIndex: 'number',
                key: 'number',
                render: (number: string, a) => <Link to={`/applications/${a.id}`}>{number}</Link>,
              },
              {
                title: t('applications.worklist.receivedAt'),
                dataIndex: 'receivedAt',
                key: 'receivedAt',
                render: (v: string) => formatDateTime(v, DATE_TIME_SHORT),
              },
              {
                title: t('applications.worklist.matter'),
                dataIndex: 'matter',
                key: 'matter',
                render: matter,
              },
              {
                title: t('applications.worklist.state'),
                dataIndex: 'state',
                key: 'state',
                render: (state: ApplicationEntry['state']) => (
                  <Tag color={STATE_COLOURS[state]}>{t(`applications.states.${state}`)}</Tag>
                ),
              },
            ]}
          />
        </div>
      )}
      {can('consultation.read') && (
        <div>
          <Typography.Title level={5}>{t('persons.history.consultations')}</Typography.Title>
          <Table<ConsultationEntry>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={history.data.consultations}
            aria-label={t('persons.history.consultations')}
            locale={{ emptyText: t('persons.history.noConsultations') }}
            columns={[
              {
                title: t('persons.history.askedAt'),
                dataIndex: 'startedAt',
                key: 'startedAt',
                render: (v: string, c) => (
                  <Link to={`/consultations?consultation=${c.id}`}>{formatDateTime(v, DATE_TIME_SHORT)}</Link>
                ),
              },
              {
                title: t('consultations.channel'),
                dataIndex: 'channel',
                key: 'channel',
                render: (v: ConsultationEntry['channel']) => t(`consultations.channels.${v}`),
              },
              {
                title: t('consultations.topic'),
                dataIndex: 'topicMatter',
                key: 'topicMatter',
                render: matter,
              },
              {
                title: t('consultations.outcome'),
                dataIndex: 'outcome',
                key: 'outcome',
                render: (v: ConsultationEntry['outcome']) => t(`consultations.outcomes.${v}`),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
