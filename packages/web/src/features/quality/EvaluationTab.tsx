import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEvaluation } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { InfoList } from '../../components/InfoList';
import { itemName } from '../applications/labels';
import { beijingDateTime } from '../rules/beijingTime';
import { Citation } from '../rules/Citation';
import { useEvaluation } from './useQuality';

/** 质量评估 on the application file: how the case was checked, the grade and score, the findings. */
export function EvaluationTab({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const query = useEvaluation(applicationId);
  if (query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!query.data) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quality.empty')} />;
  return <EvaluationView evaluation={query.data} />;
}

/** One evaluation in words: on the file, and as the archived file (归档卷宗) keeps it. */
export function EvaluationView({ evaluation: e }: { evaluation: CaseEvaluation }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-label={t('quality.tab')} data-testid="evaluation">
      <InfoList
        labelWidth={120}
        items={[
          {
            key: 'grade',
            label: t('quality.grade'),
            value: (
              <Flex wrap gap={8} align="center">
                <Tag color="green">{itemName(e.grade, i18n.language)}</Tag>
                <Typography.Text strong>{t('quality.scoreShown', { score: e.score })}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('quality.band', { min: e.grade.minScore, max: e.grade.maxScore })}
                </Typography.Text>
                <Citation citation={e.grade.citation} />
              </Flex>
            ),
          },
          {
            key: 'methods',
            label: t('quality.methods'),
            value: (
              <Flex vertical gap={4}>
                {e.methods.map((m) => (
                  <span key={m.code}>
                    {itemName(m, i18n.language)} <Citation citation={m.citation} />
                  </span>
                ))}
              </Flex>
            ),
          },
          ...(e.satisfaction
            ? [
                {
                  key: 'satisfaction',
                  label: t('quality.satisfaction'),
                  value: t(`quality.satisfactionLevels.${e.satisfaction}`),
                },
              ]
            : []),
          {
            key: 'findings',
            label: t('quality.findings'),
            value: <span style={{ whiteSpace: 'pre-wrap' }}>{e.findings}</span>,
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('quality.by', { name: e.evaluatedBy.displayName, ...beijingDateTime(e.evaluatedAt) })}
      </Typography.Text>
    </section>
  );
}
