// The administrator's endpoints: one request function and one query or mutation hook each. The
// API words some fields in the request's language, so the language is part of every query key.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, openFile } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';
import type { paths } from '../../../api/schema';

export type CaseQuery = NonNullable<paths['/api/admin/cases']['get']['parameters']['query']>;
export type TaskQuery = NonNullable<paths['/api/admin/tasks']['get']['parameters']['query']>;

export const getStatistics = () => call(api.GET('/api/admin/statistics', { params: { query: {} } }));
export const searchCases = (query: CaseQuery) => call(api.GET('/api/admin/cases', { params: { query: { ...query, format: 'json' } } }));
export const searchTasks = (query: TaskQuery) => call(api.GET('/api/admin/tasks', { params: { query: { ...query, format: 'json' } } }));
export const getApplication = (id: string) => call(api.GET('/api/applications/{id}', { params: { path: { id } } }));
export const getAudit = (id: string) => call(api.GET('/api/admin/cases/{id}/audit', { params: { path: { id }, query: {} } }));
export const findUsers = (q: string) => call(api.GET('/api/admin/users', { params: { query: { ...(q.trim() ? { q: q.trim() } : {}), pageSize: 20 } } }));

export type Statistics = Awaited<ReturnType<typeof getStatistics>>;
export type CaseRow = Awaited<ReturnType<typeof searchCases>>['items'][number];
export type TaskRow = Awaited<ReturnType<typeof searchTasks>>['items'][number];
export type Application = Awaited<ReturnType<typeof getApplication>>;
export type AuditEvent = Awaited<ReturnType<typeof getAudit>>['items'][number];

export function useStatistics() {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-statistics', locale], queryFn: getStatistics });
}

/** One page at a time; the last page stays on screen while the next loads. */
export function useCaseSearch(query: CaseQuery) {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-cases', query, locale], queryFn: () => searchCases(query), placeholderData: keepPreviousData });
}

export function useTaskSearch(query: TaskQuery) {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-tasks', query, locale], queryFn: () => searchTasks(query), placeholderData: keepPreviousData });
}

/** A case under intervention moves on its own (the workflow acts): polled every 5 s. */
const WATCH_MS = 5_000;

/** The application behind a case id, when the case is a title application (else a 404 the page ignores). */
export function useApplication(id: string, enabled: boolean) {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-application', id, locale], queryFn: () => getApplication(id), enabled, refetchInterval: WATCH_MS, meta: { quiet: true } });
}

export function useAudit(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-audit', id, locale], queryFn: () => getAudit(id), refetchInterval: WATCH_MS });
}

/** Every task of one case, open and closed, with the key a reassignment names. */
export function useCaseTasks(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['admin-tasks', { case: id }, locale], queryFn: () => searchTasks({ case: id, state: 'all', pageSize: 200 }), refetchInterval: WATCH_MS });
}

/** People to hand a task to, by a part of their name or account; asked only while a form is open. */
export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({ queryKey: ['admin-users', q.trim()], queryFn: () => findUsers(q), placeholderData: keepPreviousData, enabled });
}

/** An intervention answered with the stage after it; everything about the case is read again. */
function useIntervention<B>(post: (id: string, body: B, key: string) => Promise<{ id: string; stage: string }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string; body: B; key: string }) => post(id, body, key),
    // The form shows a refusal itself (ProblemAlert), not as a message.
    meta: { quiet: true },
    onSuccess: () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('admin-') }),
  });
}

/** The Idempotency-Key the form made once: a double click or a retry acts once. */
const idempotent = (key: string) => ({ 'Idempotency-Key': key });

export interface ReassignBody {
  taskKey: string;
  assigneeId: string;
  reason: string;
}
export interface ExtendBody {
  workingDays: number;
  reason: string;
  deadline?: string;
}

export const useReassign = () =>
  useIntervention<ReassignBody>((id, body, key) => call(api.POST('/api/admin/cases/{id}/reassignment', { params: { path: { id } }, body, headers: idempotent(key) })));
export const useExtend = () =>
  useIntervention<ExtendBody>((id, body, key) => call(api.POST('/api/admin/cases/{id}/deadline-extension', { params: { path: { id } }, body, headers: idempotent(key) })));
export const useCancel = () =>
  useIntervention<{ reason: string }>((id, body, key) => call(api.POST('/api/admin/cases/{id}/cancellation', { params: { path: { id } }, body, headers: idempotent(key) })));

export function useRevoke() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ number, reason, key }: { number: string; reason: string; key: string }) =>
      call(api.POST('/api/admin/certificates/{number}/revocation', { params: { path: { number } }, body: { reason }, headers: idempotent(key) })),
    meta: { quiet: true },
    onSuccess: () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('admin-') }),
  });
}

/** The address of a search as CSV: the same filters, every row, headers in the page's language. */
export function csvPath(path: '/api/admin/cases' | '/api/admin/tasks', query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}

/** Saves a CSV export (behind the token) as a file. */
export const useDownload = () => useMutation({ mutationFn: (path: string) => openFile(path, 'download') });

export const getEntitlements = (id: string) => call(api.GET('/api/memberships/{id}/entitlements', { params: { path: { id } } }));
export const getPayables = (month: string) => call(api.GET('/api/admin/payables', { params: { query: { month, format: 'json' } } }));
export const payablesCsvPath = (month: string) => `/api/admin/payables?month=${encodeURIComponent(month)}&format=csv`;

/** A membership's entitlement of one kind (DOMAIN §5): money in whole fen, dates as Shanghai days. */
export type Entitlement = Awaited<ReturnType<typeof getEntitlements>>['items'][number];
/** What is payable in a month, one row per entitlement running for at least a day of it. */
export type Payable = Awaited<ReturnType<typeof getPayables>>['items'][number];

export function useEntitlements(membershipId: string, enabled: boolean) {
  return useQuery({ queryKey: ['admin-entitlements', membershipId], queryFn: () => getEntitlements(membershipId), enabled, refetchInterval: 5000 });
}

/** A month as the API takes it, YYYY-MM. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Asked only for a whole month: the month field is empty or half typed meanwhile. */
export function usePayables(month: string) {
  return useQuery({ queryKey: ['admin-payables', month], queryFn: () => getPayables(month), enabled: MONTH.test(month), placeholderData: keepPreviousData });
}

/** Saves the month's payables as CSV (the same address, asked for text/csv). */
export const useDownloadCsv = () => useMutation({ mutationFn: (path: string) => openFile(path, 'download') });
