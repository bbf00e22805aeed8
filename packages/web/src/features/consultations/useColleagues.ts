import { useQuery } from '@tanstack/react-query';
import { consultationsApi } from '../../api';

/** Colleagues in scope who may own consultations (hand-over targets and the staff filter). */
export function useColleagues(enabled = true) {
  return useQuery({
    queryKey: ['consultations', 'colleagues'],
    queryFn: ({ signal }) => consultationsApi.colleagues(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
