import { useState } from 'react';
import { Button, Table, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A partner's log, newest first, a page at a time with 刷新: the request log and the callback
 * delivery log both read this way.
 */
export function PagedLog<T extends { id: string | number }>({
  queryKey,
  fetchPage,
  columns,
  emptyText,
}: {
  queryKey: readonly unknown[];
  fetchPage: (page: { page: number; pageSize: number }, signal: AbortSignal) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: [...queryKey, page],
    queryFn: ({ signal }) => fetchPage(page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <>
      <Button
        icon={<ReloadOutlined aria-hidden />}
        onClick={() => void list.refetch()}
        loading={list.isFetching}
        style={{ marginBottom: 16 }}
      >
        {t('common.refresh')}
      </Button>
      <Table<T>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        columns={columns}
      />
    </>
  );
}
