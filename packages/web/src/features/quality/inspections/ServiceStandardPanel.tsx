import { Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { caseworkKeys } from '../../casework/caseworkKeys';
import { checklistColumns } from './checklistColumns';
import { useEvidenceWords } from './checklistWords';
import { inspectionsApi, type ChecklistItem } from './inspectionsApi';

/**
 * 服务规范: a case's live service-standard checklist, on the centre's case page and the handler's:
 * what the casework record shows met, missing or late today, the items a reviewer judges (as the
 * case's latest file inspection left them), and the scores from both.
 */
export function ServiceStandardPanel({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const words = useEvidenceWords(caseId);
  const query = useQuery({
    queryKey: caseworkKeys.serviceStandard(caseId),
    queryFn: () => inspectionsApi.caseChecklist(caseId),
  });
  if (query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const missing = d?.items.filter((i) => i.status === 'missing' || i.status === 'late').length ?? 0;
  return (
    <section aria-label={t('inspection.live.title')} data-testid="service-standard">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {d?.assigned
            ? t('inspection.live.help', { date: d.checklistDate })
            : t('inspection.live.notAssigned')}
        </Typography.Text>
        <Flex gap={32} wrap align="end">
          <Statistic title={t('inspection.recordScore')} value={d?.score.recordScore ?? '—'} />
          <Statistic title={t('inspection.judgementScore')} value={d?.score.judgementScore ?? '—'} />
          <Statistic title={t('inspection.totalScore')} value={d?.score.totalScore ?? '—'} />
          {d && (
            <Tag color={missing > 0 ? 'red' : 'green'}>
              {missing > 0 ? t('inspection.live.missing', { count: missing }) : t('inspection.live.complete')}
            </Tag>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {d?.inspection
            ? t(`inspection.live.inspection.${d.inspection.status}`)
            : t('inspection.live.noInspection')}
        </Typography.Text>
        <Table<ChecklistItem>
          rowKey="code"
          size="small"
          pagination={false}
          loading={query.isPending}
          dataSource={d?.items ?? []}
          scroll={{ x: 720 }}
          columns={checklistColumns(t, words, i18n.language)}
        />
      </Flex>
    </section>
  );
}
