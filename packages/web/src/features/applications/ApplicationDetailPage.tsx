import { Badge, Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FEE_WAIVER_CASE_STATES } from '@fayuan/domain';
import { applicationsApi, isApiError, type ApplicationDetail } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageLoading } from '../../components/PageLoading';
import { NotFound } from '../../components/StatusResults';
import { ArchiveTab } from '../casework/ArchiveTab';
import { CaseworkTab } from '../casework/CaseworkTab';
import { EvaluationTab } from '../quality/EvaluationTab';
import { ServiceStandardPanel } from '../quality/inspections/ServiceStandardPanel';
import { SubsidyTab } from '../subsidies/SubsidyTab';
import { CaseFeeWaivers } from '../fee-waivers/CaseFeeWaivers';
import { useCan } from '../auth/session';
import { ApplicationActions } from './ApplicationActions';
import { AssessmentTab } from './AssessmentTab';
import { CriminalNoticeTab } from './CriminalNoticeTab';
import { AttachmentsTab } from './AttachmentsTab';
import { Countdown } from './Countdown';
import { DocumentsTab } from './DocumentsTab';
import { FlagsAlert } from './FlagsAlert';
import { MaterialsTab } from './MaterialsTab';
import { ObjectionsTab } from './ObjectionsTab';
import { OverviewTab } from './OverviewTab';
import { StateTag } from './StateTag';
import { NotDeliveredTag, ObjectionWindowNote } from './DeliveryTag';
import { ClocksTimeline, EventsTimeline } from './Timelines';
import { beijingDateTime } from '../rules/beijingTime';
import { applicationKeys, useMatterName } from './useApplicationData';

/** States after the closing review: the quality evaluation, then the subsidy, may be on file. */
const EVALUATION_STATES = new Set(['closed', 'evaluated', 'subsidy_paid', 'archived']);
const SUBSIDY_STATES = new Set(['closed', 'evaluated', 'subsidy_paid', 'archived']);

/** States with a recipient (受援人): fee waivers may be asked (LAL art.53), or were before the end. */
const FEE_WAIVER_TAB_STATES = new Set<string>([
  ...FEE_WAIVER_CASE_STATES,
  'terminated',
  'objection_to_termination',
  'archived',
]);

/** States once a handler has taken the case on (or aid in advance began): casework exists then. */
const CASEWORK_STATES = new Set([
  'provisional_aid',
  'in_progress',
  'terminated',
  'objection_to_termination',
  'closing_submitted',
  'closed',
  'evaluated',
  'subsidy_paid',
  'archived',
]);

function Header({
  application: a,
  refreshing,
  onRefresh,
}: {
  application: ApplicationDetail;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const matterName = useMatterName();
  return (
    <Card variant="borderless">
      <Flex wrap justify="space-between" gap={16}>
        <Flex vertical gap={6}>
          <Link to="/applications">
            <ArrowLeftOutlined aria-hidden /> {t('applications.detail.back')}
          </Link>
          <Flex wrap align="center" gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }} className="mono">
              {a.number}
            </Typography.Title>
            <StateTag state={a.state} />
            <NotDeliveredTag awaitingDelivery={a.awaitingDelivery} />
            {a.awaitingApproval && (
              <Tag color="gold" icon={<AuditOutlined aria-hidden />}>
                {t('applications.detail.awaitingApproval')}
              </Tag>
            )}
          </Flex>
          <Typography.Text>
            {a.applicant.name} · {matterName(a.matter, a.channel)} ·{' '}
            {t(`applications.caseTypes.${a.caseType}`)}
          </Typography.Text>
          {a.handler && (
            <Typography.Text data-testid="case-handler">
              {t('applications.detail.handler', { name: a.handler.name })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.detail.received', {
              ...beijingDateTime(a.receivedAt),
              name: a.receivedBy.displayName,
            })}
          </Typography.Text>
        </Flex>
        <Flex vertical align="end" gap={8}>
          <Countdown clock={a.currentClock} showPeriod />
          <ObjectionWindowNote window={a.objectionWindow} />
          <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={refreshing} onClick={onRefresh}>
            {t('common.refresh')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** 申请详情: the application's file, the actions the user may take now, and its history. */
export default function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => applicationsApi.get(id, signal),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });

  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED'))
      return <NotFound />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const a = query.data;
  const outstanding = a.materials.filter((m) => m.status !== 'provided').length;
  const pendingObjections = a.objections.filter((o) => o.status === 'pending').length;
  const count = (n: number, label: string) => (
    <span>
      {label} {n > 0 && <Badge count={n} size="small" color="orange" />}
    </span>
  );

  return (
    <Flex vertical gap={16}>
      <Header application={a} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />
      <FlagsAlert application={a} />
      <ApplicationActions application={a} />
      <Card variant="borderless">
        <Tabs
          items={[
            {
              key: 'overview',
              label: t('applications.detail.tabs.overview'),
              children: <OverviewTab application={a} />,
            },
            a.criminalNotice
              ? {
                  key: 'notice',
                  label: t('applications.detail.tabs.notice'),
                  children: <CriminalNoticeTab notice={a.criminalNotice} />,
                }
              : {
                  key: 'assessment',
                  label: t('applications.detail.tabs.assessment'),
                  children: a.assessment ? <AssessmentTab assessment={a.assessment} /> : null,
                },
            {
              key: 'materials',
              label: count(outstanding, t('applications.detail.tabs.materials')),
              children: <MaterialsTab materials={a.materials} />,
            },
            {
              key: 'attachments',
              label: t('applications.detail.tabs.attachments'),
              children: <AttachmentsTab application={a} />,
            },
            {
              key: 'documents',
              label: t('applications.detail.tabs.documents'),
              children: <DocumentsTab application={a} />,
            },
            ...(CASEWORK_STATES.has(a.state)
              ? [
                  {
                    key: 'casework',
                    label: t('casework.tab'),
                    children: <CaseworkTab application={a} />,
                  },
                  {
                    key: 'standard',
                    label: t('inspection.live.title'),
                    children: <ServiceStandardPanel caseId={a.id} />,
                  },
                ]
              : []),
            ...(EVALUATION_STATES.has(a.state)
              ? [
                  {
                    key: 'quality',
                    label: t('quality.tab'),
                    children: <EvaluationTab applicationId={a.id} />,
                  },
                ]
              : []),
            ...(SUBSIDY_STATES.has(a.state)
              ? [{ key: 'subsidy', label: t('subsidies.tab'), children: <SubsidyTab applicationId={a.id} /> }]
              : []),
            ...(FEE_WAIVER_TAB_STATES.has(a.state) && can('funding.waiver')
              ? [
                  {
                    key: 'feeWaivers',
                    label: t('feeWaivers.tab'),
                    children: <CaseFeeWaivers applicationId={a.id} />,
                  },
                ]
              : []),
            ...(a.state === 'archived'
              ? [{ key: 'archive', label: t('casework.archive.tab'), children: <ArchiveTab caseId={a.id} /> }]
              : []),
            {
              key: 'clocks',
              label: t('applications.detail.tabs.clocks'),
              children: <ClocksTimeline clocks={a.clocks} />,
            },
            {
              key: 'events',
              label: t('applications.detail.tabs.events'),
              children: <EventsTimeline events={a.events} />,
            },
            {
              key: 'objections',
              label: count(pendingObjections, t('applications.detail.tabs.objections')),
              children: <ObjectionsTab application={a} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
