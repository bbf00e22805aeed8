import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { APPLICANT_CATEGORIES, DOCUMENT_TYPES } from '@fayuan/domain';
import type { ApplicantCategory, DocumentType, PersonListParams } from '../../api';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** List state lives in the URL (as on the users page); `person` names the person open in the drawer. */
export function usePersonListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<PersonListParams>(
    () => ({
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      category: oneOf<ApplicantCategory>(APPLICANT_CATEGORIES, search.get('category')),
      documentType: oneOf<DocumentType>(DOCUMENT_TYPES, search.get('documentType')),
    }),
    [search],
  );
  const openPersonId = search.get('person') ?? null;

  const update = useCallback(
    (patch: Partial<PersonListParams> & { person?: string | null }) => {
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

  const hasFilters = Boolean(params.q || params.category || params.documentType);
  return { params, openPersonId, update, hasFilters };
}
