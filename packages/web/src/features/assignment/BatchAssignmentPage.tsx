import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CalculatorOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  applicationsApi,
  assignmentApi,
  isApiError,
  type ApplicationSummary,
  type AssignmentCandidate,
  type AssignmentPlan,
} from '../../api';
import { errorMessage, ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { Countdown } from '../applications/Countdown';
import { StateTag } from '../applications/StateTag';
import { applicationKeys, useMatterName } from '../applications/useApplicationData';
import { assignmentKeys } from './assignmentKeys';
import { toPlanConfirmInput } from './assignRequests';
import { CandidatePicker } from './CandidatePicker';
import { Highlights } from './Highlights';
import { ineligibleReasons, ReasonList } from './ReasonList';
import { useCandidates } from './useCandidates';

/** The states a case waits in for a handler (granted, or returned to the queue). */
export const TO_ASSIGN_STATES = 'granted,to_assign';

type Planned = AssignmentPlan['assignments'][number];
type Unassigned = AssignmentPlan['unassigned'][number];
/** A pairing the director changed: the handler chosen instead, with the words that speak for them. */
interface Swap {
  handlerId: string;
  handlerName: string;
  highlights: AssignmentCandidate['highlights'];
}

/**
 * 改派: another eligible handler for one case of the plan, chosen among the case's candidates (the
 * same list and rules as 指派); confirming the plan checks the pairing again on the server.
 */
function SwapModal({
  row,
  current,
  onClose,
  onSwap,
}: {
  row: Planned | null;
  current: string | undefined;
  onClose: () => void;
  onSwap: (swap: Swap) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const candidates = useCandidates(row?.caseId ?? '', row !== null);
  const value = chosen ?? current;
  const close = () => {
    setChosen(undefined);
    onClose();
  };
  return (
    <Modal
      open={row !== null}
      title={
        row ? t('assignment.batch.swapTitle', { number: row.applicationNumber, name: row.applicantName }) : ''
      }
      width={760}
      okText={t('assignment.batch.swap')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: value === undefined || value === current }}
      onCancel={close}
      onOk={() => {
        const candidate = candidates.data?.candidates.find((c) => c.handlerId === value);
        if (candidate)
          onSwap({
            handlerId: candidate.handlerId,
            handlerName: candidate.handler.name,
            highlights: candidate.highlights,
          });
        close();
      }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('assignment.batch.swapIntro')}</Typography.Text>
        {row && <CandidatePicker applicationId={row.caseId} enabled value={value} onChange={setChosen} />}
      </Flex>
    </Modal>
  );
}

function PlanView({ plan, onConfirmed }: { plan: AssignmentPlan; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [swaps, setSwaps] = useState<Record<string, Swap>>({});
  const [swapping, setSwapping] = useState<Planned | null>(null);
  const [figures, setFigures] = useState(false);
  const confirm = useMutation({
    mutationFn: () => {
      const input = toPlanConfirmInput(
        plan,
        Object.fromEntries(Object.entries(swaps).map(([caseId, swap]) => [caseId, swap.handlerId])),
      );
      return assignmentApi.confirmPlan(input, keyFor(input));
    },
    onSuccess: async ({ assigned }) => {
      await queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t('assignment.batch.confirmed', { count: assigned }));
      onConfirmed();
    },
  });
  const refusedCase = isApiError(confirm.error)
    ? (confirm.error.details as { applicationId?: string } | undefined)?.applicationId
    : undefined;
  const refusedReasons = ineligibleReasons(confirm.error);
  const number = (id: string, n: string) => (
    <Link to={`/applications/${id}`} className="mono">
      {n}
    </Link>
  );
  const planColumns: TableColumnsType<Planned> = [
    {
      key: 'number',
      title: t('assignment.batch.caseNumber'),
      width: 220,
      render: (_, row) => number(row.caseId, row.applicationNumber),
    },
    { key: 'applicant', title: t('assignment.batch.applicant'), dataIndex: 'applicantName', width: 120 },
    {
      key: 'handler',
      title: t('assignment.batch.handler'),
      width: 160,
      render: (_, row) => {
        const swap = swaps[row.caseId];
        return (
          <Flex wrap gap={4} align="center" data-testid="planned-handler">
            <span>{swap?.handlerName ?? row.handlerName}</span>
            {swap && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('assignment.batch.swapped')}
              </Tag>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'why',
      title: t('assignment.batch.why'),
      render: (_, row) => <Highlights highlights={swaps[row.caseId]?.highlights ?? row.highlights} />,
    },
    ...(figures
      ? [
          {
            key: 'cost',
            title: t('assignment.batch.cost'),
            dataIndex: 'cost',
            align: 'right' as const,
            width: 90,
          },
        ]
      : []),
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_, row) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setSwapping(row)}>
            {t('assignment.batch.swap')}
          </Button>
          {swaps[row.caseId] && (
            <Button
              type="link"
              size="small"
              onClick={() => setSwaps(({ [row.caseId]: _undone, ...rest }) => rest)}
            >
              {t('assignment.batch.swapUndo')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  const unassignedColumns: TableColumnsType<Unassigned> = [
    {
      key: 'number',
      title: t('assignment.batch.caseNumber'),
      width: 220,
      render: (_, row) => number(row.caseId, row.applicationNumber),
    },
    { key: 'applicant', title: t('assignment.batch.applicant'), dataIndex: 'applicantName', width: 120 },
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
          <Flex vertical gap={4} align="flex-start">
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              aria-expanded={figures}
              onClick={() => setFigures((f) => !f)}
            >
              {figures ? t('assignment.details.hide') : t('assignment.details.show')}
            </Button>
            {figures && (
              <Descriptions
                data-testid="details"
                size="small"
                column={{ xs: 2, md: 4 }}
                items={[
                  { key: 'total', label: t('assignment.batch.totalCost'), children: plan.totalCost },
                  { key: 'cases', label: t('assignment.batch.stats.cases'), children: s.cases },
                  { key: 'handlers', label: t('assignment.batch.stats.handlers'), children: s.handlers },
                  {
                    key: 'pairs',
                    label: t('assignment.batch.stats.eligiblePairs'),
                    children: s.eligiblePairs,
                  },
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
            )}
          </Flex>
          <Table<Planned>
            rowKey="caseId"
            size="small"
            columns={planColumns}
            dataSource={plan.assignments}
            pagination={false}
            rowClassName={(row) => (row.caseId === refusedCase ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: t('assignment.batch.noAssignments') }}
            aria-label={t('assignment.batch.plan')}
          />
          {confirm.error !== null && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(confirm.error, t('errors.network'))}
              description={refusedReasons.length > 0 ? <ReasonList reasons={refusedReasons} /> : undefined}
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
      <SwapModal
        row={swapping}
        current={swapping ? (swaps[swapping.caseId]?.handlerId ?? swapping.handlerId) : undefined}
        onClose={() => setSwapping(null)}
        onSwap={(swap) => {
          if (!swapping) return;
          const caseId = swapping.caseId;
          confirm.reset();
          setSwaps((all) => ({ ...all, [caseId]: swap }));
        }}
      />
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
