// Entry of the admin single-page app: Chinese locale for antd and dayjs, then the session gate.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { AdminApp } from './App.tsx';
import { SessionProvider } from './session.tsx';
import { adminTheme } from './theme.ts';
import './admin.css';

dayjs.locale('zh-cn');

// antd's locale files are ES modules in a package not marked "type": "module", so TypeScript
// sees a CommonJS namespace while Vite hands over the locale object itself; accept both.
const zhCNRaw = zhCNModule as unknown as Locale | { default: Locale };
const zhCN: Locale = 'locale' in zhCNRaw ? zhCNRaw : zhCNRaw.default;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No automatic space between two Chinese characters in buttons ("登 录"): screen readers
        would read it, and the label should match the visible word. */}
    <ConfigProvider locale={zhCN} theme={adminTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <AdminApp />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
