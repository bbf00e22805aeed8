import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import type { Me } from './api';

export const ME_KEY = ['me'] as const;

let expiredFlag = false;

/** True once after a request found the session gone; the login page reads it to explain why. */
export function takeSessionExpired(): boolean {
  const value = expiredFlag;
  expiredFlag = false;
  return value;
}

function handleUnauthenticated(error: unknown, skip: boolean): void {
  if (skip || !isApiError(error) || error.status !== 401) return;
  const me = queryClient.getQueryData<Me | null>(ME_KEY);
  if (me) {
    expiredFlag = true;
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => handleUnauthenticated(error, query.queryKey[0] === ME_KEY[0]),
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) =>
      handleUnauthenticated(error, mutation.meta?.skipAuthRedirect === true),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status > 0 && error.status < 500) return false;
        return failureCount < 1;
      },
    },
    mutations: { retry: false },
  },
});

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { skipAuthRedirect?: boolean };
  }
}
