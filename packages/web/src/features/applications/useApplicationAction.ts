import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../api';
import { applicationKeys } from './useApplicationData';

/**
 * One action on an application: on success the file shows the server's answer at once, the lists
 * and alerts refresh, and a short message confirms it. Failures stay on the mutation (`error`) for
 * the dialog or button to show: the API's envelope message, already localised.
 */
export function useApplicationAction<TInput>(
  id: string,
  action: (input: TInput) => Promise<ApplicationDetail | unknown>,
  success: string | ((result: unknown) => string),
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      if (isDetail(result, id)) queryClient.setQueryData(applicationKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.alerts });
      void message.success(typeof success === 'string' ? success : success(result));
      onDone?.();
    },
  });
}

function isDetail(value: unknown, id: string): value is ApplicationDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { id?: unknown }).id === id &&
    Array.isArray((value as { events?: unknown }).events)
  );
}
