import { useState } from 'react';
import { Button, Empty, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ArchivedClosing, CaseActivity, TerminationReport } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { atBeijing } from '../applications/format';
import { beijingDateTime } from '../rules/beijingTime';
import { Citation } from '../rules/Citation';
import { AttachmentLinks, MaterialHeading } from './ClosingMaterials';
import { useActivities, useClosings, useTerminationReports } from './useCasework';
import { SettleActivityModal } from './SettleActivityModal';

/** A section of the record with its loading and error states. */
function Section<T>({
  title,
  query,
  empty,
  children,
}: {
  title: string;
  query: UseQueryResult<T[]>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  let body: ReactNode;
  if (query.isError) body = <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.isPending) body = <Typography.Text type="secondary">…</Typography.Text>;
  else if (query.data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  else body = children(query.data);
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {body}
    </section>
  );
}

/** The handler's work in the order it happened: what, when, where, and a summary. */
export function ActivitiesTimeline({
  activities,
  onSettle,
}: {
  activities: CaseActivity[];
  /** The handler's own case: a scheduled activity can be marked held or not held. */
  onSettle?: (activity: CaseActivity, held: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={activities.map((a) => ({
        key: a.id,
        content: (
          <Flex vertical gap={2} data-testid="activity">
            <Flex wrap gap={8} align="center">
              <Tag color="blue">{t(`casework.activities.kinds.${a.kind}`)}</Tag>
              <Typography.Text>{atBeijing(a.occurredAt)}</Typography.Text>
              {a.place && <Typography.Text type="secondary">{a.place}</Typography.Text>}
              {a.status && a.status !== 'done' && (
                <Tag color={a.status === 'scheduled' ? 'gold' : a.status === 'held' ? 'green' : 'default'}>
                  {t(`work.schedule.statuses.${a.status}`)}
                </Tag>
              )}
              {onSettle && a.status === 'scheduled' && (
                <Flex gap={4}>
                  <Button size="small" onClick={() => onSettle(a, true)}>
                    {t('work.schedule.held')}
                  </Button>
                  <Button size="small" onClick={() => onSettle(a, false)}>
                    {t('work.schedule.notHeld')}
                  </Button>
                </Flex>
              )}
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {a.summary}
            </Typography.Paragraph>
            {a.outcome && (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {a.status === 'held' ? t('work.schedule.outcome') : t('work.schedule.reason')}：{a.outcome}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('casework.activities.by', { name: a.createdBy.displayName })}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}

const OUTCOME_COLOURS = { accepted: 'green', returned: 'red' } as const;

/** The materials a closing was submitted with, each with its files (downloads are audited). */
function ClosingMaterialsOf({ caseId, closing }: { caseId: string; closing: ArchivedClosing }) {
  const { t } = useTranslation();
  const materials = (closing.materials ?? []).filter((m) => m.required || m.attachments.length > 0);
  if (materials.length === 0) return null;
  return (
    <Flex vertical gap={6} data-testid="closing-materials">
      {/* The list's version (a fingerprint of its rule rows) is for auditors: in the tooltip. */}
      <Tooltip
        title={
          closing.ruleVersion
            ? t('casework.materials.ruleVersion', { version: closing.ruleVersion })
            : undefined
        }
      >
        <Typography.Text type="secondary">{t('casework.materials.title')}</Typography.Text>
      </Tooltip>
      {materials.map((m) => (
        <Flex key={m.code} vertical gap={2} style={{ paddingInlineStart: 12 }}>
          <MaterialHeading material={m} showStatus={false} />
          {m.attachments.length > 0 ? (
            <AttachmentLinks caseId={caseId} files={m.attachments} />
          ) : (
            <Typography.Text type="danger">{t('casework.materials.none')}</Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** Every closing submitted, latest first, with its materials and the centre's review. */
export function ClosingsList({ caseId, closings }: { caseId: string; closings: ArchivedClosing[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {closings.map((c) => (
        <Flex key={c.id} vertical gap={4} data-testid="closing">
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t(`casework.closing.results.${c.result}`)}</Typography.Text>
            {c.outcome ? (
              <Tag color={OUTCOME_COLOURS[c.outcome]}>{t(`casework.closing.outcomes.${c.outcome}`)}</Tag>
            ) : (
              <Tag color="gold">{t('casework.closing.pending')}</Tag>
            )}
            <Typography.Text type="secondary">
              {t('casework.closing.submittedAt', beijingDateTime(c.submittedAt))}
            </Typography.Text>
          </Flex>
          {c.amountRecoveredFen !== null && (
            <Typography.Text>
              {t('casework.closing.amountShown', { amount: (c.amountRecoveredFen / 100).toFixed(2) })}
            </Typography.Text>
          )}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {c.report}
          </Typography.Paragraph>
          <ClosingMaterialsOf caseId={caseId} closing={c} />
          {c.returnReason && (
            <Typography.Text type="danger">
              {t('casework.closing.returnReason', { reason: c.returnReason })}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** The handler's reports of a ground for termination (LAL art.48) and whether the centre decided. */
export function TerminationReportsList({ reports }: { reports: TerminationReport[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {reports.map((r) => (
        <Flex key={r.id} vertical gap={4}>
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t(`casework.termination.grounds.${r.ground}`)}</Typography.Text>
            <Citation citation={r.citation} />
            <Tag color={r.status === 'pending' ? 'gold' : 'default'}>
              {t(`casework.termination.statuses.${r.status}`)}
            </Tag>
            <Typography.Text type="secondary">{atBeijing(r.reportedAt)}</Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {r.facts}
          </Typography.Paragraph>
        </Flex>
      ))}
    </Flex>
  );
}

/** 承办记录: activities, closings and termination reports of one case, as the handler and the centre see them. */
export function CaseworkRecords({ id, handlerView = false }: { id: string; handlerView?: boolean }) {
  const { t } = useTranslation();
  const [settling, setSettling] = useState<{ activity: CaseActivity; held: boolean } | null>(null);
  const activities = useActivities(id);
  const closings = useClosings(id);
  const reports = useTerminationReports(id);
  return (
    <Flex vertical gap={16}>
      <Section
        title={t('casework.activities.title')}
        query={activities}
        empty={t('casework.activities.empty')}
      >
        {(items) => (
          <ActivitiesTimeline
            activities={items}
            onSettle={handlerView ? (activity, held) => setSettling({ activity, held }) : undefined}
          />
        )}
      </Section>
      {handlerView && (
        <SettleActivityModal caseId={id} settling={settling} onClose={() => setSettling(null)} />
      )}
      <Section title={t('casework.closing.list')} query={closings} empty={t('casework.closing.empty')}>
        {(items) => <ClosingsList caseId={id} closings={items} />}
      </Section>
      <Section
        title={t('casework.termination.reports')}
        query={reports}
        empty={t('casework.termination.reportsEmpty')}
      >
        {(items) => <TerminationReportsList reports={items} />}
      </Section>
    </Flex>
  );
}
