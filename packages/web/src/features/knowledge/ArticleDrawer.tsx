import { Descriptions, Drawer, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, knowledgeApi } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useMatters } from '../../hooks/useMatters';
import { formatDateTime } from '../../utils';
import { useJurisdictionName } from '../rules/useRules';
import { STATUS_COLOURS } from './articleColumns';

/** One article to read: its answer, tags and sources. */
export function ArticleDrawer({ articleId, onClose }: { articleId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const matters = useMatters();
  const jurisdictionName = useJurisdictionName();
  const article = useQuery({
    queryKey: ['knowledge', 'detail', articleId],
    queryFn: ({ signal }) => knowledgeApi.get(articleId ?? '', signal),
    enabled: articleId !== null,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Drawer
      open={articleId !== null}
      onClose={onClose}
      size={720}
      title={article.data?.title ?? t('knowledge.detailTitle')}
      destroyOnHidden
    >
      {article.isPending ? (
        <Skeleton active />
      ) : article.isError ? (
        <ErrorState
          compact
          error={article.error}
          title={
            isApiError(article.error) && article.error.status === 404 ? t('knowledge.notFound') : undefined
          }
          onRetry={() => void article.refetch()}
        />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              {
                key: 'status',
                label: t('knowledge.status'),
                children: (
                  <Tag color={STATUS_COLOURS[article.data.status]}>
                    {t(`knowledge.statuses.${article.data.status}`)}
                  </Tag>
                ),
              },
              {
                key: 'matters',
                label: t('knowledge.matters'),
                children:
                  article.data.matters.length === 0
                    ? none
                    : article.data.matters.map((m) => <Tag key={m}>{matters.name(m)}</Tag>),
              },
              {
                key: 'jurisdiction',
                label: t('knowledge.jurisdiction'),
                children: jurisdictionName(article.data.jurisdiction),
              },
              { key: 'sources', label: t('knowledge.sources'), children: article.data.sources ?? none },
              {
                key: 'author',
                label: t('knowledge.author'),
                children: article.data.author?.displayName ?? t('knowledge.shipped'),
              },
              {
                key: 'updatedAt',
                label: t('knowledge.updatedAt'),
                children: formatDateTime(article.data.updatedAt),
              },
              { key: 'version', label: t('knowledge.version'), children: article.data.version },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{article.data.body}</Typography.Paragraph>
        </Flex>
      )}
    </Drawer>
  );
}
