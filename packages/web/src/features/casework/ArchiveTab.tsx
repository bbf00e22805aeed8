import { Alert, Collapse, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import {
  applicationsApi,
  caseworkApi,
  type ArchiveSnapshot,
  type CaseArchive,
  type IssuedDocument,
} from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { EvaluationView } from '../quality/EvaluationTab';
import { SubsidyPaymentsView } from '../subsidies/SubsidyTab';
import { PageLoading } from '../../components/PageLoading';
import { atBeijing } from '../applications/format';
import { EventsTimeline } from '../applications/Timelines';
import { useMatterName } from '../applications/useApplicationData';
import { beijingDateTime } from '../rules/beijingTime';
import { ActivitiesTimeline, ClosingsList, TerminationReportsList } from './CaseworkRecords';
import { AttachmentLinks } from './ClosingMaterials';
import { caseworkKeys } from './caseworkKeys';
import { DiscussionsList, MajorFlagSummary } from './MajorCase';

/** Sections the viewer renders in words; anything else a later version adds is shown generically. */
const KNOWN = new Set([
  'application',
  'majorFlag',
  'activities',
  'discussions',
  'terminationReports',
  'closings',
  'evaluation',
  'subsidyPayments',
  'archivedAt',
  'archivedBy',
]);

/** Who filed it, when, until when it is kept, its SHA-256 and whether a fresh hash still matches. */
function ArchiveHeader({ archive }: { archive: CaseArchive }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {archive.intact ? (
        <Tag color="green" icon={<CheckCircleFilled aria-hidden />} data-testid="archive-integrity">
          {t('casework.archive.intact')}
        </Tag>
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled aria-hidden />}
          data-testid="archive-integrity"
          title={t('casework.archive.broken')}
          description={t('casework.archive.brokenHelp')}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          {
            key: 'archivedAt',
            label: t('casework.archive.archivedAt'),
            children: atBeijing(archive.archivedAt),
          },
          {
            key: 'archivedBy',
            label: t('casework.archive.archivedBy'),
            children: archive.archivedBy.displayName,
          },
          {
            key: 'retentionUntil',
            label: t('casework.archive.retentionUntil'),
            children: beijingDateTime(archive.retentionUntil).date,
          },
          {
            key: 'sha256',
            label: 'SHA-256',
            children: (
              <Typography.Text className="mono" copyable style={{ wordBreak: 'break-all' }}>
                {archive.sha256}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** The application as it stood when filed: number, parties, matter, decision, facts. */
function ApplicationSummary({
  application: a,
}: {
  application: NonNullable<ArchiveSnapshot['application']>;
}) {
  const { t } = useTranslation();
  const matterName = useMatterName();
  const text = (value: string | null | undefined) => (value ? value : '—');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'number',
          label: t('casework.archive.number'),
          children: <span className="mono">{text(a.number)}</span>,
        },
        { key: 'applicant', label: t('casework.archive.applicant'), children: text(a.applicant?.name) },
        {
          key: 'matter',
          label: t('casework.archive.matter'),
          children: a.matter ? matterName(a.matter) : '—',
        },
        {
          key: 'caseType',
          label: t('casework.archive.caseType'),
          children: a.caseType ? t(`applications.caseTypes.${a.caseType}`) : '—',
        },
        { key: 'owner', label: t('casework.archive.owner'), children: text(a.owner?.name) },
        { key: 'receivedAt', label: t('casework.archive.receivedAt'), children: atBeijing(a.receivedAt) },
        {
          key: 'decision',
          label: t('casework.archive.decision'),
          children: a.decision
            ? `${t(`applications.decisions.${a.decision}`)} · ${atBeijing(a.decidedAt)}`
            : a.criminalNotice
              ? t('casework.archive.notified')
              : '—',
        },
        {
          key: 'state',
          label: t('casework.archive.state'),
          children: a.state ? t(`applications.states.${a.state}`) : '—',
        },
        { key: 'opposingParty', label: t('casework.archive.opposingParty'), children: text(a.opposingParty) },
        { key: 'court', label: t('casework.archive.court'), children: text(a.courtOrAuthority) },
        {
          key: 'facts',
          label: t('casework.archive.facts'),
          span: 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(a.facts)}</span>,
        },
        {
          key: 'requestedHelp',
          label: t('casework.archive.requestedHelp'),
          span: 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(a.requestedHelp)}</span>,
        },
      ]}
    />
  );
}

function DocumentsList({ caseId, documents }: { caseId: string; documents: IssuedDocument[] }) {
  const { t } = useTranslation();
  return (
    <Table<IssuedDocument>
      size="small"
      rowKey="id"
      dataSource={documents}
      pagination={false}
      locale={{ emptyText: t('applications.documentsTab.empty') }}
      columns={[
        {
          key: 'kind',
          title: t('applications.documentsTab.kind'),
          render: (_, d) => t(`applications.documents.${d.kind}`),
        },
        {
          key: 'number',
          title: t('applications.documentsTab.number'),
          render: (_, d) => (
            <a href={applicationsApi.documentPdfUrl(caseId, d.id)} target="_blank" rel="noopener noreferrer">
              <FilePdfOutlined aria-hidden /> <span className="mono">{d.number}</span>
            </a>
          ),
        },
        {
          key: 'issuedAt',
          title: t('applications.documentsTab.issuedAt'),
          width: 160,
          render: (_, d) => atBeijing(d.issuedAt),
        },
      ]}
    />
  );
}

/** A scalar as words; nested values (rare in a section a later version adds) as compact text. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A section this viewer does not know yet (added by a later version): each record as label–value rows. */
function GenericSection({ value }: { value: unknown }) {
  const records = Array.isArray(value) ? value : [value];
  if (records.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={8}>
      {records.map((record, i) =>
        record !== null && typeof record === 'object' ? (
          <Descriptions
            key={i}
            bordered
            size="small"
            column={1}
            items={Object.entries(record as Record<string, unknown>).map(([k, v]) => ({
              key: k,
              label: k,
              children: plain(v),
            }))}
          />
        ) : (
          <Typography.Text key={i}>{plain(record)}</Typography.Text>
        ),
      )}
    </Flex>
  );
}

const count = (items: unknown[] | undefined) => items?.length ?? 0;

/**
 * 归档卷宗: the archived electronic file of the case, read back with a fresh integrity check (the
 * read is audited): who filed it and when, how long it is kept, its SHA-256, and each part of the
 * snapshot in words — application, documents, timeline, attachments, the handler's work,
 * discussions, termination reports and closings.
 */
export function ArchiveTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: caseworkKeys.archive(caseId),
    queryFn: ({ signal }) => caseworkApi.archived(caseId, signal),
  });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const archive = query.data;
  const s = archive.snapshot;
  const a = s.application;
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
  const label = (title: string, n?: number) => (n === undefined ? title : `${title}（${n}）`);
  const sections: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'application',
      label: t('casework.archive.sections.application'),
      children: a ? <ApplicationSummary application={a} /> : empty(t('casework.archive.none')),
    },
    // A case never marked carries a blank mark: shown only once a director set (or lifted) it.
    ...(s.majorFlag?.setAt
      ? [
          {
            key: 'majorFlag',
            label: t('casework.major.title'),
            children: <MajorFlagSummary flag={s.majorFlag} />,
          },
        ]
      : []),
    {
      key: 'documents',
      label: label(t('casework.archive.sections.documents'), count(a?.documents)),
      children: <DocumentsList caseId={caseId} documents={a?.documents ?? []} />,
    },
    {
      key: 'events',
      label: label(t('casework.archive.sections.events'), count(a?.events)),
      children: <EventsTimeline events={a?.events ?? []} />,
    },
    {
      key: 'attachments',
      label: label(t('casework.archive.sections.attachments'), count(a?.attachments)),
      children: a?.attachments?.length ? (
        <AttachmentLinks caseId={caseId} files={a.attachments} />
      ) : (
        empty(t('applications.attachments.empty'))
      ),
    },
    {
      key: 'activities',
      label: label(t('casework.activities.title'), count(s.activities)),
      children: s.activities?.length ? (
        <ActivitiesTimeline activities={s.activities} />
      ) : (
        empty(t('casework.activities.empty'))
      ),
    },
    {
      key: 'discussions',
      label: label(t('casework.discussions.title'), count(s.discussions)),
      children: s.discussions?.length ? (
        <DiscussionsList discussions={s.discussions} />
      ) : (
        empty(t('casework.discussions.empty'))
      ),
    },
    {
      key: 'terminationReports',
      label: label(t('casework.termination.reports'), count(s.terminationReports)),
      children: s.terminationReports?.length ? (
        <TerminationReportsList reports={s.terminationReports} />
      ) : (
        empty(t('casework.termination.reportsEmpty'))
      ),
    },
    {
      key: 'closings',
      label: label(t('casework.closing.list'), count(s.closings)),
      children: s.closings?.length ? (
        <ClosingsList caseId={caseId} closings={s.closings} />
      ) : (
        empty(t('casework.closing.empty'))
      ),
    },
    {
      key: 'evaluation',
      label: t('quality.tab'),
      children: s.evaluation ? <EvaluationView evaluation={s.evaluation} /> : empty(t('quality.empty')),
    },
    {
      key: 'subsidyPayments',
      label: label(t('subsidies.tab'), count(s.subsidyPayments)),
      children: s.subsidyPayments?.length ? (
        <SubsidyPaymentsView payments={s.subsidyPayments} />
      ) : (
        empty(t('subsidies.empty'))
      ),
    },
    ...Object.keys(s)
      .filter((key) => !KNOWN.has(key))
      .map((key) => ({ key, label: key, children: <GenericSection value={s[key]} /> })),
  ];
  return (
    <Flex vertical gap={16} data-testid="archive">
      <ArchiveHeader archive={archive} />
      <Collapse defaultActiveKey={sections.map((x) => x.key)} items={sections} />
    </Flex>
  );
}
