import { useMemo, useState } from 'react';
import { matterSynonyms } from '@fayuan/domain';
import { beijingToday } from '../features/rules/beijingTime';
import { BEIJING, NATIONAL } from '../features/rules/labels';
import { mostLocal, useRuleRows } from '../features/rules/useRules';

export interface MatterListRow {
  list: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * The list rows in force today beside the matter catalogue: callers' words per matter
 * (`matter_synonym`, for the pickers' search) and what a notified case's matter is called
 * (`notified_matter`: 通知辩护 / 通知代理).
 */
export function useMatterWords() {
  const [today] = useState(beijingToday);
  const rows = useRuleRows('list_item', BEIJING, today);
  return useMemo(() => {
    const lists: MatterListRow[] = mostLocal(rows.data ?? [], [NATIONAL, BEIJING]).flatMap((row) => {
      const d = row.data;
      if (d.list !== 'matter_synonym' && d.list !== 'notified_matter') return [];
      return [
        { list: String(d.list), code: String(d.code), nameZh: String(d.nameZh), nameEn: String(d.nameEn) },
      ];
    });
    return { lists, synonyms: matterSynonyms(lists) };
  }, [rows.data]);
}
