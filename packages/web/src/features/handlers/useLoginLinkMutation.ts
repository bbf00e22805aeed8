import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change to the link between a lawyer's record and a login, from either side (opened, linked,
 * unlinked): on success the lawyers and the accounts both refresh, a short message confirms it,
 * then `onDone` (a dialog closes).
 */
export function useLoginLinkMutation<TInput>({
  mutationFn,
  success,
  onDone,
  onError,
}: {
  mutationFn: (input: TInput) => Promise<unknown>;
  success: string;
  onDone?: () => void;
  onError?: (error: Error) => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(success);
      onDone?.();
    },
    onError,
  });
}
