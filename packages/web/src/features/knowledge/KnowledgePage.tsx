import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Select } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, type ArticleHit, type ArticleListParams, type ArticleStatus } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { MatterSelect } from '../../components/MatterSelect';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useMatters } from '../../hooks/useMatters';
import { useCan } from '../auth/session';
import { ArticleDrawer } from './ArticleDrawer';
import { ArticleFormModal, type ArticleModalMode } from './ArticleFormModal';
import { articleColumns } from './articleColumns';
import { STATUSES, useArticleListParams } from './useArticleListParams';

type Filters = Pick<ArticleListParams, 'q' | 'matter' | 'status'>;

/** 知识库: search the answers; reviewers and directors write, publish and archive them. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan()('knowledge.manage');
  const matters = useMatters();
  const queryClient = useQueryClient();
  const { params, openId, update, hasFilters } = useArticleListParams();
  const [modal, setModal] = useState<ArticleModalMode | null>(null);
  const [form] = Form.useForm<Filters>();

  useEffect(() => {
    form.setFieldsValue({ q: params.q, matter: params.matter, status: params.status });
  }, [form, params.q, params.matter, params.status]);

  const list = useQuery({
    queryKey: ['knowledge', 'list', params],
    queryFn: ({ signal }) => knowledgeApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const onDone = async (text: string) => {
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: ['knowledge'] });
  };
  const onFail = (error: unknown) => message.error(errorMessage(error, t('errors.network')));
  const setStatus = useMutation({
    mutationFn: ({ article, status }: { article: ArticleHit; status: ArticleStatus }) =>
      knowledgeApi.update(article.id, { version: article.version, status }),
    onSuccess: (a) => onDone(t(`knowledge.statusChanged.${a.status}`, { title: a.title })),
    onError: onFail,
  });
  const remove = useMutation({
    mutationFn: (article: ArticleHit) => knowledgeApi.remove(article.id),
    onSuccess: () => onDone(t('knowledge.deleted')),
    onError: onFail,
  });

  const changeStatus = setStatus.mutate;
  const deleteArticle = remove.mutate;
  const columns = useMemo(
    () =>
      articleColumns({
        t,
        sort: params.sort,
        canManage,
        matterName: matters.name,
        onOpen: (a) => update({ article: a.id }),
        onEdit: (a) => setModal({ type: 'edit', article: a }),
        onStatus: (article, status) => changeStatus({ article, status }),
        onDelete: (a) => deleteArticle(a),
      }),
    [t, params.sort, canManage, matters.name, update, changeStatus, deleteArticle],
  );

  const submit = (f: Filters) =>
    update({ q: f.q?.trim() || undefined, matter: f.matter, status: f.status, page: 1 });

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setModal({ type: 'create' })}
              >
                {t('knowledge.create')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar
        form={form}
        name="knowledgeFilters"
        search={{
          label: t('knowledge.keyword'),
          placeholder: t('knowledge.keywordPlaceholder'),
          maxLength: 200,
          col: { xs: 24, md: 12, xl: 9 },
        }}
        onSearch={submit}
        onReset={() => update({ q: undefined, matter: undefined, status: undefined, page: 1 })}
      >
        <Col xs={12} md={6} xl={6}>
          <Form.Item name="matter">
            <MatterSelect
              allowClear
              aria-label={t('knowledge.matterFilter')}
              placeholder={t('knowledge.allMatters')}
              onChange={(matter) =>
                submit({ ...form.getFieldsValue(), matter: matter as string | undefined })
              }
            />
          </Form.Item>
        </Col>
        {canManage && (
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="status">
              <Select
                allowClear
                aria-label={t('knowledge.statusFilter')}
                placeholder={t('knowledge.allStatuses')}
                options={STATUSES.map((s) => ({ value: s, label: t(`knowledge.statuses.${s}`) }))}
                onChange={(status: ArticleStatus | undefined) => submit({ ...form.getFieldsValue(), status })}
              />
            </Form.Item>
          </Col>
        )}
      </FilterBar>
      <Card variant="borderless">
        <PagedTable<ArticleHit>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1010 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{
            text: t('knowledge.empty'),
            filteredText: t('knowledge.emptyFiltered'),
            filtered: hasFilters,
          }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: 1 })}
        />
      </Card>
      <ArticleFormModal mode={modal} onClose={() => setModal(null)} />
      <ArticleDrawer articleId={openId} onClose={() => update({ article: null })} />
    </>
  );
}
