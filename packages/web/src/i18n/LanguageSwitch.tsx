import { Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, setLocale, type Locale } from './index';

/**
 * 中文 / English switch: two toggle buttons (aria-pressed marks the active one). The choice persists
 * in localStorage (`fayuan.locale`).
 */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();

  const choose = (next: Locale) => {
    if (next === value) return;
    void setLocale(next).then(() => {
      // Names (roles, kinds) and server messages depend on Accept-Language.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    });
  };

  const option = (locale: Locale, label: string) => (
    <Button
      size={size}
      type={value === locale ? 'primary' : 'default'}
      aria-pressed={value === locale}
      lang={locale}
      onClick={() => choose(locale)}
    >
      {label}
    </Button>
  );

  return (
    <Space.Compact role="group" aria-label={t('language.label')}>
      {option('zh-CN', t('language.zh'))}
      {option('en-US', t('language.en'))}
    </Space.Compact>
  );
}
