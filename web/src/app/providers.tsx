// One ConfigProvider at the root (antd's zh-CN or en locale, following the page's language), the
// query client, and antd's App for messages. Buttons keep their words as written (no space
// inserted between two Chinese characters: 下载, not 下 载).
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { ProblemMessages } from '../components/ProblemMessages';
import { useLocale } from '../lib/locale';
import { queryClient } from '../lib/query-client';

// Links in the primary colour, and an empty table's words, at the contrast WCAG AA asks for
// (antd's default link blue is 4.1:1 on white; it greys empty tables to 1.8:1 and descriptions' labels to 3.4:1).
const THEME = { token: { colorPrimary: '#1d4ed8', colorLink: '#1d4ed8', borderRadius: 6 }, components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' }, Descriptions: { labelColor: 'rgba(0, 0, 0, 0.65)' } } };

export function Providers({ children }: { children: ReactNode }) {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          <ProblemMessages />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
