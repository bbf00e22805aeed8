import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { ErrorState } from '../../components/ErrorState';
import { useCitizen } from './portalApi';

/** A page for a signed-in citizen: anyone else is sent to sign in, and comes back after. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const citizen = useCitizen();
  const location = useLocation();
  if (citizen.isPending) return <PageLoading />;
  if (citizen.isError) return <ErrorState error={citizen.error} onRetry={() => void citizen.refetch()} />;
  if (!citizen.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/portal/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}
