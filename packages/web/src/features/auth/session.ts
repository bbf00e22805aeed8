import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { authApi, isApiError, type Me, type Permission } from '../../api';
import { ME_KEY } from '../../queryClient';

/** The signed-in user, or null when there is no session (401 from GET /me). */
export function useMeQuery() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await authApi.me(signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export const SessionContext = createContext<Me | null>(null);

/** The current user inside the authenticated part of the app. */
export function useCurrentUser(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useCurrentUser used outside an authenticated route');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useCurrentUser();
  return (permission) => me.permissions.includes(permission);
}
