import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rulesApi, type RuleRow, type RuleTableName } from '../../api';
import { jurisdictionName } from './labels';

export const ruleKeys = {
  all: ['rules'] as const,
  tables: ['rules', 'tables'] as const,
  rows: (table: RuleTableName, jurisdiction: string, at?: string) =>
    ['rules', 'rows', table, jurisdiction, at ?? 'all'] as const,
  jurisdictions: ['jurisdictions'] as const,
  calendar: (year: number, jurisdiction: string) => ['calendar', jurisdiction, year] as const,
  calendarBasis: (year: number, jurisdiction: string) => ['calendar', jurisdiction, year, 'basis'] as const,
};

export function useRuleTables() {
  return useQuery({
    queryKey: ruleKeys.tables,
    queryFn: ({ signal }) => rulesApi.tables(signal),
    staleTime: 60 * 60_000,
  });
}

export function useRuleRows(table: RuleTableName, jurisdiction: string, at?: string) {
  return useQuery<RuleRow[]>({
    queryKey: ruleKeys.rows(table, jurisdiction, at),
    queryFn: ({ signal }) => rulesApi.rows(table, jurisdiction, at, signal),
  });
}

export function useJurisdictions() {
  return useQuery({
    queryKey: ruleKeys.jurisdictions,
    queryFn: ({ signal }) => rulesApi.jurisdictions(signal),
    staleTime: 60 * 60_000,
  });
}

/** code → jurisdiction name in the UI language. */
export function useJurisdictionName(): (code: string) => string {
  const jurisdictions = useJurisdictions();
  const { i18n } = useTranslation();
  return useMemo(
    () => (code: string) => jurisdictionName(code, jurisdictions.data, i18n.language),
    [jurisdictions.data, i18n.language],
  );
}

/**
 * For each key, the row of the most local jurisdiction (a Beijing row overrides the national
 * one); `chain` lists jurisdictions from the most general to the most local.
 */
export function mostLocal(rows: readonly RuleRow[], chain: readonly string[]): RuleRow[] {
  const rank = (row: RuleRow) => chain.indexOf(row.jurisdiction);
  const chosen = new Map<string, RuleRow>();
  for (const row of rows) {
    const current = chosen.get(row.key);
    if (
      !current ||
      rank(row) > rank(current) ||
      (rank(row) === rank(current) && row.effectiveFrom > current.effectiveFrom)
    )
      chosen.set(row.key, row);
  }
  return [...chosen.values()];
}
