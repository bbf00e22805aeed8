import { useMemo } from 'react';
import { factAppliesTo, type FactRow } from '@fayuan/domain';
import type { RuleRow } from '../../api';
import { BEIJING, NATIONAL } from './labels';
import { mostLocal, useRuleRows } from './useRules';

/** A fact the forms ask (yes/no): a row of the rule list `fact` (issue 11 §3: facts are data). */
export interface FactItem {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The citizen's question (self-test); staff forms show the name. */
  questionZh: string;
  questionEn: string;
  citation: string;
  params: FactRow['params'];
}

function toFact(row: RuleRow): FactItem | null {
  const d = row.data;
  if (d.list !== 'fact' || typeof d.code !== 'string') return null;
  const params = (typeof d.params === 'object' && d.params !== null ? d.params : {}) as FactRow['params'];
  const nameZh = String(d.nameZh ?? d.code);
  const nameEn = String(d.nameEn ?? d.code);
  return {
    code: d.code,
    nameZh,
    nameEn,
    questionZh: typeof params.questionZh === 'string' ? params.questionZh : nameZh,
    questionEn: typeof params.questionEn === 'string' ? params.questionEn : nameEn,
    citation: row.citation,
    params,
  };
}

/**
 * The facts in force in Beijing on `at` (every version when `at` is undefined, for the rule pages),
 * those a form for `matter` asks when a matter is given (`params.matters`).
 */
export function useFacts(at: string | undefined, matter?: string) {
  const rows = useRuleRows('list_item', BEIJING, at);
  const facts = useMemo(
    () =>
      mostLocal(rows.data ?? [], [NATIONAL, BEIJING])
        .map(toFact)
        .filter((f): f is FactItem => f !== null && factAppliesTo(f, matter)),
    [rows.data, matter],
  );
  return { facts, isPending: rows.isPending };
}

/** The name of a fact in the UI language, or its code when no row names it. */
export function factLabel(facts: readonly FactItem[], code: string, language: string): string {
  const fact = facts.find((f) => f.code === code);
  if (!fact) return code;
  return language === 'en-US' ? fact.nameEn : fact.nameZh;
}
