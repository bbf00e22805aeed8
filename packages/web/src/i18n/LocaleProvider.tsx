import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { isLocale, type Locale } from './index';

const antdLocales = { 'zh-CN': zh_CN, 'en-US': en_US } as const;
const dayjsLocales = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

function setDayjsLocale(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
}

/**
 * Ant Design and dayjs follow the i18next language; Ant Design's animations follow the system's
 * reduced-motion preference.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  const reducedMotion = useReducedMotion();
  // Set synchronously so the first render already formats dates in the right language.
  setDayjsLocale(locale);
  useEffect(() => setDayjsLocale(locale), [locale]);

  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#1f5fbf',
          // WCAG AA (4.5:1) for grey text on white and on the page's #f0f2f5: labels, hints,
          // descriptions, placeholders and links; Ant Design's defaults reach only about 3:1.
          colorLink: '#1f5fbf',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          // Status colours as text (danger buttons, status tags) at 4.5:1 on white and on their
          // pale tag backgrounds; the defaults (#ff4d4f, #52c41a, #1677ff) reach 2.2–3.7:1.
          colorError: '#cf1322',
          colorSuccess: '#237804',
          colorInfo: '#1f5fbf',
          motion: !reducedMotion,
          borderRadius: 6,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
        },
        components: {
          Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 24px' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
