// Supervision reports (日常监管): what an employer, the authority or the talent reports between
// assessments, and what each report did to the talent's memberships. One request function and
// one hook per endpoint; a report carries the Idempotency-Key its form made once, so a double
// click or a retry files it once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export const REPORT_KINDS = ['left-employer', 'employer-move', 'post-change', 'long-absence', 'absence-return', 'death', 'integrity-violation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Who may report which kind (the API refuses the others). */
export const REPORTED_BY: Record<ReportKind, 'employer' | 'authority' | 'applicant'> = {
  'left-employer': 'employer',
  'employer-move': 'applicant',
  'post-change': 'employer',
  'long-absence': 'employer',
  'absence-return': 'employer',
  death: 'employer',
  'integrity-violation': 'authority',
};

/** A type, not an interface: the API's `facts` is a record. */
export type ReportFacts = {
  destination?: 'outside-district' | 'in-district' | 'unknown';
  newEmployerId?: string;
  post?: string;
  eligible?: boolean;
  series?: string;
  from?: string;
  expectedUntil?: string;
  finding?: string;
};

export type NewReport = NonNullable<paths['/api/supervision-reports']['post']['requestBody']>['content']['application/json'];

/** What a report did to one membership (the API types `effects` loosely). */
export interface ReportEffect {
  membershipId: string;
  at: string;
  result: { effect: string; trigger?: string; n?: number; exitWorkflowId?: string; why?: string; to?: string; post?: string };
  undone?: { at: string; how: string };
}

type ReportReply = paths['/api/supervision-reports/{id}']['get']['responses']['200']['content']['application/json'];
export type Report = Omit<ReportReply, 'effects' | 'kind' | 'facts'> & { kind: ReportKind; facts: ReportFacts; effects: ReportEffect[]; contestGrounds?: string | null };

export type ReportQuery = NonNullable<paths['/api/supervision-reports']['get']['parameters']['query']>;

export type Membership = Awaited<ReturnType<typeof listRunningMemberships>>['items'][number];

export const listRunningMemberships = () => call(api.GET('/api/memberships', { params: { query: { status: 'running' } } }));
export const listReports = async (query: ReportQuery) => (await call(api.GET('/api/supervision-reports', { params: { query } }))) as Report[];
export const fileReport = ({ key, body }: { key: string; body: NewReport }) => call(api.POST('/api/supervision-reports', { params: { header: { 'idempotency-key': key } }, body }));
export const resolveReport = ({ id, resolution, reason }: { id: string; resolution: 'upheld' | 'overturned'; reason: string }) =>
  call(api.POST('/api/supervision-reports/{id}/resolution', { params: { path: { id } }, body: { resolution, reason } }));

export function useRunningMemberships() {
  const locale = useLocale();
  return useQuery({ queryKey: ['memberships', 'running', locale], queryFn: listRunningMemberships });
}

/** Polled: a report's effects are written by the workflow a moment after it is filed. */
export function useReports(query: ReportQuery = {}) {
  return useQuery({ queryKey: ['supervision-reports', query], queryFn: () => listReports(query), refetchInterval: 5000 });
}

export function useFileReport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: fileReport, onSuccess: () => client.invalidateQueries({ queryKey: ['supervision-reports'] }) });
}

export function useResolveReport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resolveReport, onSuccess: () => client.invalidateQueries({ queryKey: ['supervision-reports'] }) });
}
