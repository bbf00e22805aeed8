import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { knowledgeApi } from '../../api';
import { OTHER_TOPIC } from '../../hooks/useMatters';

/** The API takes up to 200 characters of query. */
const MAX_QUERY = 200;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Published articles for what a caller is asking, searched as the question and topic are typed
 * (debounced): the question's words rank them, the topic narrows them to its matter.
 */
export function useArticleSuggestions(
  question: string | undefined,
  topic: string | undefined,
  enabled: boolean,
) {
  const q = useDebounced((question ?? '').trim().slice(0, MAX_QUERY), 400);
  const matter = topic && topic !== OTHER_TOPIC ? topic : undefined;
  const active = enabled && (q.length > 0 || matter !== undefined);
  const query = useQuery({
    queryKey: ['knowledge', 'suggestions', q, matter],
    queryFn: ({ signal }) =>
      knowledgeApi.list(
        { q: q || undefined, matter, status: 'published', jurisdiction: '110000', pageSize: 5 },
        signal,
      ),
    enabled: active,
    placeholderData: keepPreviousData,
  });
  return { ...query, active };
}
