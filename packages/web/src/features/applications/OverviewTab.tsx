import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRIMINAL_STAGES, NOTICE_CHANNEL, type CriminalStage } from '@fayuan/domain';
import { Link } from 'react-router';
import type { ApplicationDetail } from '../../api';
import { InfoList, type InfoItem } from '../../components/InfoList';
import { categoryLabel } from '../persons/labels';
import { Citation } from '../rules/Citation';
import { atBeijing } from './format';
import { formatFen } from './labels';
import { useMatterName, useReasonLabel } from './useApplicationData';

const text = (value: string | null | undefined) =>
  value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : null;

/** The decision taken, or the one waiting for the director, with its reasons and citations. */
function DecisionCard({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel(application);
  const pending = application.pendingDecision;
  const reasons = application.decisionReasons ?? pending?.reasons ?? [];
  if (!application.decision && !pending) return null;
  const decision = application.decision ?? pending?.decision ?? 'grant';
  return (
    <Alert
      type={pending ? 'warning' : decision === 'grant' ? 'success' : 'error'}
      showIcon
      title={
        pending
          ? t('applications.detail.pendingDecision', { decision: t(`applications.decisions.${decision}`) })
          : t('applications.detail.decisionValue', { decision: t(`applications.decisions.${decision}`) })
      }
      description={
        <Flex vertical gap={4}>
          {reasons.map((r) => (
            <Flex key={r.code} wrap gap={8} justify="space-between">
              <span>{r.note ? `${reasonLabel(r.code)} — ${r.note}` : reasonLabel(r.code)}</span>
              <Citation citation={r.citation} />
            </Flex>
          ))}
          {pending?.note && <span>{pending.note}</span>}
          <Typography.Text type="secondary">
            {pending
              ? t('applications.detail.pendingBy', {
                  name: pending.proposedBy.displayName,
                  date: atBeijing(pending.proposedAt),
                })
              : t('applications.detail.decisionBy', {
                  name: application.decidedBy?.displayName ?? t('common.none'),
                  date: atBeijing(application.decidedAt),
                })}
            {application.approvedBy &&
              ` · ${t('applications.detail.approvedBy', { name: application.approvedBy.displayName })}`}
          </Typography.Text>
        </Flex>
      }
    />
  );
}

/** Applicant, how the application came in, the matter and the household as recorded at intake. */
export function OverviewTab({ application: a }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const matterName = useMatterName();
  const notified = a.channel === NOTICE_CHANNEL;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const intake: InfoItem[] = [
    {
      key: 'applicant',
      label: t('applications.detail.applicant'),
      value: <Link to={`/persons?person=${a.applicant.id}`}>{a.applicant.name}</Link>,
    },
    {
      key: 'channel',
      label: t('applications.detail.channel'),
      value: t(`applications.channels.${a.channel}`),
    },
    ...(a.partner ? [{ key: 'partner', label: t('criminal.partnerSource'), value: a.partner.name }] : []),
    ...(a.forwardedBy
      ? [
          { key: 'forwardedBy', label: t('applications.detail.forwardedBy'), value: a.forwardedBy },
          {
            key: 'forwardedReceivedAt',
            label: t('applications.detail.forwardedReceivedAt'),
            value: atBeijing(a.forwardedReceivedAt) || none,
          },
        ]
      : []),
    ...(a.preliminaryReview
      ? [
          {
            key: 'preliminary',
            label: t('applications.detail.preliminaryReview'),
            value: t('applications.detail.preliminaryValue', {
              note: a.preliminaryReview.note,
              by: a.preliminaryReview.by,
              at: atBeijing(a.preliminaryReview.at),
            }),
          },
        ]
      : []),
    { key: 'intakeOrg', label: t('applications.detail.intakeOrg'), value: a.intakeOrg.name },
    { key: 'owner', label: t('applications.detail.owner'), value: a.owner.name },
    // A notified case has no eligibility review (LAL art.25, 28, 36): no reviewer to name.
    ...(notified
      ? []
      : [
          {
            key: 'reviewer',
            label: t('applications.detail.reviewer'),
            value: a.reviewer?.displayName ?? (
              <Typography.Text type="secondary">
                {t(
                  a.state === 'received'
                    ? 'applications.detail.noReviewer'
                    : 'applications.detail.reviewerUnknown',
                )}
              </Typography.Text>
            ),
          },
        ]),
    ...(a.consultationId
      ? [
          {
            key: 'consultation',
            label: t('applications.detail.consultation'),
            value: (
              <span className="mono" data-testid="consultation-number">
                {a.consultationNumber ?? t('applications.detail.consultationUnnumbered')}
              </span>
            ),
          },
        ]
      : []),
  ];
  const matter: InfoItem[] = [
    { key: 'matter', label: t('applications.detail.matter'), value: matterName(a.matter, a.channel) },
    {
      key: 'caseType',
      label: t('applications.detail.caseType'),
      value: t(`applications.caseTypes.${a.caseType}`),
    },
    {
      key: 'stage',
      label: t('applications.detail.stage'),
      value:
        a.caseType === 'criminal' && (CRIMINAL_STAGES as readonly string[]).includes(a.stage ?? '')
          ? t(`applications.notice.stages.${a.stage as CriminalStage}`)
          : (text(a.stage) ?? none),
    },
    {
      key: 'opposingParty',
      label: t('applications.detail.opposingParty'),
      value: text(a.opposingParty) ?? none,
    },
    {
      key: 'court',
      label: t('applications.detail.courtOrAuthority'),
      value: text(a.courtOrAuthority) ?? none,
    },
    { key: 'facts', label: t('applications.detail.facts'), value: text(a.facts) },
    { key: 'help', label: t('applications.detail.requestedHelp'), value: text(a.requestedHelp) },
    // The hardship review's fields: none for a notified case (no review applies).
    ...(notified
      ? []
      : ([
          {
            key: 'basis',
            label: t('applications.detail.hardshipBasis'),
            value: a.hardshipBasis
              ? t(`applications.hardshipBases.${a.hardshipBasis}`)
              : t('applications.detail.noHardshipReview'),
          },
          {
            key: 'household',
            label: t('applications.detail.household'),
            value: a.household
              ? t('applications.detail.householdValue', {
                  members: a.household.members,
                  income: formatFen(a.household.monthlyIncomeFen, i18n.language),
                })
              : none,
          },
          {
            key: 'categories',
            label: t('applications.detail.categories'),
            value:
              a.categories.length > 0 ? (
                <Flex wrap gap={4}>
                  {a.categories.map((c) => (
                    <Tag key={c}>{categoryLabel(c, i18n.language)}</Tag>
                  ))}
                </Flex>
              ) : (
                none
              ),
          },
        ] as InfoItem[])),
  ];
  return (
    <Flex vertical gap={16}>
      <DecisionCard application={a} />
      {a.provisional && (
        <Alert
          type="info"
          showIcon
          title={t('applications.detail.provisional')}
          description={
            a.provisional.completedAt
              ? t('applications.detail.formalitiesDone', { date: atBeijing(a.provisional.completedAt) })
              : t('applications.detail.formalitiesDue', { date: a.provisional.formalitiesDueDate })
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" variant="borderless">
            <InfoList items={intake} labelWidth={120} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" variant="borderless">
            <InfoList items={matter} labelWidth={120} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
