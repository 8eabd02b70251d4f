// The console's own sections (控制台 · 案件检索 · 待办检索), under the one menu entry 管理控制台.
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useAdminWords } from '../words';

const SECTIONS = [
  { path: '/admin', key: 'nav.dashboard' },
  { path: '/admin/cases', key: 'nav.cases' },
  { path: '/admin/tasks', key: 'nav.tasks' },
] as const;

export function AdminNav() {
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
