import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, RightOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { authApi, type Me } from '../../api';
import { ME_KEY, takeSessionExpired } from '../../queryClient';
import { errorMessage } from '../../components/ErrorState';
import { AuthShell } from './AuthShell';
import { useMeQuery } from './session';

interface LoginValues {
  username: string;
  password: string;
}

interface LocationState {
  from?: string;
}

function safeRedirect(from: string | undefined): string {
  // Only same-app paths; never "//host" or absolute URLs.
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const meQuery = useMeQuery();
  const [expired] = useState(takeSessionExpired);
  const from = safeRedirect((location.state as LocationState | null)?.from);

  const login = useMutation({
    mutationFn: (values: LoginValues) => authApi.login(values.username.trim(), values.password),
    meta: { skipAuthRedirect: true },
    onSuccess: (me: Me) => {
      queryClient.setQueryData(ME_KEY, me);
      navigate(me.mustChangePassword ? '/change-password' : from, { replace: true });
    },
    onError: () => {
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus?.();
    },
  });

  if (meQuery.data && !login.isPending) {
    return <Navigate to={meQuery.data.mustChangePassword ? '/change-password' : from} replace />;
  }

  return (
    <AuthShell title={t('auth.loginSubtitle')}>
      {login.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(login.error, t('errors.network'))}
          style={{ marginBottom: 20 }}
        />
      ) : (
        expired && (
          <Alert type="warning" showIcon title={t('errors.sessionExpired')} style={{ marginBottom: 20 }} />
        )
      )}
      <Form<LoginValues>
        form={form}
        name="login"
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => login.mutate(values)}
        autoComplete="on"
      >
        <Form.Item
          label={t('auth.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined aria-hidden />}
            placeholder={t('auth.usernamePlaceholder')}
            autoComplete="username"
            autoFocus
            maxLength={64}
          />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden />}
            placeholder={t('auth.passwordPlaceholder')}
            autoComplete="current-password"
            maxLength={256}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('auth.loginHint')}
      </Typography.Paragraph>
      {/* Citizens land here too: the self-test needs no account. */}
      <Link to="/self-test" className="self-test-link">
        <SafetyCertificateOutlined aria-hidden className="self-test-link__icon" />
        <span className="self-test-link__body">
          <span className="self-test-link__title">{t('auth.selfTestLink')}</span>
          <span className="self-test-link__hint">{t('auth.selfTestHint')}</span>
        </span>
        <RightOutlined aria-hidden />
      </Link>
    </AuthShell>
  );
}
