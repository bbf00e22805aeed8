import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES_FOR_SPECIALTIES } from './specialties';
import { lawFirmsApi, teamsApi } from '../../api';
import { useMatters } from '../../hooks/useMatters';
import { useOrganisationTree } from '../../hooks/useReference';
import { codeLabeller } from '../../hooks/codeLabel';

/** Teams in scope, for filters and the add-to-team picker. */
export function useTeams(enabled = true) {
  return useQuery({ queryKey: ['teams', 'list'], queryFn: ({ signal }) => teamsApi.list(signal), enabled });
}

/** Active law firms (first 100 by name), for filters and the handler form. */
export function useFirmOptions() {
  const firms = useQuery({
    queryKey: ['lawFirms', 'options'],
    queryFn: ({ signal }) => lawFirmsApi.list({ pageSize: 100, sort: 'name', status: 'active' }, signal),
  });
  return {
    query: firms,
    options: (firms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name })),
  };
}

/** Centres a handler may serve (city and district centres of the user's tree). */
export function useDistrictOptions() {
  const tree = useOrganisationTree();
  return useMemo(
    () =>
      (tree.data ?? [])
        .filter((o) => o.kind === 'district_centre' || o.kind === 'city_centre')
        .map((o) => ({ value: o.id, label: o.name })),
    [tree.data],
  );
}

/** Specialties: case types first, then the matter catalogue in force; with a name lookup. */
export function useSpecialties() {
  const { t } = useTranslation();
  const matters = useMatters();
  return useMemo(() => {
    const options = [
      ...CASE_TYPES_FOR_SPECIALTIES.map((c) => ({ value: c, label: t(`applications.caseTypes.${c}`) })),
      ...matters.options.map((m) => ({ value: m.code, label: m.name })),
    ];
    const names = new Map(options.map((o) => [o.value as string, o.label]));
    return { options, name: codeLabeller(names, matters.query.isSuccess, t) };
  }, [matters.options, matters.query.isSuccess, t]);
}
