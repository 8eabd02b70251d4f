// The frame of every page: the header with the menu, the language switch and who is signed in.
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useChrome } from '../i18n';
import { localeStore, useLocale, type Locale } from '../lib/locale';
import { sessionStore, useSession } from '../lib/session';
import { mayOpen, PAGES, type PageEntry } from './page-table';

type MenuItem = { key: string; label: ReactNode; children?: MenuItem[] };

/** The header's entries in table order; a group's entries in one drop-down where its first one stands. */
function menuItems(entries: readonly PageEntry[], t: ReturnType<typeof useChrome>): MenuItem[] {
  const items: MenuItem[] = [];
  for (const p of entries) {
    const item = { key: p.path, label: <Link to={p.path} style={{ color: 'inherit' }}>{t(p.menu!)}</Link> };
    if (!p.menuGroup) {
      items.push(item);
      continue;
    }
    const group = items.find((i) => i.key === p.menuGroup);
    if (group) group.children!.push(item);
    else items.push({ key: p.menuGroup, label: t(p.menuGroup), children: [item] });
  }
  return items;
}

export function Shell() {
  const t = useChrome();
  const locale = useLocale();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = () => {
    sessionStore.set(null);
    queryClient.clear();
    void navigate('/sign-in');
  };
  // Each menu entry is keyed by its path (several pages share a first segment, e.g. /admin/…);
  // the entry whose path is the longest prefix of the address is the one selected.
  const entries = PAGES.filter((p) => p.menu && session && mayOpen(p, session.user.roles));
  const here = location.pathname;
  const selected = entries.map((p) => p.path).filter((path) => here === path || here.startsWith(`${path}/`)).sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          style={{ flex: 1, minWidth: 0 }}
          items={menuItems(entries, t)}
        />
        <Space>
          <Segmented<Locale>
            aria-label={t('language.label')}
            value={locale}
            onChange={(v) => localeStore.set(v)}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          {session ? (
            <>
              <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-user">
                {session.user.name} ({session.user.id})
              </Typography.Text>
              <Button onClick={signOut}>{t('nav.sign-out')}</Button>
            </>
          ) : (
            <Link to="/sign-in">
              <Button type="primary">{t('nav.sign-in')}</Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
