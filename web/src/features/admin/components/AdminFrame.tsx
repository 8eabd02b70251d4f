// The console's frame: its own sections (控制台 · 案件检索 · 待办检索 · 效果跟踪) under the one menu entry
// 管理控制台, and the theme's greys, links and hover colours darkened to the contrast WCAG AA asks
// for (antd's defaults fall short on white: secondary text 3.4:1, links 4.1:1).
import { ConfigProvider, Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useAdminWords } from '../words';

const SECTIONS = [
  { path: '/admin', key: 'nav.dashboard' },
  { path: '/admin/cases', key: 'nav.cases' },
  { path: '/admin/tasks', key: 'nav.tasks' },
  { path: '/admin/payables', key: 'nav.payables' },
  { path: '/admin/effect', key: 'nav.effect' },
] as const;

const THEME = {
  token: {
    colorLink: '#1d4ed8',
    colorLinkHover: '#1e40af',
    colorPrimaryHover: '#1e40af',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorError: '#b42318',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

/** An overdue mark readable on its own (white on dark red, 6:1), not antd's pale error tag. */
export const OVERDUE_COLOUR = '#b42318';

export function AdminFrame({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={THEME}>
      <AdminNav />
      {children}
    </ConfigProvider>
  );
}

function AdminNav() {
  const t = useAdminWords();
  const { pathname } = useLocation();
  // The deepest section the address is in: /admin/cases/x is under 案件检索.
  const current = [...SECTIONS].reverse().find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path ?? '/admin';
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="horizontal"
        selectedKeys={[current]}
        style={{ marginBottom: 16, background: 'transparent' }}
        items={SECTIONS.map((s) => ({ key: s.path, label: <Link to={s.path}>{t(s.key)}</Link> }))}
      />
    </nav>
  );
}
