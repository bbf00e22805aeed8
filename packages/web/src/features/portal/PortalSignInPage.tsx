import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/ErrorState';
import { CITIZEN_QUERY_KEY, portalApi, setCitizenCsrf } from './portalApi';
import { failedLabels, FormErrorAnnouncer } from './FormErrorAnnouncer';

interface Values {
  phone: string;
  code: string;
}

/** Only a path inside the portal may be returned to after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/portal') && !next.startsWith('//') ? next : '/portal';
}

/** 登录: a phone number and the one-time code texted to it; no password to remember. */
export default function PortalSignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [waitSeconds, setWaitSeconds] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[]>([]);

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = window.setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [waitSeconds]);

  const askCode = useMutation({
    mutationFn: (phone: string) => portalApi.post<{ expiresAt: string }>('/otp', { phone }),
    onSuccess: (_answer, phone) => {
      setSentTo(phone);
      setWaitSeconds(60);
    },
    onError: (error) => {
      const retry =
        error instanceof ApiError
          ? (error.details as { retryAfter?: number } | undefined)?.retryAfter
          : undefined;
      if (retry) setWaitSeconds(retry);
    },
  });

  const signIn = useMutation({
    mutationFn: (values: Values) => portalApi.post<{ csrfToken: string }>('/sessions', values),
    onSuccess: async ({ csrfToken }) => {
      setCitizenCsrf(csrfToken);
      await queryClient.invalidateQueries({ queryKey: CITIZEN_QUERY_KEY });
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  const requestCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      askCode.mutate(phone);
    } catch {
      // The field shows its own message.
    }
  };

  const failure = signIn.error ?? askCode.error;
  return (
    <div className="portal-narrow">
      <Typography.Title level={1} className="public-shell__heading">
        {t('portal.signInPage.title')}
      </Typography.Title>
      <Typography.Paragraph className="public-shell__intro">
        {t('portal.signInPage.intro')}
      </Typography.Paragraph>
      <Card variant="borderless">
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          size="large"
          onFinish={(values) => {
            setRefused([]);
            signIn.mutate(values);
          }}
          onFinishFailed={(info) =>
            setRefused(
              failedLabels(info, { phone: t('portal.signInPage.phone'), code: t('portal.signInPage.code') }),
            )
          }
          className="portal-form"
        >
          <Form.Item
            name="phone"
            label={t('portal.signInPage.phone')}
            rules={[
              { required: true, message: t('portal.signInPage.phoneRequired') },
              { pattern: /^\s*(\+?86)?\s*1[3-9]\d{9}\s*$/, message: t('portal.signInPage.phoneInvalid') },
            ]}
          >
            <Input inputMode="tel" autoComplete="tel" maxLength={20} />
          </Form.Item>
          <Button
            block
            onClick={() => void requestCode()}
            loading={askCode.isPending}
            disabled={waitSeconds > 0}
            className="portal-form__secondary"
          >
            {waitSeconds > 0
              ? t('portal.signInPage.resendIn', { seconds: waitSeconds })
              : t('portal.signInPage.sendCode')}
          </Button>
          <div aria-live="polite" className="portal-form__status">
            {sentTo && askCode.isSuccess && t('portal.signInPage.sent')}
          </div>
          <Form.Item
            name="code"
            label={t('portal.signInPage.code')}
            rules={[
              { required: true, message: t('portal.signInPage.codeRequired') },
              { pattern: /^\d{6}$/, message: t('portal.signInPage.codeInvalid') },
            ]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <FormErrorAnnouncer fields={refused} />
          {failure && (
            <Alert type="error" showIcon role="alert" title={errorMessage(failure, t('errors.network'))} />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            className="portal-form__submit"
          >
            {t('portal.signInPage.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" className="portal-note">
        {t('portal.signInPage.privacy')}
      </Typography.Paragraph>
    </div>
  );
}
