import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CalculatorOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationsApi, assignmentApi, type ApplicationSummary, type AssignmentPlan } from '../../api';
import { errorMessage, ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { Countdown } from '../applications/Countdown';
import { StateTag } from '../applications/StateTag';
import { applicationKeys, useMatterName } from '../applications/useApplicationData';
import { assignmentKeys } from './assignmentKeys';
import { toPlanConfirmInput } from './assignRequests';
import { ReasonList } from './ReasonList';

/** The states a case waits in for a handler (granted, or returned to the queue). */
export const TO_ASSIGN_STATES = 'granted,to_assign';

type Planned = AssignmentPlan['assignments'][number];
type Unassigned = AssignmentPlan['unassigned'][number];

function PlanView({ plan, onConfirmed }: { plan: AssignmentPlan; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const confirm = useMutation({
    mutationFn: () => {
      const input = toPlanConfirmInput(plan);
      return assignmentApi.confirmPlan(input, keyFor(input));
    },
    onSuccess: async ({ assigned }) => {
      await queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t('assignment.batch.confirmed', { count: assigned }));
      onConfirmed();
    },
  });
  const number = (id: string, n: string) => (
    <Link to={`/applications/${id}`} className="mono">
      {n}
    </Link>
  );
  const planColumns: TableColumnsType<Planned> = [
    {
      key: 'number',
      title: t('assignment.batch.caseNumber'),
      render: (_, row) => number(row.caseId, row.applicationNumber),
    },
    { key: 'handler', title: t('assignment.batch.handler'), dataIndex: 'handlerName' },
    { key: 'cost', title: t('assignment.batch.cost'), dataIndex: 'cost', align: 'right', width: 120 },
  ];
  const unassignedColumns: TableColumnsType<Unassigned> = [
    {
      key: 'number',
      title: t('assignment.batch.caseNumber'),
      width: 240,
      render: (_, row) => number(row.caseId, row.applicationNumber),
    },
    {
      key: 'reasons',
      title: t('assignment.batch.reasons'),
      render: (_, row) => <ReasonList reasons={row.reasons} />,
    },
  ];
  const s = plan.stats;
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" title={t('assignment.batch.plan')}>
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 2, md: 4 }}
            items={[
              { key: 'total', label: t('assignment.batch.totalCost'), children: plan.totalCost },
              { key: 'cases', label: t('assignment.batch.stats.cases'), children: s.cases },
              { key: 'handlers', label: t('assignment.batch.stats.handlers'), children: s.handlers },
              { key: 'pairs', label: t('assignment.batch.stats.eligiblePairs'), children: s.eligiblePairs },
              { key: 'edges', label: t('assignment.batch.stats.edges'), children: s.edges },
              {
                key: 'k',
                label: t('assignment.batch.stats.k'),
                children: s.k ?? t('assignment.batch.stats.unlimited'),
              },
              {
                key: 'exact',
                label: t('assignment.batch.stats.exact'),
                children: s.exact
                  ? t('assignment.batch.stats.exactYes')
                  : t('assignment.batch.stats.exactNo'),
              },
            ]}
          />
          <Table<Planned>
            rowKey="caseId"
            size="small"
            columns={planColumns}
            dataSource={plan.assignments}
            pagination={false}
            locale={{ emptyText: t('assignment.batch.noAssignments') }}
            aria-label={t('assignment.batch.plan')}
          />
          {confirm.error !== null && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(confirm.error, t('errors.network'))}
            />
          )}
          <Flex justify="end">
            <Popconfirm
              title={t('assignment.batch.confirmTitle', { count: plan.assignments.length })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => confirm.mutate()}
              disabled={plan.assignments.length === 0}
            >
              <Button
                type="primary"
                icon={<CheckOutlined aria-hidden />}
                loading={confirm.isPending}
                disabled={plan.assignments.length === 0}
              >
                {t('assignment.batch.confirm')}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      </Card>
      {plan.unassigned.length > 0 && (
        <Card variant="borderless" title={t('assignment.batch.unassigned')}>
          <Table<Unassigned>
            rowKey="caseId"
            size="small"
            columns={unassignedColumns}
            dataSource={plan.unassigned}
            pagination={false}
            aria-label={t('assignment.batch.unassigned')}
          />
        </Card>
      )}
    </Flex>
  );
}

/** 批量指派: the cases waiting for a handler, a plan for all of them at once, and its confirmation. */
export default function BatchAssignmentPage() {
  const { t } = useTranslation();
  const matterName = useMatterName();
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const queue = useQuery({
    queryKey: [...applicationKeys.all, 'toAssign'],
    queryFn: ({ signal }) => applicationsApi.list({ state: TO_ASSIGN_STATES, pageSize: 100 }, signal),
  });
  const compute = useMutation({
    mutationFn: () => assignmentApi.plan(),
    onSuccess: setPlan,
  });
  const columns: TableColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('applications.worklist.number'),
      render: (_, row) => (
        <Link to={`/applications/${row.id}`} className="mono">
          {row.number}
        </Link>
      ),
    },
    { key: 'applicant', title: t('applications.worklist.applicant'), render: (_, row) => row.applicant.name },
    {
      key: 'matter',
      title: t('applications.worklist.matter'),
      render: (_, row) => matterName(row.matter, row.channel),
    },
    {
      key: 'state',
      title: t('applications.worklist.state'),
      render: (_, row) => <StateTag state={row.state} />,
    },
    {
      key: 'deadline',
      title: t('applications.worklist.deadline'),
      render: (_, row) => <Countdown clock={row.currentClock} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('assignment.batch.title')}
        extra={
          <Button
            type="primary"
            icon={<CalculatorOutlined aria-hidden />}
            loading={compute.isPending}
            onClick={() => compute.mutate()}
          >
            {plan ? t('assignment.batch.recompute') : t('assignment.batch.compute')}
          </Button>
        }
      />
      <Typography.Text type="secondary">{t('assignment.batch.intro')}</Typography.Text>
      {compute.error !== null && (
        <Alert type="error" showIcon role="alert" title={errorMessage(compute.error, t('errors.network'))} />
      )}
      {plan && (
        <PlanView
          plan={plan}
          onConfirmed={() => {
            setPlan(null);
            compute.reset();
          }}
        />
      )}
      <Card variant="borderless" title={t('assignment.batch.queue', { count: queue.data?.total ?? 0 })}>
        {queue.isError ? (
          <ErrorState compact error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Table<ApplicationSummary>
            rowKey="id"
            size="small"
            loading={queue.isPending}
            columns={columns}
            dataSource={queue.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('assignment.batch.queueEmpty') }}
            aria-label={t('assignment.batch.queue', { count: queue.data?.total ?? 0 })}
          />
        )}
      </Card>
    </Flex>
  );
}
