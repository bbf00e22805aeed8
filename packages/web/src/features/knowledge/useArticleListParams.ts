import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ArticleListParams, ArticleStatus } from '../../api';

const DEFAULT_PAGE_SIZE = 20;
export const STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'archived'];

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** List state lives in the URL; `article` names the one open in the drawer. */
export function useArticleListParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<ArticleListParams>(() => {
    const status = search.get('status');
    return {
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      matter: search.get('matter') ?? undefined,
      status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as ArticleStatus) : undefined,
    };
  }, [search]);
  const openId = search.get('article') ?? null;
  const update = useCallback(
    (patch: Partial<ArticleListParams> & { article?: string | null }) => {
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
  const hasFilters = Boolean(params.q || params.matter || params.status);
  return { params, openId, update, hasFilters };
}
