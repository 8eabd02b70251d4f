// Supervision reports (日常监管): what an employer, the authority or the talent reports between
// assessments, and what each report did to the talent's memberships. One request function and
// one hook per endpoint; a report carries the Idempotency-Key its form made once, so a double
// click or a retry files it once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, callJson } from '../../../lib/api';
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

export interface ReportFacts {
  destination?: 'outside-district' | 'in-district' | 'unknown';
  newEmployerId?: string;
  post?: string;
  eligible?: boolean;
  series?: string;
  from?: string;
  expectedUntil?: string;
  finding?: string;
}

export interface NewReport {
  talentId: string;
  kind: ReportKind;
  occurredOn: string;
  statement: string;
  facts: ReportFacts;
  evidence: string[];
}

export interface ReportEffect {
  membershipId: string;
  at: string;
  result: { effect: string; trigger?: string; n?: number; exitWorkflowId?: string; why?: string; to?: string; post?: string };
  undone?: { at: string; how: string };
}

export interface Report {
  id: string;
  talentId: string;
  kind: ReportKind;
  reportedAs: string;
  occurredOn: string;
  statement: string;
  facts: ReportFacts;
  effects: ReportEffect[];
  contestBy: string | null;
  status: 'recorded' | 'contested' | 'upheld' | 'overturned';
  contestGrounds?: string | null;
  resolution?: string | null;
  resolutionReason?: string | null;
  createdAt: string;
}

export interface ReportQuery {
  talentId?: string;
  membershipId?: string;
  status?: string;
}

export type Membership = Awaited<ReturnType<typeof listRunningMemberships>>['items'][number];

export const listRunningMemberships = () => call(api.GET('/api/memberships', { params: { query: { status: 'running' } } }));
export const listReports = (query: ReportQuery) => callJson<{ items: Report[] }>('GET', '/api/supervision-reports', { query: { ...query } });
export const fileReport = ({ key, body }: { key: string; body: NewReport }) => callJson<Report>('POST', '/api/supervision-reports', { body, headers: { 'Idempotency-Key': key } });
export const resolveReport = ({ id, resolution, reason }: { id: string; resolution: 'upheld' | 'overturned'; reason: string }) =>
  callJson<Report>('POST', `/api/supervision-reports/${encodeURIComponent(id)}/resolution`, { body: { resolution, reason } });

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
