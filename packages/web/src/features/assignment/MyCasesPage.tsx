import { MySubsidies } from '../subsidies/MySubsidies';
import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { assignmentApi, workApi, type HandlerQueue, type MyAssignment } from '../../api';
import { HearingCalendar } from '../casework/HearingCalendar';
import { MyRectifications } from '../quality/inspections/MyRectifications';
import { MyHearingObservations } from '../quality/hearings/MyHearingObservations';
import { errorMessage, ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { StateTag } from '../applications/StateTag';
import { useMatterName } from '../applications/useApplicationData';
import { beijingDateTime } from '../rules/beijingTime';
import { assignmentKeys } from './assignmentKeys';
import { DeclineModal, useRespond } from './respond';

const HANDLER_QUEUES: readonly HandlerQueue[] = [
  'toAccept',
  'agreementsToSign',
  'hearingsThisWeek',
  'closingsDue',
];

/**
 * 我的案件: the signed-in handler's assigned cases, each pending one to accept or decline (filtered
 * to a home page queue when the URL names one), and their hearing calendar.
 */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const matterName = useMatterName();
  const [declining, setDeclining] = useState<MyAssignment | null>(null);
  // A home page queue (今日工作) opens this list filtered to the cases it counted.
  const [search, setSearch] = useSearchParams();
  const queue = HANDLER_QUEUES.find((q) => q === search.get('queue'));
  const list = useQuery({
    queryKey: [...assignmentKeys.mine, queue ?? 'all'],
    queryFn: ({ signal }) => (queue ? workApi.myAssignments(queue, signal) : assignmentApi.mine(signal)),
  });
  const accept = useRespond();
  const when = (iso: string) => {
    const d = beijingDateTime(iso);
    return `${d.date} ${d.time}`;
  };
  const columns: TableColumnsType<MyAssignment> = [
    {
      key: 'number',
      title: t('assignment.myCases.number'),
      // A pending case opens on its brief, to check for a conflict before answering.
      render: (_, row) => (
        <Link to={`/my-cases/${row.applicationId}`} className="mono">
          {row.applicationNumber}
        </Link>
      ),
    },
    { key: 'client', title: t('assignment.myCases.client'), dataIndex: 'clientName' },
    {
      key: 'matter',
      title: t('assignment.myCases.matter'),
      render: (_, row) =>
        `${matterName(row.matter, row.channel)} · ${t(`applications.caseTypes.${row.caseType}`)}`,
    },
    {
      key: 'state',
      title: t('assignment.myCases.state'),
      render: (_, row) => <StateTag state={row.state} />,
    },
    {
      key: 'status',
      title: t('assignment.myCases.status'),
      render: (_, row) => (
        <Tag color={row.status === 'pending' ? 'gold' : 'green'}>
          {t(`assignment.myCases.statuses.${row.status}`)}
        </Tag>
      ),
    },
    {
      key: 'assignedAt',
      title: t('assignment.myCases.assignedAt'),
      render: (_, row) => when(row.assignedAt),
    },
    {
      key: 'respondBy',
      title: t('assignment.myCases.respondBy'),
      render: (_, row) => (row.status === 'pending' ? when(row.respondBy) : '—'),
    },
    {
      key: 'actions',
      title: '',
      render: (_, row) =>
        row.status === 'pending' && (
          <Flex gap={8}>
            <Popconfirm
              title={t('assignment.myCases.acceptConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => accept.mutate({ id: row.applicationId, accept: true })}
            >
              <Button
                type="primary"
                size="small"
                loading={accept.isPending && accept.variables.id === row.applicationId}
              >
                {t('assignment.myCases.accept')}
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setDeclining(row)}>
              {t('assignment.myCases.decline')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('assignment.myCases.title')} />
      <MyRectifications />
      <MyHearingObservations />
      <Typography.Text type="secondary">{t('assignment.myCases.intro')}</Typography.Text>
      {accept.error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => accept.reset() }}
          title={errorMessage(accept.error, t('errors.network'))}
        />
      )}
      <Card variant="borderless">
        {queue && (
          <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
            <Tag color="blue" data-testid="queue-filter">
              {t('work.queues.filtered', { name: t(`work.queues.keys.${queue}`) })}
            </Tag>
            <Button size="small" type="link" onClick={() => setSearch({}, { replace: true })}>
              {t('work.queues.showAll')}
            </Button>
          </Flex>
        )}
        {list.isError ? (
          <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<MyAssignment>
            rowKey="assignmentId"
            size="small"
            loading={list.isPending}
            columns={columns}
            dataSource={list.data ?? []}
            pagination={false}
            locale={{ emptyText: t('assignment.myCases.empty') }}
            aria-label={t('assignment.myCases.title')}
          />
        )}
      </Card>
      <MySubsidies />
      <HearingCalendar mine />
      <DeclineModal assignment={declining} onClose={() => setDeclining(null)} />
    </Flex>
  );
}
