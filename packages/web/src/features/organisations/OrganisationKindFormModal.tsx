import { App, Form, Input, InputNumber } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  organisationKindsApi,
  type CreateOrganisationKindInput,
  type OrganisationKind,
  type UpdateOrganisationKindInput,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { kindLabel, referenceKeys } from '../../hooks/useReference';

export type KindModalMode = { type: 'create' } | { type: 'edit'; kind: OrganisationKind };

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder?: number | null;
}

// The server's rules (organisations.schemas.ts), checked first so the reason shows next to the field.
const CODE_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;
const ERROR_FIELDS = { ORGANISATION_KIND_TAKEN: 'code' };

/** Add an organisation kind, or rename / re-order one (PATCH sends only what changed). */
export function OrganisationKindFormModal({
  mode,
  onClose,
}: {
  mode: KindModalMode | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.kind : null;

  const save = useMutation({
    mutationFn: async (values: Values): Promise<OrganisationKind> => {
      const sortOrder = typeof values.sortOrder === 'number' ? values.sortOrder : undefined;
      if (!editing) {
        const input: CreateOrganisationKindInput = {
          code: values.code.trim(),
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          ...(sortOrder !== undefined ? { sortOrder } : {}),
        };
        return organisationKindsApi.create(input, idempotencyKeyFor(input));
      }
      const patch: UpdateOrganisationKindInput = {};
      const nameZh = values.nameZh.trim();
      const nameEn = values.nameEn.trim();
      if (nameZh !== editing.nameZh) patch.nameZh = nameZh;
      if (nameEn !== editing.nameEn) patch.nameEn = nameEn;
      if (sortOrder !== undefined && sortOrder !== editing.sortOrder) patch.sortOrder = sortOrder;
      if (Object.keys(patch).length === 0) return editing;
      return organisationKindsApi.update(editing.code, patch);
    },
    onSuccess: async (kind) => {
      await queryClient.invalidateQueries({ queryKey: referenceKeys.kinds });
      void message.success(
        editing ? t('kinds.updated') : t('kinds.created', { name: kindLabel(kind, i18n.language) }),
      );
      onClose();
    },
  });

  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <FormModal<Values>
      open={mode !== null}
      title={editing ? t('kinds.editTitle') : t('kinds.createTitle')}
      name={editing ? 'kindEdit' : 'kindCreate'}
      form={form}
      firstField={editing ? 'nameZh' : 'code'}
      initialValues={
        editing
          ? {
              code: editing.code,
              nameZh: editing.nameZh,
              nameEn: editing.nameEn,
              sortOrder: editing.sortOrder ?? null,
            }
          : undefined
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={ERROR_FIELDS}
      width={520}
    >
      <Form.Item
        label={t('kinds.code')}
        name="code"
        extra={t('kinds.codeHelp')}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('kinds.codeRequired') },
                { pattern: CODE_PATTERN, message: t('kinds.codePattern') },
              ]
        }
      >
        <Input
          disabled={!!editing}
          maxLength={60}
          autoComplete="off"
          placeholder={t('kinds.codePlaceholder')}
          autoFocus={!editing}
        />
      </Form.Item>
      <Form.Item
        label={t('kinds.nameZh')}
        name="nameZh"
        rules={[
          { required: true, whitespace: true, message: t('kinds.nameZhRequired') },
          { min: 2, max: 60, message: t('kinds.nameZhLength') },
        ]}
      >
        <Input maxLength={60} autoComplete="off" autoFocus={!!editing} lang="zh-CN" />
      </Form.Item>
      <Form.Item
        label={t('kinds.nameEn')}
        name="nameEn"
        rules={[
          { required: true, whitespace: true, message: t('kinds.nameEnRequired') },
          { min: 2, max: 100, message: t('kinds.nameEnLength') },
        ]}
      >
        <Input maxLength={100} autoComplete="off" lang="en" />
      </Form.Item>
      <Form.Item label={t('kinds.sortOrder')} name="sortOrder" extra={t('kinds.sortOrderHelp')}>
        <InputNumber min={0} max={1000} precision={0} placeholder="50" style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
