import { useEffect } from 'react';
import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UserListParams, UserStatus } from '../../api';
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
    <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<Values> form={form} name="userFilters" onFinish={submit}>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="q">
              <Input
                allowClear
                prefix={<SearchOutlined aria-hidden />}
                aria-label={t('users.keyword')}
                placeholder={t('users.keywordPlaceholder')}
              />
            </Form.Item>
          </Col>
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
          <Col xs={24} md={12} xl={6} flex="auto">
            <Form.Item>
              <Flex justify="end" gap={8}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                  {t('common.search')}
                </Button>
                <Button
                  icon={<UndoOutlined aria-hidden />}
                  onClick={() => {
                    form.resetFields();
                    onChange({});
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
