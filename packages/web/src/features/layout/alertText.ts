import type { TFunction } from 'i18next';
import type { StaffAlert } from '../../api';
import { beijingDateTime } from '../rules/beijingTime';

/** What an alert says beside its kind: the deadline, the hearing's time, or when the event came. */
export function alertText(t: TFunction, a: StaffAlert): string {
  if (a.kind === 'duplicate_elsewhere')
    return t('applications.alerts.duplicateElsewhere', {
      organisation: a.organisation.name,
      ...beijingDateTime(a.createdAt),
    });
  if (a.kind === 'hearing_reminder' && a.activity)
    return t('applications.alerts.hearingAt', beijingDateTime(a.activity.at));
  if (a.kind === 'budget_low')
    return t('applications.alerts.budgetLow', {
      line: a.budgetLine?.name ?? '',
      ...beijingDateTime(a.createdAt),
    });
  if (a.kind === 'rectification_overdue')
    return t('applications.alerts.rectificationDue', { date: beijingDateTime(a.dueAt).date });
  if (a.period !== null)
    return t('applications.alerts.due', {
      period: t(`applications.periods.${a.period}`),
      ...beijingDateTime(a.dueAt),
    });
  return t('applications.alerts.event', beijingDateTime(a.createdAt));
}

/** The colour of an alert's kind: red for what is late, orange for what is close, blue for news. */
export function alertColor(kind: StaffAlert['kind']): string {
  if (
    kind === 'overdue' ||
    kind === 'unanswered' ||
    kind === 'duplicate_elsewhere' ||
    kind === 'rectification_overdue'
  )
    return 'red';
  if (kind === 'budget_low') return 'orange';
  if (kind === 'reminder' || kind === 'hearing_reminder' || kind === 'closing_returned') return 'orange';
  return 'blue';
}
