// Every page of the app: its path, who may open it and where it sits in the menu. The router
// (routes.tsx), the menu (Shell.tsx) and the browser test that opens every page as every role
// read this one table. Pages load on first visit (one chunk each), so the first page stays small.
import type { ComponentType } from 'react';
import type { ChromeKey } from '../i18n';

export type Role = 'applicant' | 'employer' | 'authority' | 'industry' | 'expert' | 'admin';

export interface PageEntry {
  path: string;
  /** 'public': anyone; 'signed-in': any signed-in user; otherwise the roles that may open it. */
  access: 'public' | 'signed-in' | readonly Role[];
  load: () => Promise<ComponentType>;
  /** A menu entry for those who may open it; pages reached from other pages have none. */
  menu?: ChromeKey;
  /** Menu entries sharing a group sit in one drop-down named by it (the header has room for few). */
  menuGroup?: ChromeKey;
  /** A sample address for tests when the path has parameters (:id). */
  sample?: string;
}

/** A page module's named export, as React.lazy and the router want it. */
const page =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  async () =>
    (await load())[name] as ComponentType;

export const PAGES: readonly PageEntry[] = [
  // The page a certificate's QR code opens (domain/links.ts verifyPath): anyone, signed in or not.
  { path: '/verify', access: 'public', load: page(() => import('../features/verify/components/VerifyPage'), 'VerifyPage') },
  { path: '/sign-in', access: 'public', load: page(() => import('../features/auth/components/SignInPage'), 'SignInPage') },
  // Where the identity provider sends the person back (the redirect URI registered with it).
  { path: '/auth/callback', access: 'public', load: page(() => import('../features/auth/components/CallbackPage'), 'CallbackPage') },
  { path: '/cases', access: 'signed-in', menu: 'nav.cases', load: page(() => import('../features/cases/components/CaseListPage'), 'CaseListPage') },
  { path: '/cases/:id', access: 'signed-in', load: page(() => import('../features/cases/components/CaseDetailPage'), 'CaseDetailPage'), sample: '/cases/00000000-0000-4000-8000-000000000000' },
  { path: '/memberships', access: ['applicant'], menu: 'nav.memberships', load: page(() => import('../features/talent/components/MembershipListPage'), 'MembershipListPage') },
  { path: '/memberships/:id', access: ['applicant'], load: page(() => import('../features/talent/components/MembershipPage'), 'MembershipPage'), sample: '/memberships/00000000-0000-4000-8000-00000000a001' },
  { path: '/supervision', access: ['employer', 'authority', 'applicant'], menu: 'nav.supervision', load: page(() => import('../features/supervision/components/ReportPage'), 'ReportPage') },
  { path: '/inbox', access: ['employer', 'authority', 'industry'], menu: 'nav.inbox', load: page(() => import('../features/review/components/InboxPage'), 'InboxPage') },
  { path: '/review/:id', access: ['employer', 'authority', 'industry'], load: page(() => import('../features/review/components/ReviewPage'), 'ReviewPage'), sample: '/review/00000000-0000-4000-8000-000000000000' },
  { path: '/exit-reviews/:id', access: ['employer', 'authority', 'industry'], load: page(() => import('../features/review/components/ExitReviewPage'), 'ExitReviewPage'), sample: '/exit-reviews/00000000-0000-4000-8000-00000000a001-1' },
  { path: '/admin', access: ['admin'], menu: 'nav.admin', load: page(() => import('../features/admin/components/DashboardPage'), 'DashboardPage') },
  { path: '/admin/cases', access: ['admin'], load: page(() => import('../features/admin/components/CaseSearchPage'), 'CaseSearchPage') },
  { path: '/admin/cases/:id', access: ['admin'], load: page(() => import('../features/admin/components/AdminCaseDetailPage'), 'AdminCaseDetailPage'), sample: '/admin/cases/no-such-case' },
  { path: '/admin/payables', access: ['admin'], load: page(() => import('../features/admin/components/PayablesPage'), 'PayablesPage') },
  { path: '/admin/tasks', access: ['admin'], load: page(() => import('../features/admin/components/TaskSearchPage'), 'TaskSearchPage') },
  { path: '/admin/effect', access: ['admin'], load: page(() => import('../features/admin/components/EffectPage'), 'EffectPage') },
  { path: '/admin/effect/talents/:talentId', access: ['admin'], load: page(() => import('../features/admin/components/TalentEffectPage'), 'TalentEffectPage'), sample: '/admin/effect/talents/u-li-ming' },
  { path: '/admin/meetings', access: ['admin'], menu: 'nav.admin-meetings', menuGroup: 'nav.admin-config', load: page(() => import('../features/admin-config/components/MeetingsPage'), 'MeetingsPage') },
  { path: '/admin/programmes', access: ['admin'], menu: 'nav.admin-programmes', menuGroup: 'nav.admin-config', load: page(() => import('../features/admin-config/components/ProgrammesPage'), 'ProgrammesPage') },
  { path: '/admin/policies', access: ['admin'], menu: 'nav.admin-policies', menuGroup: 'nav.admin-config', load: page(() => import('../features/admin-config/components/PoliciesPage'), 'PoliciesPage') },
  { path: '/admin/calendar', access: ['admin'], menu: 'nav.admin-calendar', menuGroup: 'nav.admin-config', load: page(() => import('../features/admin-config/components/CalendarPage'), 'CalendarPage') },
  // One route with an optional segment: the page keeps its state when a first save names the draft.
  { path: '/meetings', access: ['expert'], menu: 'nav.meetings', load: page(() => import('../features/meetings/components/MeetingListPage'), 'MeetingListPage') },
  { path: '/meetings/:id', access: ['expert'], load: page(() => import('../features/meetings/components/MeetingRoomPage'), 'MeetingRoomPage'), sample: '/meetings/none' },
  { path: '/apply/:draftId?', access: ['applicant'], load: page(() => import('../features/apply/components/ApplyPage'), 'ApplyPage'), sample: '/apply' },
];

export const mayOpen = (entry: PageEntry, roles: readonly string[] | undefined): boolean =>
  entry.access === 'public' || (roles !== undefined && (entry.access === 'signed-in' || entry.access.some((r) => roles.includes(r))));
