import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingToday } from '../features/rules/beijingTime';
import { BEIJING, localName, NATIONAL } from '../features/rules/labels';
import { mostLocal, useRuleRows } from '../features/rules/useRules';
import { codeLabeller } from './codeLabel';

/** The topic of a consultation outside the catalogue. */
export const OTHER_TOPIC = 'other';

export interface MatterOption {
  code: string;
  /** In the UI language. */
  name: string;
  /** Both names, for searching whichever the user types. */
  nameZh: string;
  nameEn: string;
}

/**
 * The matter catalogue in force in Beijing today (national rows overridden by Beijing's): the
 * topics consultations are recorded under and the tags of knowledge-base articles.
 */
export function useMatters() {
  const { t, i18n } = useTranslation();
  const [today] = useState(beijingToday);
  const rows = useRuleRows('matter', BEIJING, today);
  const options = useMemo<MatterOption[]>(
    () =>
      mostLocal(rows.data ?? [], [NATIONAL, BEIJING]).map((row) => ({
        code: row.key,
        name: localName(row.data, i18n.language) ?? row.key,
        nameZh: localName(row.data, 'zh-CN') ?? row.key,
        nameEn: localName(row.data, 'en-US') ?? row.key,
      })),
    [rows.data, i18n.language],
  );
  const name = useMemo(() => {
    const label = codeLabeller(new Map(options.map((m) => [m.code, m.name])), rows.isSuccess, t);
    return (code: string) => (code === OTHER_TOPIC ? t('consultations.otherTopic') : label(code));
  }, [options, rows.isSuccess, t]);
  return { options, name, query: rows };
}
