import { APPLICANT_CATEGORIES, DOCUMENT_TYPES } from '@fayuan/domain';
import type { PersonListParams } from '../../api';
import { oneOf, text, useListParams } from '../../hooks/useListParams';

const parseFilters = (search: URLSearchParams): Omit<PersonListParams, 'page' | 'pageSize' | 'sort'> => ({
  q: text(search.get('q')),
  category: oneOf(APPLICANT_CATEGORIES, search.get('category')),
  documentType: oneOf(DOCUMENT_TYPES, search.get('documentType')),
});

/** The applicants list's state in the URL; `person` names the person open in the drawer. */
export function usePersonListParams() {
  const { params, openId: openPersonId, update, hasFilters } = useListParams(parseFilters, 'person');
  return { params, openPersonId, update, hasFilters };
}
