import { HANDLER_KINDS, HANDLER_STATUSES } from '@fayuan/domain';
import type { HandlerListParams } from '../../api';
import { oneOf, text, useListParams } from '../../hooks/useListParams';

export type HandlerFilterValues = Omit<HandlerListParams, 'page' | 'pageSize' | 'sort'>;

const parseFilters = (search: URLSearchParams): HandlerFilterValues => ({
  q: text(search.get('q')),
  kind: oneOf(HANDLER_KINDS, search.get('kind')),
  status: oneOf(HANDLER_STATUSES, search.get('status')),
  teamId: text(search.get('teamId')),
  firmId: text(search.get('firmId')),
  district: text(search.get('district')),
  specialty: text(search.get('specialty')),
  language: text(search.get('language')),
  familiarWithMinors: oneOf(['true', 'false'] as const, search.get('familiarWithMinors')),
});

/** The handlers list's state in the URL; `handler` names the one open in the drawer. */
export function useHandlerListParams() {
  const {
    params,
    openId: openHandlerId,
    update,
    setFilters,
    hasFilters,
  } = useListParams(parseFilters, 'handler');
  return { params, openHandlerId, update, setFilters, hasFilters };
}
