import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: fullScreen ? '100vh' : 320,
      }}
    >
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}
