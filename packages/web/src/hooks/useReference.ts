import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationsApi, referenceApi, type OrganisationKind, type Role } from '../api';
import { codeLabeller } from './codeLabel';

export const referenceKeys = {
  roles: (locale: string) => ['roles', locale] as const,
  kinds: ['organisation-kinds'] as const,
  orgTree: ['organisations', 'tree'] as const,
};

/** Roles with names in the UI language (GET /roles answers in the request locale). */
export function useRoles(enabled = true) {
  const { i18n } = useTranslation();
  return useQuery<Role[]>({
    queryKey: referenceKeys.roles(i18n.language),
    queryFn: ({ signal }) => referenceApi.roles(signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** code → display name (a placeholder while the roles load). */
export function useRoleName(): (code: string) => string {
  const roles = useRoles();
  const { t } = useTranslation();
  return useMemo(
    () => codeLabeller(new Map((roles.data ?? []).map((r) => [r.code, r.name])), roles.isSuccess, t),
    [roles.data, roles.isSuccess, t],
  );
}

export function useOrganisationKinds() {
  return useQuery<OrganisationKind[]>({
    queryKey: referenceKeys.kinds,
    queryFn: ({ signal }) => referenceApi.organisationKinds(signal),
    staleTime: 10 * 60_000,
  });
}

/** The name of a kind in the UI language. */
export function kindLabel(kind: Pick<OrganisationKind, 'nameZh' | 'nameEn'>, language: string): string {
  return language === 'en-US' ? kind.nameEn : kind.nameZh;
}

/** code → kind name in the UI language (a placeholder while the kinds load). */
export function useKindName(): (code: string) => string {
  const kinds = useOrganisationKinds();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const names = new Map((kinds.data ?? []).map((k) => [k.code, kindLabel(k, i18n.language)]));
    return codeLabeller(names, kinds.isSuccess, t);
  }, [kinds.data, kinds.isSuccess, i18n.language, t]);
}

export function useOrganisationTree(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.orgTree,
    queryFn: ({ signal }) => organisationsApi.tree(signal),
    enabled,
  });
}

/** id → organisation name, for organisations in the user's tree; undefined for the others. */
export function useOrganisationName(enabled = true): (id: string) => string | undefined {
  const tree = useOrganisationTree(enabled);
  return useMemo(() => {
    const names = new Map((tree.data ?? []).map((o) => [o.id, o.name]));
    return (id: string) => names.get(id);
  }, [tree.data]);
}
