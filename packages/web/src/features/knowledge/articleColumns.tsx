import { Button, Flex, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { ArticleHit, ArticleStatus } from '../../api';
import { DATE_TIME_SHORT, formatDateTime } from '../../utils';
import { Snippet } from './Snippet';

export const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  published: 'green',
  archived: 'orange',
};

interface Options {
  t: TFunction;
  sort: string | undefined;
  canManage: boolean;
  matterName: (code: string) => string;
  onOpen: (article: ArticleHit) => void;
  onEdit: (article: ArticleHit) => void;
  onStatus: (article: ArticleHit, status: ArticleStatus) => void;
  onDelete: (article: ArticleHit) => void;
}

function sortOrder(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function articleColumns(o: Options): TableColumnsType<ArticleHit> {
  const { t } = o;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    {
      title: t('knowledge.articleTitle'),
      dataIndex: 'title',
      key: 'title',
      width: 360,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'title'),
      render: (title: string, a) => (
        <Flex vertical gap={2}>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
            onClick={() => o.onOpen(a)}
          >
            {title}
          </Button>
          {a.snippet && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Snippet parts={a.snippet} />
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('knowledge.matters'),
      dataIndex: 'matters',
      key: 'matters',
      width: 220,
      render: (matters: string[]) =>
        matters.length === 0 ? (
          none
        ) : (
          <Flex wrap gap={4}>
            {matters.map((m) => (
              <Tag key={m} style={{ marginInlineEnd: 0 }}>
                {o.matterName(m)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('knowledge.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: ArticleStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`knowledge.statuses.${s}`)}</Tag>,
    },
    {
      title: t('knowledge.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'updatedAt'),
      render: (v: string) => formatDateTime(v, DATE_TIME_SHORT),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: o.canManage ? 200 : 80,
      render: (_: unknown, a) => (
        <Flex gap={0} wrap>
          <Button type="link" size="small" onClick={() => o.onOpen(a)}>
            {t('common.details')}
          </Button>
          {o.canManage && (
            <>
              <Button type="link" size="small" onClick={() => o.onEdit(a)}>
                {t('common.edit')}
              </Button>
              {a.status !== 'published' ? (
                <Button type="link" size="small" onClick={() => o.onStatus(a, 'published')}>
                  {t('knowledge.publish')}
                </Button>
              ) : (
                <Button type="link" size="small" onClick={() => o.onStatus(a, 'archived')}>
                  {t('knowledge.archive')}
                </Button>
              )}
              {a.status === 'draft' && a.publishedAt === null && (
                <Popconfirm title={t('knowledge.deleteConfirm')} onConfirm={() => o.onDelete(a)}>
                  <Button type="link" size="small" danger>
                    {t('knowledge.delete')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        </Flex>
      ),
    },
  ];
}
