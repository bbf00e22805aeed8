import { useQuery } from '@tanstack/react-query';
import { assignmentApi } from '../../api';
import { assignmentKeys } from './assignmentKeys';

/** Every handler in the pool for a case with the reasons (GET /applications/:id/candidates), fresh each time a dialog opens. */
export function useCandidates(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: assignmentKeys.candidates(applicationId),
    queryFn: ({ signal }) => assignmentApi.candidates(applicationId, signal),
    enabled,
    staleTime: 0,
  });
}
