import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { auditApi } from '../../api';
import type { AuditVerifyResult } from '../../api/types';
import { formatDateTime } from '../../utils';
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
  const { title, description } = verdict(verify.data, t);
  return (
    <Alert
      type={verify.data.ok ? 'success' : 'error'}
      showIcon
      role="status"
      title={title}
      description={description}
      style={{ marginBottom: 16 }}
      {...close}
    />
  );
}

/** One outcome, one message: a cut tail, a forged or a disagreeing checkpoint each say what happened. */
function verdict(result: AuditVerifyResult, t: TFunction): { title: string; description: string } {
  const { checked, brokenAt, checkpoints, checkpoint } = result;
  const at: Record<string, string | number> = {
    checked,
    checkpoints,
    eventCount: checkpoint?.eventCount ?? '?',
    takenAt: (checkpoint && formatDateTime(checkpoint.takenAt)) ?? '?',
  };
  switch (result.outcome) {
    case 'ok':
      return {
        title: t('audit.verifyOkTitle'),
        description: `${t('audit.verifyOk', { checked })} ${
          checkpoint ? t('audit.verifyOkCheckpoint', at) : t('audit.verifyNoCheckpoint')
        }`,
      };
    case 'checkpoint_forged':
      return { title: t('audit.verifyForgedTitle'), description: t('audit.verifyForged', at) };
    case 'tail_truncated':
      return { title: t('audit.verifyTruncatedTitle'), description: t('audit.verifyTruncated', at) };
    case 'checkpoint_mismatch':
      return { title: t('audit.verifyMismatchTitle'), description: t('audit.verifyMismatch', at) };
    case 'chain_broken':
      return {
        title: t('audit.verifyBrokenTitle'),
        description: t('audit.verifyBroken', { checked, brokenAt: brokenAt ?? '?' }),
      };
  }
}
