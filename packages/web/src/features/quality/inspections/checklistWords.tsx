import { useTranslation } from 'react-i18next';
import { useClosingMaterials } from '../../casework/useCasework';
import { beijingDateTime } from '../../rules/beijingTime';
import type { ChecklistItem } from './inspectionsApi';

/** The colour of a checklist item's result: green when met, red when not, grey when it waits or does not apply. */
export function itemColor(status: ChecklistItem['status']): string {
  if (status === 'evidenced' || status === 'judged_met') return 'green';
  if (status === 'missing' || status === 'late' || status === 'judged_unmet') return 'red';
  if (status === 'awaiting_judgement') return 'orange';
  return 'default';
}

const when = (iso: string) => {
  const { date, time } = beijingDateTime(iso);
  return `${date} ${time}`;
};

/**
 * What shows an item in words, never as codes: the activity and its time, the document, or the
 * closing materials by their rule names (the case's closing-material list).
 */
export function useEvidenceWords(caseId: string) {
  const { t, i18n } = useTranslation();
  const materials = useClosingMaterials(caseId, caseId !== '');
  const materialName = (code: string) => {
    const m = materials.data?.materials.find((x) => x.code === code);
    if (!m) return t('common.none');
    return i18n.language === 'en-US' ? m.nameEn : m.nameZh;
  };
  return {
    evidence(item: ChecklistItem): string | null {
      if (!item.evidence) return null;
      if (item.status === 'evidenced' || item.status === 'late') {
        // Closing materials first: `a, b` would otherwise read as an activity and its time.
        if (item.evidence.includes(','))
          return item.evidence
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
            .map((c) => materialName(c))
            .join('、');
        const [kind, at] = item.evidence.split(' ');
        if (at && kind) return `${t(`casework.activities.kinds.${kind}`, { defaultValue: '' })} ${when(at)}`;
        return t(`applications.documents.${item.evidence}`, { defaultValue: materialName(item.evidence) });
      }
      return null;
    },
    missing: (item: ChecklistItem) => (item.missing ?? []).map(materialName).join('、'),
    dueAt: (item: ChecklistItem) => (item.dueAt ? when(item.dueAt) : null),
  };
}
