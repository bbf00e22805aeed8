import { useMemo } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  organisationsApi,
  type CreateOrganisationInput,
  type Organisation,
  type OrganisationTreeEntry,
  type UpdateOrganisationInput,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { kindLabel, useOrganisationKinds } from '../../hooks/useReference';
import { compact } from '../../utils';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';

export type OrganisationModalMode =
  | { type: 'create'; parent: Pick<OrganisationTreeEntry, 'id' | 'name'> }
  | { type: 'edit'; organisation: Organisation; parentName?: string };

interface Values {
  code: string;
  name: string;
  kind: string;
  regionCode?: string;
  address?: string;
  phone?: string;
  officeHours?: string;
}

interface Props {
  mode: OrganisationModalMode | null;
  onClose: () => void;
  onSaved: (organisation: Organisation) => void;
}

// API refusals that concern one field, shown next to it.
const ERROR_FIELDS = { ORGANISATION_CODE_TAKEN: 'code', ORGANISATION_KIND_UNKNOWN: 'kind' };

// The server's rules (organisations.schemas.ts), checked first so the reason shows next to the field.
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const REGION_CODE_PATTERN = /^\d{6}$/;
const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

/** Create a child organisation, or edit one (PATCH sends only the fields that changed). */
export function OrganisationFormModal({ mode, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const kinds = useOrganisationKinds();
  const idempotencyKeyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.organisation : null;
  // An organisation's phone is an office number, sent in full, so it is edited in place.
  const plainPhone = editing?.phone;

  const kindOptions = useMemo(() => {
    return (kinds.data ?? [])
      .filter((k) => k.active || k.code === editing?.kind)
      .map((k) => ({ value: k.code, label: kindLabel(k, i18n.language) }));
  }, [kinds.data, i18n.language, editing?.kind]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Organisation> => {
      if (!mode) throw new Error('no dialog mode');
      if (mode.type === 'create') {
        const optional = compact({
          regionCode: values.regionCode,
          address: values.address,
          phone: values.phone,
          officeHours: values.officeHours,
        });
        const input: CreateOrganisationInput = {
          parentId: mode.parent.id,
          code: values.code.trim(),
          name: values.name.trim(),
          kind: values.kind,
          ...optional,
        };
        return organisationsApi.create(input, idempotencyKeyFor(input));
      }
      const org = mode.organisation;
      const patch: UpdateOrganisationInput = {};
      const name = values.name.trim();
      if (name !== org.name) patch.name = name;
      if (values.kind !== org.kind) patch.kind = values.kind;
      const regionCode = values.regionCode?.trim() ?? '';
      if (regionCode !== (org.regionCode ?? '')) patch.regionCode = regionCode || null;
      const address = values.address?.trim() ?? '';
      if (address !== (org.address ?? '')) patch.address = address || null;
      const officeHours = values.officeHours?.trim() ?? '';
      if (officeHours !== (org.officeHours ?? '')) patch.officeHours = officeHours || null;
      const phone = values.phone?.trim() ?? '';
      if (plainPhone !== undefined) {
        if (phone !== (plainPhone ?? '')) patch.phone = phone || null;
      } else if (phone) patch.phone = phone;
      if (Object.keys(patch).length === 0) return org;
      return organisationsApi.update(org.id, patch);
    },
    onSuccess: async (organisation) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void message.success(
        mode?.type === 'create' ? t('org.created', { name: organisation.name }) : t('org.updated'),
      );
      onSaved(organisation);
    },
  });

  const close = () => {
    save.reset();
    onClose();
  };

  const initialValues: Partial<Values> | undefined = editing
    ? {
        code: editing.code,
        name: editing.name,
        kind: editing.kind,
        regionCode: editing.regionCode ?? '',
        address: editing.address ?? '',
        phone: plainPhone ?? '',
        officeHours: editing.officeHours ?? '',
      }
    : undefined;

  return (
    <FormModal<Values>
      open={mode !== null}
      title={editing ? t('org.editTitle') : t('org.createTitle')}
      name={editing ? 'organisationEdit' : 'organisationCreate'}
      form={form}
      initialValues={initialValues}
      firstField={editing ? 'name' : 'code'}
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={ERROR_FIELDS}
    >
      <Form.Item label={t('org.parent')} htmlFor="organisation-form-parent">
        <Input
          id="organisation-form-parent"
          value={mode?.type === 'create' ? mode.parent.name : mode?.parentName}
          disabled
          placeholder={t('common.none')}
        />
      </Form.Item>
      <Form.Item
        label={t('org.code')}
        name="code"
        extra={editing ? t('org.codeImmutable') : undefined}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('org.codeRequired') },
                { pattern: CODE_PATTERN, message: t('org.codePattern') },
              ]
        }
      >
        <Input
          disabled={!!editing}
          maxLength={40}
          placeholder={t('org.codePlaceholder')}
          autoFocus={!editing}
        />
      </Form.Item>
      <Form.Item
        label={t('org.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('org.nameRequired') },
          { min: 2, max: 100, message: t('org.nameLength') },
        ]}
      >
        <Input maxLength={100} autoFocus={!!editing} />
      </Form.Item>
      <Form.Item
        label={t('org.kind')}
        name="kind"
        rules={[{ required: true, message: t('org.kindRequired') }]}
      >
        <Select
          options={kindOptions}
          loading={kinds.isLoading}
          placeholder={t('org.kindPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        label={t('org.regionCode')}
        name="regionCode"
        rules={[{ pattern: REGION_CODE_PATTERN, message: t('org.regionCodePattern') }]}
      >
        <Input maxLength={6} inputMode="numeric" placeholder={t('org.regionCodePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('org.address')} name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('org.phone')}
        name="phone"
        rules={[{ pattern: PHONE_PATTERN, message: t('org.phoneInvalid') }]}
      >
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      {/* Shown to citizens by the self-test, as the office states them. */}
      <Form.Item label={t('org.officeHours')} name="officeHours" extra={t('org.officeHoursHelp')}>
        <Input maxLength={200} placeholder={t('org.officeHoursPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
