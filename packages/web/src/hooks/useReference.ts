import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationsApi, referenceApi, type OrganisationKind, type Role } from '../api';

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

/** code → display name; unknown codes show as themselves. */
export function useRoleName(): (code: string) => string {
  const roles = useRoles();
  return useMemo(() => {
    const names = new Map((roles.data ?? []).map((r) => [r.code, r.name]));
    return (code: string) => names.get(code) ?? code;
  }, [roles.data]);
}

export function useOrganisationKinds(enabled = true) {
  return useQuery<OrganisationKind[]>({
    queryKey: referenceKeys.kinds,
    queryFn: ({ signal }) => referenceApi.organisationKinds(signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useKindName(): (code: string) => string {
  const kinds = useOrganisationKinds();
  const { i18n } = useTranslation();
  return useMemo(() => {
    const zh = i18n.language === 'zh-CN';
    const names = new Map((kinds.data ?? []).map((k) => [k.code, zh ? k.nameZh : k.nameEn]));
    return (code: string) => names.get(code) ?? code;
  }, [kinds.data, i18n.language]);
}

export function useOrganisationTree(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.orgTree,
    queryFn: ({ signal }) => organisationsApi.tree(signal),
    enabled,
  });
}
