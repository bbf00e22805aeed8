import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { Logo } from '../layout/Logo';

/** Full-page frame of the login and forced password-change screens. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-shell">
      <Flex justify="space-between" align="center" className="auth-shell__bar">
        <Flex align="center" gap={10}>
          <Logo size={28} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('app.shortTitle')}
          </Typography.Text>
        </Flex>
        <LanguageSwitch size="small" onDark />
      </Flex>
      <main className="auth-shell__main">
        <Card className="auth-shell__card" variant="borderless">
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <Logo size={48} />
            <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{title}</Typography.Text>
          </Flex>
          {children}
        </Card>
      </main>
      <footer className="auth-shell__footer">{t('app.footer')}</footer>
    </div>
  );
}
