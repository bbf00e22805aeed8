import type { ConsultationListParams } from '../../api';
import { oneOf, text, useListParams } from '../../hooks/useListParams';
import { CHANNELS, OUTCOMES } from './codes';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null) => (value !== null && DATE.test(value) ? value : undefined);

const parseFilters = (
  search: URLSearchParams,
): Omit<ConsultationListParams, 'page' | 'pageSize' | 'sort'> => ({
  q: text(search.get('q')),
  channel: oneOf(CHANNELS, search.get('channel')),
  outcome: oneOf(OUTCOMES, search.get('outcome')),
  topicMatter: text(search.get('topicMatter')),
  ownerUserId: text(search.get('ownerUserId')),
  from: date(search.get('from')),
  to: date(search.get('to')),
});

/** The consultations list's state in the URL; `consultation` names the one open in the drawer. */
export function useConsultationListParams() {
  return useListParams(parseFilters, 'consultation');
}
