import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UserListParams, UserStatus } from '../../api';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** List state lives in the URL, so reload, back and shared links keep the page, sort and filters. */
export function useUserListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<UserListParams>(() => {
    const status = search.get('status');
    return {
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      organisationId: search.get('organisationId') ?? undefined,
      role: search.get('role') ?? undefined,
      status: status === 'active' || status === 'disabled' ? (status as UserStatus) : undefined,
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<UserListParams>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (next.get('page') === '1') next.delete('page');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const hasFilters = Boolean(params.q || params.organisationId || params.role || params.status);
  return { params, update, hasFilters };
}
