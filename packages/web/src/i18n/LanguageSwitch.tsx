import { Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, setLocale } from './index';

/** 中文 / English switch; the choice persists in localStorage (`fayuan.locale`). */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();

  return (
    <Segmented
      size={size}
      aria-label={t('language.label')}
      value={value}
      options={[
        { label: t('language.zh'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en-US' },
      ]}
      onChange={(next) => {
        if (!isLocale(next) || next === value) return;
        void setLocale(next).then(() => {
          // Names (roles, kinds) and server messages depend on Accept-Language.
          void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
        });
      }}
    />
  );
}
