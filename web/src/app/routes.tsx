// The pages, by path. Pages behind a sign-in send a stranger to /sign-in and back afterwards.
import { Result } from 'antd';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { ApplyPage } from '../features/apply/components/ApplyPage';
import { CaseDetailPage } from '../features/cases/components/CaseDetailPage';
import { CaseListPage } from '../features/cases/components/CaseListPage';
import { SignInPage } from '../features/auth/components/SignInPage';
import { useSession } from '../lib/session';
import { Shell } from './Shell';

function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <Navigate to="/cases" replace /> },
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/cases', element: <CaseListPage /> },
          { path: '/cases/:id', element: <CaseDetailPage /> },
          // One route with an optional segment: the page keeps its state when a first save names the draft.
          { path: '/apply/:draftId?', element: <ApplyPage /> },
        ],
      },
      { path: '*', element: <Result status="404" title="404" /> },
    ],
  },
]);
