import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditListParams } from '../../api';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { useCan } from '../auth/session';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, useAuditLabels } from './auditLabels';
import { CodeSelect } from './CodeSelect';

interface Values {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  organisationId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type AuditFilterValues = Pick<
  AuditListParams,
  'action' | 'entityType' | 'entityId' | 'actorId' | 'organisationId' | 'from' | 'to'
>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toFilters(values: Values): AuditFilterValues {
  const text = (v: string | undefined) => v?.trim() || undefined;
  const [start, end] = values.range ?? [null, null];
  return {
    action: text(values.action),
    entityType: text(values.entityType),
    entityId: text(values.entityId),
    actorId: text(values.actorId),
    organisationId: values.organisationId || undefined,
    // Whole days in the browser's time zone (Asia/Shanghai for the staff), sent as instants.
    from: start ? start.startOf('day').toISOString() : undefined,
    // `to` is exclusive on the server: the day after the last chosen day.
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export function AuditFilters({ onChange }: { onChange: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = useAuditLabels();
  const canReadOrganisations = useCan()('org.read');
  const actionOptions = useMemo(
    () => KNOWN_ACTIONS.map((code) => ({ value: code, label: labels.action(code) })),
    [labels],
  );
  const entityTypeOptions = useMemo(
    () => KNOWN_ENTITY_TYPES.map((code) => ({ value: code, label: labels.entityType(code) })),
    [labels],
  );
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<Values>
        form={form}
        name="auditFilters"
        layout="vertical"
        onFinish={(v) => onChange(toFilters(v))}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item label={t('audit.action')} name="action">
              <CodeSelect options={actionOptions} placeholder={t('audit.allActions')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item label={t('audit.entityType')} name="entityType">
              <CodeSelect options={entityTypeOptions} placeholder={t('audit.allEntityTypes')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item label={t('audit.entityId')} name="entityId">
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item
              label={t('audit.actorId')}
              name="actorId"
              rules={[{ pattern: UUID_PATTERN, message: t('audit.uuidInvalid') }]}
            >
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          {canReadOrganisations && (
            <Col xs={24} sm={12} lg={8} xl={6}>
              <Form.Item label={t('audit.organisationFilter')} name="organisationId">
                <OrganisationTreeSelect allowClear placeholder={t('audit.allOrganisations')} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12} lg={8} xl={6}>
            <Form.Item label={t('audit.dateRange')} name="range">
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                allowEmpty={[true, true]}
                placeholder={[t('audit.startDate'), t('audit.endDate')]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={canReadOrganisations ? 24 : 8} xl={canReadOrganisations ? 12 : 18}>
            <Form.Item label={<span aria-hidden="true">&nbsp;</span>} colon={false}>
              <Flex justify="end" gap={8}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                  {t('common.search')}
                </Button>
                <Button
                  icon={<UndoOutlined aria-hidden />}
                  onClick={() => {
                    form.resetFields();
                    onChange(toFilters({}));
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
