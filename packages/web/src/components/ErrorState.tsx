import { Button, Result, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';

interface Props {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  compact?: boolean;
}

export function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** A failed load: the API message, the request id for support, and a retry button. */
export function ErrorState({ error, onRetry, title, compact }: Props) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      title={title ?? t('errors.loadFailed')}
      subTitle={
        <>
          <div>{errorMessage(error, t('errors.crash'))}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }} style={{ fontSize: 12 }}>
              {t('errors.requestId', { id: requestId })}
            </Typography.Text>
          )}
        </>
      }
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
