import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { APPLICATION_CHANNELS, isCaseState } from '@fayuan/domain';
import type { ApplicationChannel, WorklistParams } from '../../api';

const DEFAULT_PAGE_SIZE = 20;
/** By due date: the deadline nearest (or furthest past) comes first. */
export const DEFAULT_SORT = 'dueAt';

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

const flag = (value: string | null) => (value === 'true' ? true : undefined);

/** Comma-separated states the domain knows; anything else is dropped. */
function states(value: string | null): string | undefined {
  const known = (value ?? '').split(',').filter(isCaseState);
  return known.length > 0 ? known.join(',') : undefined;
}

/** The worklist's filters, page and sort live in the URL, so a filtered list can be bookmarked and shared. */
export function useWorklistParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<WorklistParams>(
    () => ({
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? DEFAULT_SORT,
      q: search.get('q') ?? undefined,
      state: states(search.get('state')),
      ownerOrgId: search.get('ownerOrgId') ?? undefined,
      channel: APPLICATION_CHANNELS.find((c) => c === search.get('channel')) as
        ApplicationChannel | undefined,
      matter: search.get('matter') ?? undefined,
      reviewerId: search.get('reviewerId') ?? undefined,
      mine: flag(search.get('mine')),
      overdue: flag(search.get('overdue')),
      awaitingApproval: flag(search.get('awaitingApproval')),
      awaitingDelivery: flag(search.get('awaitingDelivery')),
      dueToday: flag(search.get('dueToday')),
      unanswered: flag(search.get('unanswered')),
      major: flag(search.get('major')),
    }),
    [search],
  );

  const update = useCallback(
    (patch: Partial<Record<keyof WorklistParams, string | number | boolean | undefined>>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          if (next.get('page') === '1') next.delete('page');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          if (next.get('sort') === DEFAULT_SORT) next.delete('sort');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const hasFilters = Boolean(
    params.q ||
    params.state ||
    params.ownerOrgId ||
    params.channel ||
    params.matter ||
    params.reviewerId ||
    params.mine ||
    params.overdue ||
    params.awaitingApproval ||
    params.awaitingDelivery ||
    params.dueToday ||
    params.unanswered ||
    params.major,
  );
  return { params, update, hasFilters };
}
