import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../applications/labels';
import type { FeeWaiverItem, FeeWaiverOutcome, FeeWaiverStatus } from './feeWaiversApi';

export const STATUS_COLOURS: Record<FeeWaiverStatus, string> = {
  draft: 'default',
  sent: 'blue',
  answered: 'green',
  withdrawn: 'default',
};
export const OUTCOME_COLOURS: Record<FeeWaiverOutcome, string> = {
  granted: 'green',
  partly_granted: 'gold',
  refused: 'red',
};

/** The requests as a table: the page's list and the case file's tab. */
export function FeeWaiverTable({
  items,
  loading,
  emptyText,
  onOpen,
  showCase = true,
}: {
  items: FeeWaiverItem[];
  loading: boolean;
  emptyText: string;
  onOpen: (id: string) => void;
  showCase?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<FeeWaiverItem>
      rowKey="id"
      size={showCase ? 'middle' : 'small'}
      loading={loading}
      dataSource={items}
      locale={{ emptyText }}
      scroll={{ x: 900 }}
      pagination={showCase ? undefined : false}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      columns={[
        ...(showCase
          ? [
              {
                title: t('feeWaivers.application'),
                dataIndex: 'applicationNumber',
                render: (v: string) => <span className="mono">{v}</span>,
              },
              { title: t('feeWaivers.recipient'), dataIndex: 'recipientName' },
            ]
          : []),
        {
          title: t('feeWaivers.body'),
          dataIndex: 'bodyName',
          render: (v: string, r) => `${t(`feeWaivers.bodyKinds.${r.bodyKind}`)} · ${v}`,
        },
        {
          title: t('feeWaivers.requestKind'),
          dataIndex: 'requestKind',
          render: (v: FeeWaiverItem['requestKind'], r) => (
            <>
              {t(`feeWaivers.requestKinds.${v}`)}
              <div style={{ color: 'var(--ant-color-text-secondary)', fontSize: 12 }}>{r.feeDescription}</div>
            </>
          ),
        },
        {
          title: t('feeWaivers.status'),
          dataIndex: 'status',
          render: (v: FeeWaiverStatus, r) => (
            <>
              <Tag color={STATUS_COLOURS[v]}>{t(`feeWaivers.statuses.${v}`)}</Tag>
              {r.outcome && (
                <Tag color={OUTCOME_COLOURS[r.outcome]}>{t(`feeWaivers.outcomes.${r.outcome}`)}</Tag>
              )}
            </>
          ),
        },
        {
          title: t('feeWaivers.amountSaved'),
          dataIndex: 'amountSavedFen',
          render: (v: number | null, r) =>
            v === null
              ? '—'
              : r.deferredUntil
                ? `${t('feeWaivers.deferredUntil')} ${r.deferredUntil}`
                : formatFen(v, i18n.language),
        },
        {
          key: 'actions',
          render: (_: unknown, r) => (
            <Button size="small" onClick={() => onOpen(r.id)}>
              {t('feeWaivers.view')}
            </Button>
          ),
        },
      ]}
    />
  );
}
