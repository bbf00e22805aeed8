import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import zhCN from '../../i18n/zh-CN';
import type { ReferenceItem } from '../../api';

const EVENTS = new Set(Object.keys(zhCN.applications.events));

/**
 * Labels of the codes an application carries. Events come from the server's lifecycle table and
 * may grow; an event the catalog does not know shows as 未收录项 (never as its code).
 */
/** Whether the catalog names this lifecycle event. */
export const isKnownEvent = (event: string) => EVENTS.has(event);

export function useEventLabel(): (event: string) => string {
  const { t } = useTranslation();
  return useMemo(
    () => (event: string) =>
      EVENTS.has(event)
        ? t(`applications.events.${event as keyof typeof zhCN.applications.events}`)
        : t('common.unlisted'),
    [t],
  );
}

/** A rule-list item's (or material's) name in the UI language. */
export function itemName(item: Pick<ReferenceItem, 'nameZh' | 'nameEn'>, language: string): string {
  return language === 'en-US' ? item.nameEn : item.nameZh;
}

/** Fen as yuan with two decimals, e.g. 123456 → ¥1,234.56. */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language === 'en-US' ? 'en-US' : 'zh-CN', {
    style: 'currency',
    currency: 'CNY',
  }).format(fen / 100);
}
