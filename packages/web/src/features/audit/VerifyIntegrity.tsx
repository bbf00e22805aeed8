import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api';
import { errorMessage } from '../../components/ErrorState';

/** 校验完整性: asks the server to re-compute the audit hash chain and shows the verdict. */
export function useVerifyIntegrity() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}

type Verify = ReturnType<typeof useVerifyIntegrity>;

export function VerifyButton({ verify }: { verify: Verify }) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<SafetyCertificateOutlined aria-hidden />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
    >
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyResult({ verify }: { verify: Verify }) {
  const { t } = useTranslation();
  const close = { closable: { onClose: () => verify.reset() } };
  if (verify.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('audit.verifyFailed')}
        description={errorMessage(verify.error, t('errors.network'))}
        style={{ marginBottom: 16 }}
        {...close}
      />
    );
  }
  if (!verify.data) return null;
  const { ok, checked, brokenAt } = verify.data;
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      role="status"
      title={ok ? t('audit.verifyOkTitle') : t('audit.verifyBrokenTitle')}
      description={
        ok
          ? t('audit.verifyOk', { checked })
          : t('audit.verifyBroken', { checked, brokenAt: brokenAt ?? '?' })
      }
      style={{ marginBottom: 16 }}
      {...close}
    />
  );
}
