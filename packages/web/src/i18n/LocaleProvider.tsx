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
/**
 * Toasts start below a drawer's header (at most 65 px with its buttons), so a success message
 * never covers the title of the drawer it concerns; a dialog's title starts lower (top 100 px).
 */
const MESSAGE_TOP = 72;

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
          // Red text (danger buttons, errors) at 4.5:1 on white; the default #ff4d4f reaches 3.3:1.
          colorError: '#cf1322',
          motion: !reducedMotion,
          borderRadius: 6,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
        },
        components: {
          Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 24px' },
          // Tag text at 4.5:1 on the tags' pale backgrounds: the status colours and the palettes'
          // 7th steps (#389e0d, #d46b08 …) reach 2.2–4.4:1; a darker step of each, same hue.
          Tag: {
            colorSuccess: '#237804',
            colorInfo: '#1f5fbf',
            colorWarning: '#874d00',
            green7: '#237804',
            orange7: '#ad4e00',
            volcano7: '#ad2102',
            gold7: '#874d00',
            cyan7: '#006d75',
            lime7: '#3f6600',
            blue7: '#0958d9',
          },
          // An empty table's 暂无数据 at 4.5:1 (it is drawn in the disabled grey).
          Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
          Empty: { colorTextDescription: 'rgba(0, 0, 0, 0.62)' },
          // Warning text (Typography type="warning") at 4.5:1; the default #faad14 reaches 1.9:1.
          Typography: { colorWarningText: '#874d00' },
          // A calendar's days of the neighbouring months at 4.5:1 (drawn in the disabled grey).
          Calendar: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
        },
      }}
    >
      <AntApp message={{ top: MESSAGE_TOP }}>{children}</AntApp>
    </ConfigProvider>
  );
}
