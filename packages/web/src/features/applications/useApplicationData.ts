import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type RuleRow } from '../../api';
import { itemName } from './labels';
import { beijingToday } from '../rules/beijingTime';
import { BEIJING, NATIONAL, localName } from '../rules/labels';
import { mostLocal, useRuleRows } from '../rules/useRules';
import { codeLabeller } from '../../hooks/codeLabel';
import { useMatterWords } from '../../hooks/useMatterWords';
import { caseMatterName, NOTICE_CHANNEL } from '@fayuan/domain';

export const applicationKeys = {
  all: ['applications'] as const,
  list: (params: object) => ['applications', 'list', params] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  reference: ['applications', 'reference'] as const,
  onTime: ['applications', 'on-time'] as const,
  alerts: ['alerts'] as const,
  settings: (organisationId: string) => ['centre-settings', organisationId] as const,
};

/** Materials, refusal reasons, provisional-aid grounds and review flags in force. */
export function useApplicationReference() {
  return useQuery({
    queryKey: applicationKeys.reference,
    queryFn: ({ signal }) => applicationsApi.reference(signal),
    staleTime: 10 * 60_000,
  });
}

/** The matter catalogue in force today in Beijing (a Beijing row overrides the national one), as the self-test loads it. */
export function useMatters() {
  const [today] = useState(beijingToday);
  const rows = useRuleRows('matter', BEIJING, today);
  const matters = useMemo<RuleRow[]>(
    () => mostLocal(rows.data ?? [], [NATIONAL, BEIJING]).sort((a, b) => a.key.localeCompare(b.key)),
    [rows.data],
  );
  return { matters, isPending: rows.isPending, isSuccess: rows.isSuccess, error: rows.error };
}

/**
 * code → matter name in the UI language (a placeholder while the catalogue loads). Given the
 * case's channel, a case opened on a criminal notice reads 通知辩护 / 通知代理 (list
 * `notified_matter`), not the catalogue's name for an application.
 */
export function useMatterName(): (code: string, channel?: string) => string {
  const { matters, isSuccess } = useMatters();
  const { lists } = useMatterWords();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const names = new Map(matters.map((m) => [m.key, localName(m.data, i18n.language) ?? m.key]));
    const label = codeLabeller(names, isSuccess, t);
    const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
    return (code: string, channel?: string) =>
      (channel === NOTICE_CHANNEL
        ? caseMatterName({ channel, matter: code }, [], lists, locale)
        : undefined) ?? label(code);
  }, [matters, isSuccess, lists, i18n.language, t]);
}

/** A decision reason's words: the assessment's message, or the refusal reason's name. */
export function useReasonLabel(application: Pick<ApplicationDetail, 'assessment'>): (code: string) => string {
  const reference = useApplicationReference();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const names = new Map<string, string>();
    // Reasons closed since (materials_incomplete, LAL art.43(2)) still name past decisions' reasons.
    for (const r of [
      ...(reference.data?.formerRefusalReasons ?? []),
      ...(reference.data?.refusalReasons ?? []),
    ])
      names.set(r.code, itemName(r, i18n.language));
    for (const r of application.assessment?.reasons ?? []) names.set(r.code, r.message);
    return codeLabeller(names, reference.isSuccess, t);
  }, [reference.data, reference.isSuccess, application.assessment, i18n.language, t]);
}
