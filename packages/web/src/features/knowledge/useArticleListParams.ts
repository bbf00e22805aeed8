import type { ArticleListParams, ArticleStatus } from '../../api';
import { oneOf, text, useListParams } from '../../hooks/useListParams';

export const STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'archived'];

const parseFilters = (search: URLSearchParams): Omit<ArticleListParams, 'page' | 'pageSize' | 'sort'> => ({
  q: text(search.get('q')),
  matter: text(search.get('matter')),
  status: oneOf(STATUSES, search.get('status')),
});

/** The knowledge list's state in the URL; `article` names the one open in the drawer. */
export function useArticleListParams() {
  return useListParams(parseFilters, 'article');
}
