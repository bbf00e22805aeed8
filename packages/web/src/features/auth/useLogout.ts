import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi, setCsrfToken } from '../../api';
import { ME_KEY } from '../../queryClient';

/** Logs out (this session, or every session) and returns to the login page whatever the server says. */
export function useLogout(everywhere = false) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();

  return useMutation({
    mutationFn: () => (everywhere ? authApi.logoutAll() : authApi.logout()),
    meta: { skipAuthRedirect: true },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/login', { replace: true });
      void message.success(t('auth.loggedOut'));
    },
  });
}
