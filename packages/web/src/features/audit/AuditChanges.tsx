import type { ReactNode } from 'react';
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api';
import { CodeLabel } from '../../components/CodeLabel';
import { MASKED_VALUE, useAuditLabels, type AuditLabels } from './auditLabels';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

type Tone = 'before' | 'after';
const TONE_COLOR: Record<Tone, string> = { before: '#a8071a', after: '#135200' };

/** An organisation id as its name (when it is in the user's tree), with the id in a tooltip. */
function OrganisationRef({ id, labels }: { id: string; labels: AuditLabels }) {
  const name = labels.organisationName(id);
  if (!name) return <span className="mono">{id}</span>;
  return (
    <Tooltip title={id}>
      <span>{name}</span>
    </Tooltip>
  );
}

/** A before/after value in words: role, status and kind labels, organisation names, yes/no. */
function Value({
  entityType,
  field,
  value,
  tone,
  labels,
}: {
  entityType: string;
  field: string;
  value: unknown;
  tone: Tone;
  labels: AuditLabels;
}) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  if (value === MASKED_VALUE) {
    return (
      <Tooltip title={t('audit.maskedHint')}>
        <Typography.Text type="secondary">{t('audit.masked')}</Typography.Text>
      </Tooltip>
    );
  }
  let content: ReactNode;
  if (field === 'roles' && Array.isArray(value)) {
    if (value.length === 0) return <Typography.Text type="secondary">{t('roles.none')}</Typography.Text>;
    return (
      <Flex wrap gap={4}>
        {value.map((code) => (
          <Tooltip key={String(code)} title={t('common.code', { code: String(code) })}>
            <Tag color={tone === 'before' ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {labels.roleName(String(code))}
            </Tag>
          </Tooltip>
        ))}
      </Flex>
    );
  } else if (field === 'status' && (value === 'active' || value === 'disabled')) {
    content = value === 'active' ? t('users.statusActive') : t('users.statusDisabled');
  } else if (field === 'active' && typeof value === 'boolean') {
    if (entityType === 'organisation_kinds') content = value ? t('kinds.active') : t('kinds.inactive');
    else content = value ? t('org.active') : t('org.inactive');
  } else if (field === 'kind' && typeof value === 'string') {
    content = <CodeLabel label={labels.kindName(value)} code={value} inline />;
  } else if ((field === 'organisationId' || field === 'parentId') && typeof value === 'string') {
    content = <OrganisationRef id={value} labels={labels} />;
  } else if (typeof value === 'boolean') {
    content = value ? t('common.yes') : t('common.no');
  } else if (typeof value === 'string' || typeof value === 'number') {
    content = String(value);
  } else {
    content = <span className="mono">{JSON.stringify(value, null, 1)}</span>;
  }
  return (
    <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: TONE_COLOR[tone] }}>
      {content}
    </Typography.Text>
  );
}

/** The `changes` of an audit event as a field / before / after table, in words. */
export function AuditChanges({
  changes,
  entityType,
}: {
  changes: AuditEvent['changes'];
  entityType: string;
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const rows: Row[] = Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    before: change?.before,
    after: change?.after,
  }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const value = (field: string, v: unknown, tone: Tone) => (
    <Value entityType={entityType} field={field} value={v} tone={tone} labels={labels} />
  );
  return (
    <Table<Row>
      className="changes-table"
      size="small"
      bordered
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: '26%',
          render: (field: string) => <CodeLabel label={labels.field(entityType, field)} code={field} />,
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown, row) => value(row.field, v, 'before'),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown, row) => value(row.field, v, 'after'),
        },
      ]}
    />
  );
}
