import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'fayuan.elderMode';
const ElderModeContext = createContext<{ on: boolean; toggle: () => void }>({
  on: false,
  toggle: () => undefined,
});

function stored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * 长辈模式, as Chinese government sites offer it: larger type, taller controls and a single column,
 * by one Ant Design theme and one class on the portal's root (never per-page), remembered in this
 * browser.
 */
export function ElderModeProvider({ children }: { children: (on: boolean) => ReactNode }) {
  const [on, setOn] = useState(stored);
  const toggle = () =>
    setOn((value) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, value ? 'off' : 'on');
      } catch {
        // Storage may be unavailable; the switch still applies to this page.
      }
      return !value;
    });
  return (
    <ElderModeContext.Provider value={{ on, toggle }}>
      <ConfigProvider
        theme={on ? { token: { fontSize: 20, controlHeight: 52, controlHeightLG: 56, lineHeight: 1.7 } } : {}}
      >
        {children(on)}
      </ConfigProvider>
    </ElderModeContext.Provider>
  );
}

/** The switch in the portal's header: a toggle button (aria-pressed). */
export function ElderModeSwitch() {
  const { t } = useTranslation();
  const { on, toggle } = useContext(ElderModeContext);
  return (
    <Button size="large" ghost aria-pressed={on} onClick={toggle}>
      {t('portal.elderMode')}
    </Button>
  );
}
