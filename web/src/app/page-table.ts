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
  /** A sample address for tests when the path has parameters (:id). */
  sample?: string;
}

/** A page module's named export, as React.lazy and the router want it. */
const page =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  async () =>
    (await load())[name] as ComponentType;

export const PAGES: readonly PageEntry[] = [
  { path: '/sign-in', access: 'public', load: page(() => import('../features/auth/components/SignInPage'), 'SignInPage') },
  { path: '/cases', access: 'signed-in', menu: 'nav.cases', load: page(() => import('../features/cases/components/CaseListPage'), 'CaseListPage') },
  { path: '/cases/:id', access: 'signed-in', load: page(() => import('../features/cases/components/CaseDetailPage'), 'CaseDetailPage') },
  // One route with an optional segment: the page keeps its state when a first save names the draft.
  { path: '/meetings', access: ['expert'], menu: 'nav.meetings', load: page(() => import('../features/meetings/components/MeetingListPage'), 'MeetingListPage') },
  { path: '/meetings/:id', access: ['expert'], load: page(() => import('../features/meetings/components/MeetingRoomPage'), 'MeetingRoomPage'), sample: '/meetings/none' },
  { path: '/apply/:draftId?', access: ['applicant'], load: page(() => import('../features/apply/components/ApplyPage'), 'ApplyPage'), sample: '/apply' },
];

export const mayOpen = (entry: PageEntry, roles: readonly string[] | undefined): boolean =>
  entry.access === 'public' || (roles !== undefined && (entry.access === 'signed-in' || entry.access.some((r) => roles.includes(r))));
