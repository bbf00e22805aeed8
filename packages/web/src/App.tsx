import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageLoading } from './components/PageLoading';
import { NotFound } from './components/StatusResults';
import { RequireAuth, RequirePermission } from './features/auth/RequireAuth';

// One chunk per page; the login page does not download the admin pages.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const MainLayout = lazy(() => import('./features/layout/MainLayout'));
const HomePage = lazy(() => import('./features/layout/HomePage'));
const OrganisationsPage = lazy(() => import('./features/organisations/OrganisationsPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const ProfilePage = lazy(() => import('./features/profile/ProfilePage'));

export function App() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Suspense fallback={<PageLoading fullScreen />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/change-password" element={<ChangePasswordPage />} />
            <Route
              element={
                <RequireAuth>
                  <MainLayout />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="organisations"
                element={
                  <RequirePermission permission="org.read">
                    <OrganisationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="users"
                element={
                  <RequirePermission permission="user.read">
                    <UsersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="audit"
                element={
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                }
              />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
