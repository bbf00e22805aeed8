import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { HANDLER_KINDS, HANDLER_STATUSES } from '@fayuan/domain';
import type { HandlerKind, HandlerListParams, HandlerStatus } from '../../api';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export type HandlerFilterValues = Omit<HandlerListParams, 'page' | 'pageSize' | 'sort'>;
const FILTER_KEYS = [
  'q',
  'kind',
  'status',
  'teamId',
  'firmId',
  'district',
  'specialty',
  'language',
  'familiarWithMinors',
] as const;

/** List state lives in the URL (as on the persons page); `handler` names the one open in the drawer. */
export function useHandlerListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<HandlerListParams>(
    () => ({
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      kind: oneOf<HandlerKind>(HANDLER_KINDS, search.get('kind')),
      status: oneOf<HandlerStatus>(HANDLER_STATUSES, search.get('status')),
      teamId: search.get('teamId') ?? undefined,
      firmId: search.get('firmId') ?? undefined,
      district: search.get('district') ?? undefined,
      specialty: search.get('specialty') ?? undefined,
      language: search.get('language') ?? undefined,
      familiarWithMinors: oneOf(['true', 'false'] as const, search.get('familiarWithMinors')),
    }),
    [search],
  );
  const openHandlerId = search.get('handler') ?? null;

  const update = useCallback(
    (patch: Partial<HandlerListParams> & { handler?: string | null }) => {
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

  const hasFilters = FILTER_KEYS.some((key) => Boolean(params[key]));
  return { params, openHandlerId, update, hasFilters };
}
