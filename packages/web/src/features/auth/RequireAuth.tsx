import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission, RoleCode } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageLoading } from '../../components/PageLoading';
import { Forbidden } from '../../components/StatusResults';
import { SessionContext, useCurrentUser, useMeQuery } from './session';

/** Gate of the signed-in app: no session → login; password must change → change-password page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const meQuery = useMeQuery();
  const location = useLocation();

  if (meQuery.isPending) return <PageLoading fullScreen />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  const me = meQuery.data;
  if (!me) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** Shows 403 instead of the page when the user lacks the permission (the server enforces it anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  if (!me.permissions.includes(permission)) return <Forbidden />;
  return <>{children}</>;
}

/** Shows 403 instead of the page when the user lacks the role (the handler's portal is by role, not permission). */
export function RequireRole({ role, children }: { role: RoleCode; children: ReactNode }) {
  const me = useCurrentUser();
  if (!me.roles.includes(role)) return <Forbidden />;
  return <>{children}</>;
}
