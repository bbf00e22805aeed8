import { useMemo, useState } from 'react';
import { Button, Card, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi, type AuditEvent, type AuditListParams } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../utils';
import { AuditChanges } from './AuditChanges';
import { AuditEventDrawer } from './AuditEventDrawer';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { ActionLabel, EntityRef, EntityTypeLabel } from './AuditRefs';
import { useAuditLabels } from './auditLabels';
import { useVerifyIntegrity, VerifyButton, VerifyResult } from './VerifyIntegrity';

const DEFAULT_PAGE_SIZE = 20;

export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: '-seq' });
  const [detail, setDetail] = useState<AuditEvent | null>(null);
  const verify = useVerifyIntegrity();
  const labels = useAuditLabels();
  const params: AuditListParams = { ...filters, ...paging };
  const hasFilters = Object.values(filters).some(Boolean);

  const list = useQuery({
    queryKey: ['audit-events', params],
    queryFn: ({ signal }) => auditApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo<TableColumnsType<AuditEvent>>(() => {
    const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    return [
      {
        title: t('audit.seq'),
        dataIndex: 'seq',
        key: 'seq',
        width: 84,
        sorter: true,
        sortOrder: paging.sort === 'seq' ? 'ascend' : 'descend',
        sortDirections: ['descend', 'ascend', 'descend'],
      },
      {
        title: t('audit.at'),
        dataIndex: 'at',
        key: 'at',
        width: 168,
        render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
      },
      {
        title: t('audit.actor'),
        dataIndex: 'actorUsername',
        key: 'actor',
        width: 120,
        ellipsis: true,
        render: (v: string | null) =>
          v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
      },
      {
        title: t('audit.action'),
        dataIndex: 'action',
        key: 'action',
        width: 210,
        render: (v: string) => <ActionLabel code={v} labels={labels} />,
      },
      {
        title: t('audit.entityType'),
        dataIndex: 'entityType',
        key: 'entityType',
        width: 160,
        render: (v: string) => <EntityTypeLabel code={v} labels={labels} />,
      },
      {
        title: t('audit.object'),
        dataIndex: 'entityId',
        key: 'entityId',
        ellipsis: { showTitle: false },
        render: (v: string | null, event) => (
          <EntityRef entityType={event.entityType} entityId={v} labels={labels} compact />
        ),
      },
      {
        title: t('audit.ip'),
        dataIndex: 'ip',
        key: 'ip',
        width: 116,
        ellipsis: true,
        render: (v: string | null) => v ?? none,
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 84,
        fixed: 'right',
        render: (_: unknown, event) => (
          <Button type="link" size="small" onClick={() => setDetail(event)}>
            {t('common.details')}
          </Button>
        ),
      },
    ];
  }, [t, paging.sort, labels]);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <VerifyButton verify={verify} />
          </>
        }
      />
      <VerifyResult verify={verify} />
      <AuditFilters
        onChange={(next) => {
          setFilters(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <Card variant="borderless">
        <PagedTable<AuditEvent>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1130 }}
          expandable={{
            expandedRowRender: (event) => (
              <AuditChanges changes={event.changes} entityType={event.entityType} />
            ),
            rowExpandable: (event) => Object.keys(event.changes ?? {}).length > 0,
          }}
          list={list}
          page={paging.page}
          pageSize={paging.pageSize}
          empty={{ text: t('audit.empty'), filteredText: t('audit.emptyFiltered'), filtered: hasFilters }}
          onPage={(page, pageSize) => setPaging((p) => ({ ...p, page, pageSize }))}
          onSort={(sort) => setPaging((p) => ({ ...p, page: 1, sort: sort === 'seq' ? 'seq' : '-seq' }))}
        />
      </Card>
      <AuditEventDrawer event={detail} onClose={() => setDetail(null)} />
    </>
  );
}
