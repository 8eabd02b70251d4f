// The pages, by path (page-table.ts). Pages behind a sign-in send a stranger to /sign-in and back
// afterwards; a signed-in user without the role sees 403, not the page.
import { Result, Spin } from 'antd';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { useChrome } from '../i18n';
import { useSession } from '../lib/session';
import { mayOpen, PAGES, type PageEntry } from './page-table';
import { Shell } from './Shell';

function Guard({ entry }: { entry: PageEntry }) {
  const session = useSession();
  const location = useLocation();
  const t = useChrome();
  if (entry.access !== 'public' && !session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (!mayOpen(entry, session?.user.roles)) return <Result status="403" title="403" subTitle={t('page.forbidden')} />;
  return <Outlet />;
}

function Loading() {
  const t = useChrome();
  return <Spin tip={t('loading')} style={{ display: 'block', margin: '64px auto' }}><div /></Spin>;
}

const routeOf = (entry: PageEntry): RouteObject => ({
  element: <Guard entry={entry} />,
  children: [{ path: entry.path, lazy: async () => ({ Component: await entry.load() }), HydrateFallback: Loading }],
});

export const router = createBrowserRouter([
  {
    element: <Shell />,
    HydrateFallback: Loading,
    children: [{ path: '/', element: <Navigate to="/cases" replace /> }, ...PAGES.map(routeOf), { path: '*', element: <Result status="404" title="404" /> }],
  },
]);
