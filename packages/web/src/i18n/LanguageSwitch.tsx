import { Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi, type Me } from '../api';
import { ME_KEY } from '../queryClient';
import { currentLocale, isLocale, setLocale, type Locale } from './index';

/**
 * 中文 / English switch: two toggle buttons (aria-pressed marks the active one). The choice persists
 * in localStorage (`fayuan.locale`).
 */
interface Props {
  size?: 'small' | 'middle' | 'large';
  /** On a dark background the active language is the white button, the other one a ghost button. */
  onDark?: boolean;
}

export function LanguageSwitch({ size = 'middle', onDark = false }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();

  const choose = (next: Locale) => {
    if (next === value) return;
    void setLocale(next).then(() => {
      // Names (roles, kinds) and server messages depend on Accept-Language.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    });
    // Signed in: remember the choice on the account too (best effort; this browser keeps its own choice).
    if (queryClient.getQueryData<Me | null>(ME_KEY)) {
      authApi.saveLocale(next).then(
        (me) => queryClient.setQueryData(ME_KEY, me),
        () => undefined,
      );
    }
  };

  const option = (locale: Locale, label: string) => (
    <Button
      size={size}
      type={value === locale && !onDark ? 'primary' : 'default'}
      ghost={onDark && value !== locale}
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
