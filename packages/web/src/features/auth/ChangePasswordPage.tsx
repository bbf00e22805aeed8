import { Alert, App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { ErrorState } from '../../components/ErrorState';
import { AuthShell } from './AuthShell';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useMeQuery } from './session';
import { useLogout } from './useLogout';

/** Stand-alone page, used when the server requires a new password before anything else. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meQuery = useMeQuery();
  const logout = useLogout();

  if (meQuery.isPending) return <PageLoading fullScreen />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  if (!meQuery.data) return <Navigate to="/login" replace />;
  const mustChange = meQuery.data.mustChangePassword;

  return (
    <AuthShell title={t('auth.changePasswordTitle')}>
      {mustChange && (
        <Alert type="info" showIcon title={t('auth.mustChangeNotice')} style={{ marginBottom: 20 }} />
      )}
      <ChangePasswordForm
        username={meQuery.data.username}
        autoFocus
        block
        onChanged={() => {
          void message.success(t('auth.passwordChanged'));
          navigate('/', { replace: true });
        }}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {mustChange ? (
          <Button type="link" onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('auth.switchAccount')}
          </Button>
        ) : (
          <Button type="link" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        )}
      </Flex>
    </AuthShell>
  );
}
