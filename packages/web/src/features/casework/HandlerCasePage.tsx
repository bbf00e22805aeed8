import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HANDLER_WORKING_STATES } from '@fayuan/domain';
import { Link, useParams } from 'react-router';
import { assignmentApi, caseBriefApi, type MyAssignment } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { PageLoading } from '../../components/PageLoading';
import { StateTag } from '../applications/StateTag';
import { useMatterName } from '../applications/useApplicationData';
import { assignmentKeys } from '../assignment/assignmentKeys';
import { DeclineModal, useRespond } from '../assignment/respond';
import { beijingDateTime } from '../rules/beijingTime';
import { CaseBriefCards } from './CaseBriefCard';
import { CaseStages } from './CaseStages';
import { CaseworkRecords } from './CaseworkRecords';
import { caseworkKeys } from './caseworkKeys';
import { ClosingMaterialsPanel } from './ClosingMaterials';
import { ServiceStandardPanel } from '../quality/inspections/ServiceStandardPanel';
import { ActivityModal, ClosingModal, TerminationReportModal } from './HandlerModals';
import { MajorSupervision } from './MajorCase';

/** While closing materials may still be handed in: at work, or after a termination (the work done). */
const MATERIAL_STATES = new Set(['in_progress', 'terminated']);

type Dialog = 'activity' | 'termination' | 'closing';

/**
 * The case header from GET /my-assignments: a handler has no read access to the application file
 * (that is centre staff's `application.read`), so number, client, matter and state are what shows.
 */
function Header({
  assignment: a,
  refreshing,
  onRefresh,
}: {
  assignment: MyAssignment;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const matterName = useMatterName();
  return (
    <Card variant="borderless">
      <Flex wrap justify="space-between" gap={16}>
        <Flex vertical gap={6}>
          <Link to="/my-cases">
            <ArrowLeftOutlined aria-hidden /> {t('casework.handlerPage.back')}
          </Link>
          <Flex wrap align="center" gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }} className="mono">
              {a.applicationNumber}
            </Typography.Title>
            <StateTag state={a.state} />
          </Flex>
          <Typography.Text>
            {a.clientName} · {matterName(a.matter, a.channel)} · {t(`applications.caseTypes.${a.caseType}`)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('casework.handlerPage.assignedAt', beijingDateTime(a.assignedAt))}
          </Typography.Text>
        </Flex>
        <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={refreshing} onClick={onRefresh}>
          {t('common.refresh')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * A case assigned and not yet answered: the handler reads the brief (no phone yet) to check for a
 * conflict of interest, then accepts or declines with a reason (LAL art.16) by the answer time.
 */
function PendingAnswer({ assignment }: { assignment: MyAssignment }) {
  const { t } = useTranslation();
  const accept = useRespond();
  const [declining, setDeclining] = useState(false);
  return (
    <Alert
      type="info"
      showIcon
      title={t('casework.handlerPage.pending', beijingDateTime(assignment.respondBy))}
      description={accept.error ? errorMessage(accept.error, t('errors.network')) : undefined}
      action={
        <Flex gap={8}>
          <Popconfirm
            title={t('assignment.myCases.acceptConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => accept.mutate({ id: assignment.applicationId, accept: true })}
          >
            <Button type="primary" loading={accept.isPending}>
              {t('assignment.myCases.accept')}
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setDeclining(true)}>
            {t('assignment.myCases.decline')}
          </Button>
          <DeclineModal assignment={declining ? assignment : null} onClose={() => setDeclining(false)} />
        </Flex>
      }
    />
  );
}

/**
 * 案件承办: the assigned handler's own case — the closing materials (uploaded here), the record, the
 * director's supervision of a major case (read-only), and while in progress the handler's actions.
 */
export default function HandlerCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const mine = useQuery({
    queryKey: assignmentKeys.mine,
    queryFn: ({ signal }) => assignmentApi.mine(signal),
  });

  const brief = useQuery({
    queryKey: caseworkKeys.brief(id),
    queryFn: ({ signal }) => caseBriefApi.get(id, signal),
  });

  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const assignment = mine.data.find(
    (a) => a.applicationId === id && (a.status === 'accepted' || a.status === 'pending'),
  );
  if (!assignment)
    return (
      <Flex vertical gap={16}>
        <Link to="/my-cases">
          <ArrowLeftOutlined aria-hidden /> {t('casework.handlerPage.back')}
        </Link>
        <Alert type="warning" showIcon title={t('casework.handlerPage.notFound')} />
      </Flex>
    );
  const briefCards = brief.isError ? (
    <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />
  ) : brief.data ? (
    <CaseBriefCards brief={brief.data} />
  ) : (
    <Card variant="borderless" loading />
  );
  if (assignment.status === 'pending')
    return (
      <Flex vertical gap={16}>
        <Header assignment={assignment} refreshing={mine.isFetching} onRefresh={() => void mine.refetch()} />
        <PendingAnswer assignment={assignment} />
        {briefCards}
      </Flex>
    );
  const inProgress = assignment.state === 'in_progress';
  // Aid given in advance: the handler works (and records the work) before the formalities are done.
  const atWork = HANDLER_WORKING_STATES.includes(assignment.state);

  return (
    <Flex vertical gap={16}>
      <Header
        assignment={assignment}
        refreshing={mine.isFetching || brief.isFetching}
        onRefresh={() => {
          void mine.refetch();
          void brief.refetch();
        }}
      />
      <Card variant="borderless">
        <CaseStages state={assignment.state} />
      </Card>
      {briefCards}
      {atWork ? (
        <Flex wrap gap={8} role="toolbar" aria-label={t('casework.tab')}>
          <Button type="primary" onClick={() => setDialog('activity')}>
            {t('casework.activities.record')}
          </Button>
          {inProgress && <Button onClick={() => setDialog('closing')}>{t('casework.closing.submit')}</Button>}
          <Button danger onClick={() => setDialog('termination')}>
            {t('casework.termination.report')}
          </Button>
        </Flex>
      ) : (
        <Tag style={{ alignSelf: 'flex-start' }}>{t('casework.handlerPage.readOnly')}</Tag>
      )}
      <Card variant="borderless" title={t('casework.materials.title')}>
        <ClosingMaterialsPanel caseId={id} editable={MATERIAL_STATES.has(assignment.state)} />
      </Card>
      <Card variant="borderless" title={t('casework.tab')}>
        <CaseworkRecords id={id} handlerView />
      </Card>
      <Card variant="borderless" title={t('inspection.live.title')}>
        <ServiceStandardPanel caseId={id} />
      </Card>
      <MajorSupervision id={id} />
      <ActivityModal caseId={id} open={dialog === 'activity'} onClose={close} />
      <TerminationReportModal caseId={id} open={dialog === 'termination'} onClose={close} />
      <ClosingModal caseId={id} open={dialog === 'closing'} onClose={close} />
    </Flex>
  );
}
