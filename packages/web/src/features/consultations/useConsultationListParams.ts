import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ConsultationChannel, ConsultationListParams, ConsultationOutcome } from '../../api';
import { CHANNELS, OUTCOMES } from './codes';

const DEFAULT_PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const date = (value: string | null) => (value !== null && DATE.test(value) ? value : undefined);

/** List state lives in the URL (as on the applicants page); `consultation` names the one open in the drawer. */
export function useConsultationListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<ConsultationListParams>(
    () => ({
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      channel: oneOf<ConsultationChannel>(CHANNELS, search.get('channel')),
      outcome: oneOf<ConsultationOutcome>(OUTCOMES, search.get('outcome')),
      topicMatter: search.get('topicMatter') ?? undefined,
      ownerUserId: search.get('ownerUserId') ?? undefined,
      from: date(search.get('from')),
      to: date(search.get('to')),
    }),
    [search],
  );
  const openId = search.get('consultation') ?? null;

  const update = useCallback(
    (patch: Partial<ConsultationListParams> & { consultation?: string | null }) => {
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

  const hasFilters = Boolean(
    params.q ||
    params.channel ||
    params.outcome ||
    params.topicMatter ||
    params.ownerUserId ||
    params.from ||
    params.to,
  );
  return { params, openId, update, hasFilters };
}
