import { useEffect } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, type Article, type ArticleStatus } from '../../api';
import { FormModal } from '../../components/FormModal';
import { MatterSelect } from '../../components/MatterSelect';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { BEIJING, NATIONAL } from '../rules/labels';
import { useJurisdictionName } from '../rules/useRules';

export type ArticleModalMode = { type: 'create' } | { type: 'edit'; article: Article };

interface Values {
  title: string;
  body: string;
  matters: string[];
  jurisdiction: string;
  sources?: string;
  status: ArticleStatus;
}

interface Props {
  mode: ArticleModalMode | null;
  onClose: () => void;
}

/** Write or edit an article; a new one is a draft unless published at once. */
export function ArticleFormModal({ mode, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const jurisdictionName = useJurisdictionName();
  const [form] = Form.useForm<Values>();
  const idempotencyKey = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.article : null;

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const sources = v.sources?.trim() || undefined;
      if (editing)
        return knowledgeApi.update(editing.id, {
          version: editing.version,
          title: v.title.trim(),
          body: v.body,
          matters: v.matters,
          jurisdiction: v.jurisdiction,
          sources: sources ?? null,
          status: v.status,
        });
      const input = {
        title: v.title.trim(),
        body: v.body,
        matters: v.matters,
        jurisdiction: v.jurisdiction,
        sources,
        status: v.status,
      };
      return knowledgeApi.create(input, idempotencyKey(input));
    },
    onSuccess: async (article) => {
      message.success(editing ? t('knowledge.updated') : t('knowledge.created', { title: article.title }));
      await queryClient.invalidateQueries({ queryKey: ['knowledge'] });
      onClose();
    },
  });

  // The last error belongs to the last opening of the dialog.
  const resetSave = save.reset;
  useEffect(() => {
    if (mode) resetSave();
  }, [mode, resetSave]);

  return (
    <FormModal<Values>
      open={mode !== null}
      title={editing ? t('knowledge.editTitle', { title: editing.title }) : t('knowledge.createTitle')}
      name="articleForm"
      form={form}
      onFinish={(v) => save.mutate(v)}
      onCancel={onClose}
      submitting={save.isPending}
      error={save.error}
      errorFields={{ KNOWLEDGE_MATTER_UNKNOWN: 'matters', JURISDICTION_UNKNOWN: 'jurisdiction' }}
      firstField="title"
      width={760}
      initialValues={
        editing
          ? {
              title: editing.title,
              body: editing.body,
              matters: editing.matters,
              jurisdiction: editing.jurisdiction,
              sources: editing.sources ?? undefined,
              status: editing.status,
            }
          : { matters: [], jurisdiction: BEIJING, status: 'draft' }
      }
    >
      <Form.Item
        name="title"
        label={t('knowledge.articleTitle')}
        rules={[{ required: true, whitespace: true, message: t('knowledge.titleRequired') }]}
      >
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="matters" label={t('knowledge.matters')}>
        <MatterSelect mode="multiple" allowClear placeholder={t('knowledge.mattersPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="jurisdiction"
        label={t('knowledge.jurisdiction')}
        extra={t('knowledge.jurisdictionHelp')}
      >
        <Select
          options={[NATIONAL, BEIJING].map((code) => ({ value: code, label: jurisdictionName(code) }))}
        />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('knowledge.body')}
        extra={t('knowledge.bodyHelp')}
        rules={[{ required: true, whitespace: true, message: t('knowledge.bodyRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={50_000} />
      </Form.Item>
      <Form.Item name="sources" label={t('knowledge.sources')} extra={t('knowledge.sourcesHelp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2_000} />
      </Form.Item>
      <Form.Item name="status" label={t('knowledge.status')}>
        <Select
          options={(['draft', 'published', 'archived'] as const).map((s) => ({
            value: s,
            label: t(`knowledge.statuses.${s}`),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
