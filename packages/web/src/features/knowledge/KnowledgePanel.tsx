import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { BookOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ArticleHit } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useMatters } from '../../hooks/useMatters';
import { answerTextOf } from './plainText';
import { Snippet } from './Snippet';
import { useArticleSuggestions } from './useArticleSearch';

interface Props {
  question: string | undefined;
  topic: string | undefined;
  /** Put the article's answer into the consultation's answer. */
  onInsert: (text: string, article: ArticleHit) => void;
}

/** Knowledge-base answers beside the consultation form, following what is typed. */
export function KnowledgePanel({ question, topic, onInsert }: Props) {
  const { t } = useTranslation();
  const matters = useMatters();
  const [expanded, setExpanded] = useState<string | null>(null);
  const suggestions = useArticleSuggestions(question, topic, true);

  let content;
  if (!suggestions.active)
    content = <Typography.Text type="secondary">{t('knowledge.panelHint')}</Typography.Text>;
  else if (suggestions.isPending) content = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (suggestions.isError)
    content = <ErrorState compact error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  else if (suggestions.data.items.length === 0)
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.noSuggestions')} />;
  else
    content = (
      <List<ArticleHit>
        itemLayout="vertical"
        dataSource={suggestions.data.items}
        renderItem={(article) => (
          <List.Item
            key={article.id}
            actions={[
              <Button
                key="insert"
                size="small"
                type="primary"
                ghost
                icon={<ImportOutlined aria-hidden />}
                aria-label={t('knowledge.insertNamed', { title: article.title })}
                onClick={() => onInsert(answerTextOf(article.body), article)}
              >
                {t('knowledge.insert')}
              </Button>,
              <Button
                key="read"
                size="small"
                type="link"
                aria-expanded={expanded === article.id}
                onClick={() => setExpanded(expanded === article.id ? null : article.id)}
              >
                {expanded === article.id ? t('knowledge.collapse') : t('knowledge.readAll')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<span data-testid="kb-suggestion">{article.title}</span>}
              description={
                <Flex wrap gap={4}>
                  {article.matters.map((m) => (
                    <Tag key={m} style={{ marginInlineEnd: 0 }}>
                      {matters.name(m)}
                    </Tag>
                  ))}
                </Flex>
              }
            />
            {expanded === article.id ? (
              <Flex vertical gap={8}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {answerTextOf(article.body)}
                </Typography.Paragraph>
                {article.sources && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('knowledge.sourcesValue', { sources: article.sources })}
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              article.snippet && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  <Snippet parts={article.snippet} />
                </Typography.Paragraph>
              )
            )}
          </List.Item>
        )}
      />
    );

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <BookOutlined aria-hidden />
          {t('knowledge.panelTitle')}
        </Flex>
      }
      extra={
        suggestions.isFetching && suggestions.active ? (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        ) : null
      }
      role="complementary"
      aria-label={t('knowledge.panelTitle')}
    >
      {content}
    </Card>
  );
}
