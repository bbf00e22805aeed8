import { useEffect } from 'react';
import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserListParams, UserStatus } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { useRoles } from '../../hooks/useReference';
import { useCan } from '../auth/session';

interface Values {
  q?: string;
  organisationId?: string;
  role?: string;
  status?: UserStatus;
}

interface Props {
  params: UserListParams;
  onChange: (filters: Values) => void;
}

/**
 * The query bar above the users table. Fields carry aria-labels (机构筛选, 角色筛选 …) distinct from the
 * create/edit dialog's labels, so a label finds one field even while the dialog is open.
 */
export function UserFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roles = useRoles();
  const can = useCan();

  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      organisationId: params.organisationId,
      role: params.role,
      status: params.status,
    });
  }, [form, params.q, params.organisationId, params.role, params.status]);

  const submit = (values: Values) =>
    onChange({
      q: values.q?.trim() || undefined,
      organisationId: values.organisationId,
      role: values.role,
      status: values.status,
    });

  return (
    <FilterBar
      form={form}
      name="userFilters"
      search={{
        label: t('users.keyword'),
        placeholder: t('users.keywordPlaceholder'),
        col: { xs: 24, md: 12, xl: 5 },
      }}
      actionsCol={{ xs: 24, md: 12, xl: 6 }}
      onSearch={submit}
      onReset={() => onChange({})}
    >
      {can('org.read') && (
        <Col xs={24} md={12} xl={5}>
          <Form.Item name="organisationId">
            <OrganisationTreeSelect
              allowClear
              aria-label={t('users.organisationFilter')}
              placeholder={t('users.allOrganisations')}
              onChange={(organisationId) => submit({ ...form.getFieldsValue(), organisationId })}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="role">
          <Select
            allowClear
            aria-label={t('users.roleFilter')}
            placeholder={t('users.allRoles')}
            loading={roles.isLoading}
            options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={(role: string | undefined) => submit({ ...form.getFieldsValue(), role })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="status">
          <Select
            allowClear
            aria-label={t('users.statusFilter')}
            placeholder={t('users.allStatuses')}
            options={[
              { value: 'active', label: t('users.statusActive') },
              { value: 'disabled', label: t('users.statusDisabled') },
            ]}
            onChange={(status: UserStatus | undefined) => submit({ ...form.getFieldsValue(), status })}
          />
        </Form.Item>
      </Col>
    </FilterBar>
  );
}
