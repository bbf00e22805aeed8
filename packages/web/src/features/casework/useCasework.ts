import { App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseworkApi } from '../../api';
import { assignmentKeys } from '../assignment/assignmentKeys';
import { applicationKeys } from '../applications/useApplicationData';
import { caseworkKeys } from './caseworkKeys';

export function useActivities(id: string) {
  return useQuery({
    queryKey: caseworkKeys.activities(id),
    queryFn: ({ signal }) => caseworkApi.activities(id, signal),
  });
}

export function useClosings(id: string, enabled = true) {
  return useQuery({
    queryKey: caseworkKeys.closings(id),
    queryFn: ({ signal }) => caseworkApi.closings(id, signal),
    enabled,
  });
}

/** What the case's closing needs (rule list closing_material) and the files on record for each. */
export function useClosingMaterials(id: string, enabled = true) {
  return useQuery({
    queryKey: caseworkKeys.closingMaterials(id),
    queryFn: ({ signal }) => caseworkApi.closingMaterials(id, signal),
    enabled,
  });
}

/** The major-or-difficult mark as it stands, with who set it and when. */
export function useMajorFlag(id: string) {
  return useQuery({
    queryKey: caseworkKeys.major(id),
    queryFn: ({ signal }) => caseworkApi.major(id, signal),
  });
}

export function useDiscussions(id: string) {
  return useQuery({
    queryKey: caseworkKeys.discussions(id),
    queryFn: ({ signal }) => caseworkApi.discussions(id, signal),
  });
}

export function useTerminationReports(id: string) {
  return useQuery({
    queryKey: caseworkKeys.terminationReports(id),
    queryFn: ({ signal }) => caseworkApi.terminationReports(id, signal),
  });
}

/**
 * One casework write: on success the case's records, the handler's list and the application file
 * refresh (a closing or termination changes the state), and a short message confirms it.
 */
export function useCaseworkAction<TInput>(
  id: string,
  action: (input: TInput) => Promise<unknown>,
  success: string | ((result: unknown) => string),
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseworkKeys.all(id) }),
        queryClient.invalidateQueries({ queryKey: assignmentKeys.mine }),
        queryClient.invalidateQueries({ queryKey: applicationKeys.detail(id) }),
      ]);
      void message.success(typeof success === 'string' ? success : success(result));
      onDone?.();
    },
  });
}
