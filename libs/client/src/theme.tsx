import { App as AntApp, ConfigProvider, theme } from 'antd';
// The ES builds: `antd/locale/*` re-export the CommonJS ones, which bring the date pickers' strings along.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useLanguage } from './i18n';
import './antd-fixes.css';

/**
 * Kongjian's look, the web app's and the console's: a clear-sky blue with the yellow of the diamond, rounded cards on a light sky background,
 * like a Qzone space rather than an office form. The blue keeps white text above 4.5:1 contrast.
 */
export const KONGJIAN_THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1565c0',
    // antd's derived hover blue is under 4.5:1 behind white text; this one is not.
    colorPrimaryHover: '#1976d2',
    colorLink: '#1565c0',
    // Dark enough for the warning tags' text ("under review") to pass 4.5:1 on their pale background.
    colorWarning: '#9a5b00',
    // Set, not derived: from that dark seed antd would derive a greyish background that loses the contrast.
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    // The same for the green and red of status tags ("published", "rejected"): antd's are under 4.5:1.
    colorSuccess: '#2e7d32',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorInfo: '#1565c0',
    // antd's red (#ff4d4f) is under 4.5:1 on white; "delete", "block" and "revoke" must stay readable.
    colorError: '#c62828',
    colorBgLayout: '#eef4fb',
    // antd's grey texts are under 4.5:1 on white; these keep its hierarchy and pass WCAG AA.
    colorTextSecondary: '#595959',
    colorTextTertiary: '#636363',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#707070',
    borderRadius: 10,
    fontFamily:
      '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif',
  },
  components: {
    Card: { headerFontSize: 16 },
  },
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the person asked their system for less motion; follows the setting while the page is open. */
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(REDUCED_MOTION);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(REDUCED_MOTION).matches,
  );
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      // Dialogs, menus and messages appear at once for people who asked for less motion.
      theme={
        reducedMotion
          ? { ...KONGJIAN_THEME, token: { ...KONGJIAN_THEME.token, motion: false } }
          : KONGJIAN_THEME
      }
      locale={language === 'en' ? enUS : zhCN}
      // antd would write "注 册"; people (and screen readers) expect "注册".
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
