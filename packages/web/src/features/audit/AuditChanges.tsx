import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
  return (
    <Typography.Text
      className="mono"
      style={{
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        color: tone === 'before' ? '#a8071a' : '#135200',
      }}
    >
      {text}
    </Typography.Text>
  );
}

/** The `changes` of an audit event as a field / before / after table. */
export function AuditChanges({ changes }: { changes: AuditEvent['changes'] }) {
  const { t } = useTranslation();
  const rows: Row[] = Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    before: change?.before,
    after: change?.after,
  }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
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
          width: '24%',
          render: (v: string) => <span className="mono">{v}</span>,
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => <Value value={v} tone="before" />,
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => <Value value={v} tone="after" />,
        },
      ]}
    />
  );
}
