import type { UserListParams, UserStatus } from '../../api';
import { oneOf, text, useListParams } from '../../hooks/useListParams';

const STATUSES: readonly UserStatus[] = ['active', 'disabled'];

const parseFilters = (search: URLSearchParams): Omit<UserListParams, 'page' | 'pageSize' | 'sort'> => ({
  q: text(search.get('q')),
  organisationId: text(search.get('organisationId')),
  role: text(search.get('role')),
  status: oneOf(STATUSES, search.get('status')),
});

/** The users list's page, sort and filters, kept in the URL. */
export function useUserListParams() {
  const { params, update, hasFilters } = useListParams(parseFilters);
  return { params, update, hasFilters };
}
