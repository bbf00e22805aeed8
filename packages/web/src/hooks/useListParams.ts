import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListParams } from '../api';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

type ParamValue = string | number | boolean | null | undefined;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** A URL value kept only when it is one of the known codes. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A free-text URL value, absent when the parameter is. */
export const text = (value: string | null) => value ?? undefined;

/**
 * List state lives in the URL, so reload, back and shared links keep the page, sort and filters.
 * `parseFilters` reads the page's filters (it must be stable: define it outside the component);
 * `openKey` names the parameter holding the row open in the drawer. Defaults stay out of the URL.
 */
export function useListParams<F extends object, K extends string = never>(
  parseFilters: (search: URLSearchParams) => F,
  openKey?: K,
) {
  const [search, setSearch] = useSearchParams();

  const filters = useMemo(() => parseFilters(search), [search, parseFilters]);
  const params = useMemo<ListParams & F>(
    () => ({
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      sort: search.get('sort') ?? undefined,
      ...filters,
    }),
    [search, filters],
  );
  const openId = openKey === undefined ? null : (search.get(openKey) ?? null);

  const update = useCallback(
    (patch: { [P in keyof (ListParams & F)]?: (ListParams & F)[P] } & { [P in K]?: string | null }) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch) as [string, ParamValue][]) {
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

  /** Replaces every filter at once (a filter left out is cleared, as 重置 expects) and goes to page 1. */
  const setFilters = useCallback(
    (next: Partial<F>) => {
      const cleared = Object.fromEntries(
        Object.keys(parseFilters(new URLSearchParams())).map((k) => [k, undefined]),
      );
      update({ ...cleared, ...next, page: 1 } as Parameters<typeof update>[0]);
    },
    [parseFilters, update],
  );

  const hasFilters = Object.values(filters).some(Boolean);
  return { params, openId, update, setFilters, hasFilters };
}
