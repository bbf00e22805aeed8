import { useMemo } from 'react';
import { Tooltip, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rulesApi, type RuleRow } from '../../api';
import { BEIJING, localName } from './labels';
import { ruleKeys, useRuleTables } from './useRules';

/**
 * The rule versions a result was computed with, as a person reads them: the rule's table, its name
 * and the date it took effect (经济困难标准 · 2025年9月1日起施行). The version ids and the rule-set
 * fingerprint (`rv-…`) are for auditors: they sit in the tooltip.
 */
export function AppliedRules({ ids, fingerprint }: { ids: readonly string[]; fingerprint: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const tables = useRuleTables();
  const rows = useQueries({
    queries: (tables.data ?? []).map((table) => ({
      queryKey: ruleKeys.rows(table.table, BEIJING),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        rulesApi.rows(table.table, BEIJING, undefined, signal),
      staleTime: 10 * 60_000,
    })),
  });
  const byId = useMemo(() => {
    const map = new Map<string, RuleRow>();
    for (const result of rows) for (const row of result.data ?? []) map.set(row.id, row);
    return map;
  }, [rows]);
  const tableLabel = (name: string) => {
    const table = tables.data?.find((x) => x.table === name);
    return table ? (en ? table.labelEn : table.labelZh) : '';
  };
  const words = ids.map((id) => {
    const row = byId.get(id);
    if (!row) return t('common.loading');
    const name = localName(row.data, i18n.language);
    return t('rules.appliedVersion', {
      table: tableLabel(row.ruleTable),
      name: name ? (en ? ` ${name}` : `：${name}`) : '',
      date: row.effectiveFrom,
    });
  });
  return (
    <Tooltip title={`${t('applications.assessment.ruleVersion')} ${fingerprint} · ${ids.join(', ')}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} tabIndex={0}>
        {t('applications.assessment.rulesApplied')}: {words.join(en ? '; ' : '；')}
      </Typography.Text>
    </Tooltip>
  );
}
