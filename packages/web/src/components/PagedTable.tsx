import { Empty, Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api';
import { ErrorState } from './ErrorState';

/** The API's default page size (docs/api.md, Lists). */
const DEFAULT_PAGE_SIZE = 20;

export interface PagedTableProps<T> extends Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'onChange'
> {
  /** The list query answering the server's `{items, page, pageSize, total}` shape. */
  list: UseQueryResult<Page<T>>;
  /** The page asked for (shown until the answer arrives); the API's defaults when not set. */
  page: number | undefined;
  pageSize: number | undefined;
  /** What the empty table says, with and without filters applied. */
  empty: { text: string; filteredText: string; filtered: boolean };
  onPage(page: number, pageSize: number): void;
  /**
   * A column header was clicked: the API's `sort` for it (the column key, with `-` in front when
   * descending), or undefined when sorting was cleared.
   */
  onSort(sort: string | undefined): void;
}

/**
 * A table over a server-paged list, the one way every list page pages, sorts, loads and fails:
 * the error state with a retry, a quiet placeholder while the first page loads, Empty with the
 * page's own words, and page sizes 10–100 as the API allows.
 */
export function PagedTable<T extends object>({
  list,
  page,
  pageSize,
  empty,
  onPage,
  onSort,
  ...table
}: PagedTableProps<T>) {
  const { t } = useTranslation();
  if (list.isError && !list.data)
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      {...table}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      locale={{
        emptyText: list.isPending ? (
          <div style={{ height: 120 }} />
        ) : (
          <Empty description={empty.filtered ? empty.filteredText : empty.text} />
        ),
      }}
      pagination={{
        current: list.data?.page ?? page,
        pageSize: list.data?.pageSize ?? pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
          onSort(s?.order && field ? `${s.order === 'descend' ? '-' : ''}${field}` : undefined);
          return;
        }
        onPage(pagination.current ?? page ?? 1, pagination.pageSize ?? pageSize ?? DEFAULT_PAGE_SIZE);
      }}
    />
  );
}
