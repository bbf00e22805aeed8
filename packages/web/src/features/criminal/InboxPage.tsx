import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { inboxApi, type InboxItem, type InboxQuery } from '../../api/inbox';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../utils';
import { useCan } from '../auth/session';
import { StateTag } from '../applications/StateTag';

const DAY = 86_400_000;

/** 来件: notices and forwarded applications for the centre, newest first, each with its due date. */
export default function InboxPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [query, setQuery] = useState<InboxQuery>({ page: 1, pageSize: 20 });
  const update = (patch: Partial<InboxQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const list = useQuery({
    queryKey: ['inbox', query],
    queryFn: ({ signal }) => inboxApi.list(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  const columns = useMemo<TableColumnsType<InboxItem>>(
    () => [
      {
        key: 'number',
        title: t('criminal.inbox.number'),
        render: (_, row) => <Link to={`/applications/${row.id}`}>{row.number}</Link>,
      },
      {
        key: 'kind',
        title: t('criminal.inbox.kind'),
        render: (_, row) => (
          <Space size={4}>
            {t(`criminal.inbox.kinds.${row.kind}`)}
            <Tag>{t(`criminal.inbox.sources.${row.source}`)}</Tag>
          </Space>
        ),
      },
      {
        key: 'institution',
        title: t('criminal.inbox.institution'),
        render: (_, row) => (
          <Space direction="vertical" size={0}>
            <span>{row.institution ?? '—'}</span>
            {row.institutionNumber && (
              <Typography.Text type="secondary">{row.institutionNumber}</Typography.Text>
            )}
          </Space>
        ),
      },
      { key: 'person', title: t('criminal.inbox.person'), dataIndex: 'personName' },
      {
        key: 'received',
        title: t('criminal.inbox.receivedAt'),
        render: (_, row) => formatDateTime(row.receivedAt),
      },
      {
        key: 'due',
        title: t('criminal.inbox.dueDate'),
        render: (_, row) => {
          if (!row.dueAt || !row.dueDate) return '—';
          const left = Math.ceil((new Date(row.dueAt).getTime() - Date.now()) / DAY);
          return (
            <Space size={4}>
              {row.dueDate}
              {row.overdue ? (
                <Tag color="red">{t('criminal.inbox.overdue')}</Tag>
              ) : (
                <Tag color={left <= 1 ? 'orange' : 'blue'}>
                  {t('criminal.inbox.daysLeft', { count: left })}
                </Tag>
              )}
            </Space>
          );
        },
      },
      {
        key: 'late',
        title: t('criminal.inbox.forwarding'),
        render: (_, row) =>
          row.forwardedLate === null ? (
            '—'
          ) : row.forwardedLate ? (
            <Tag color="red">{t('criminal.inbox.forwardedLate')}</Tag>
          ) : (
            t('criminal.inbox.forwardedOnTime')
          ),
      },
      { key: 'state', title: t('criminal.inbox.state'), render: (_, row) => <StateTag state={row.state} /> },
    ],
    [t, navigate],
  );

  return (
    <>
      <PageHeader
        title={t('criminal.inbox.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            {can('application.manage') && (
              <Button
                type="primary"
                icon={<FileAddOutlined aria-hidden />}
                onClick={() => void navigate('/inbox/paper-notice')}
              >
                {t('criminal.paper.title')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('criminal.inbox.kind')}
            allowClear
            placeholder={t('criminal.inbox.kind')}
            style={{ width: 160 }}
            value={query.kind}
            onChange={(kind) => update({ kind })}
            options={(['notice', 'forwarded'] as const).map((k) => ({
              value: k,
              label: t(`criminal.inbox.kinds.${k}`),
            }))}
          />
          <Select
            aria-label={t('criminal.inbox.source')}
            allowClear
            placeholder={t('criminal.inbox.source')}
            style={{ width: 160 }}
            value={query.source}
            onChange={(source) => update({ source })}
            options={(['partner', 'staff'] as const).map((k) => ({
              value: k,
              label: t(`criminal.inbox.sources.${k}`),
            }))}
          />
          <Space size={4}>
            <Switch
              aria-label={t('criminal.inbox.unassigned')}
              checked={query.unassigned === 'true'}
              onChange={(on) => update({ unassigned: on ? 'true' : undefined })}
            />
            {t('criminal.inbox.unassigned')}
          </Space>
          <Space size={4}>
            <Switch
              aria-label={t('criminal.inbox.overdueOnly')}
              checked={query.overdue === 'true'}
              onChange={(on) => update({ overdue: on ? 'true' : undefined })}
            />
            {t('criminal.inbox.overdueOnly')}
          </Space>
        </Space>
        <PagedTable<InboxItem>
          rowKey="id"
          columns={columns}
          list={list}
          page={query.page}
          pageSize={query.pageSize}
          empty={{
            text: t('criminal.inbox.empty'),
            filteredText: t('criminal.inbox.emptyFiltered'),
            filtered: Boolean(query.kind ?? query.source ?? query.unassigned ?? query.overdue),
          }}
          onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
          onSort={() => undefined}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/applications/${row.id}`) })}
        />
      </Card>
    </>
  );
}
