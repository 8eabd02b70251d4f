// A talent's membership of a programme: its detail (the live assessment while it runs), the
// cycle's self-report (述职) and the defence (陈述申辩) in an open exit review.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export type SelfReport = NonNullable<paths['/api/memberships/{id}/self-report']['post']['requestBody']>['content']['application/json'];
export type Defence = NonNullable<paths['/api/exit-reviews/{id}/defence']['post']['requestBody']>['content']['application/json'];

export type MembershipSummary = paths['/api/memberships']['get']['responses']['200']['content']['application/json']['items'][number];

export const listMemberships = () => call(api.GET('/api/memberships', {}));
export const getMembership = (id: string) => call(api.GET('/api/memberships/{id}', { params: { path: { id } } }));
export const submitSelfReport = (id: string, body: SelfReport) => call(api.POST('/api/memberships/{id}/self-report', { params: { path: { id } }, body }));
export const fileDefence = (reviewId: string, body: Defence) => call(api.POST('/api/exit-reviews/{id}/defence', { params: { path: { id: reviewId } }, body }));

/** What the page reads of the live assessment (the API types it loosely: `live`). */
export interface LiveAssessment {
  stage: string;
  selfReported: boolean;
  cycle: { index: number; of: number };
  deadlines: { purpose: string; dueAt: string }[];
  exitReview?: { n: number; workflowId: string; trigger: string };
}

export function useMyMemberships() {
  const locale = useLocale();
  return useQuery({ queryKey: ['memberships', locale], queryFn: listMemberships });
}

/** Polled while it runs: the assessment moves on (a window opens, evaluators score) without this page. */
export function useMembership(id: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['membership', id, locale],
    queryFn: () => getMembership(id),
    refetchInterval: (q) => (q.state.data?.live ? 5000 : false),
  });
}

export function useSelfReport(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: SelfReport) => submitSelfReport(id, body), onSuccess: () => client.invalidateQueries({ queryKey: ['membership', id] }) });
}

export function useDefence(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, body }: { reviewId: string; body: Defence }) => fileDefence(reviewId, body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['membership', id] }), client.invalidateQueries({ queryKey: ['exit-review'] })]),
  });
}

// Supervision reports about the talent (日常监管) and the exit reviews of a membership.
export interface ReportAbout {
  id: string;
  kind: string;
  occurredOn: string;
  statement: string;
  effects: { membershipId: string; at: string; result: { effect: string; trigger?: string; exitWorkflowId?: string; why?: string }; undone?: { at: string; how: string } }[];
  contestBy: string | null;
  status: 'recorded' | 'contested' | 'upheld' | 'overturned';
  contestGrounds?: string | null;
  resolution?: string | null;
  resolutionReason?: string | null;
  createdAt: string;
}

export const listReportsAbout = async (membershipId: string) => (await call(api.GET('/api/supervision-reports', { params: { query: { membershipId } } }))) as ReportAbout[];
export const contestReport = ({ id, grounds }: { id: string; grounds: string }) => call(api.POST('/api/supervision-reports/{id}/contest', { params: { path: { id } }, body: { grounds } }));
export const getExitReview = (id: string) => call(api.GET('/api/exit-reviews/{id}', { params: { path: { id } } }));
export const appealExit = ({ id, reason }: { id: string; reason: string }) => call(api.POST('/api/exit-reviews/{id}/appeal', { params: { path: { id } }, body: { reason } }));

/** What the page reads of an exit review's live status (the API types it loosely: `live`). */
export interface LiveExitReview {
  stage: string;
  deadlines: { purpose: string; dueAt: string }[];
  defence?: { filedAt: string; statement: string };
  decision?: { decision: 'exit' | 'retain' | 'dismiss'; reason: string; improvementPlan?: string; round: number };
  appealRounds: number;
}

/** Polled: a report's effects and the talent's contest window move without this page. */
export function useReportsAbout(membershipId: string) {
  return useQuery({ queryKey: ['reports-about', membershipId], queryFn: () => listReportsAbout(membershipId), refetchInterval: 5000 });
}

export function useContest(membershipId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: contestReport, onSuccess: () => client.invalidateQueries({ queryKey: ['reports-about', membershipId] }) });
}

/** The stages an exit review ends in. */
const ENDED = ['exited', 'retained', 'dismissed', 'cancelled'];

/** Polled while it runs: the committee meets and decides, the appeal window closes, without this page. */
export function useExitReview(id: string, membershipId: string) {
  const locale = useLocale();
  const client = useQueryClient();
  return useQuery({
    queryKey: ['exit-review', id, locale],
    queryFn: async () => {
      const review = await getExitReview(id);
      // A review that has ended changes the membership too (an exit ends it): read it again now.
      if (ENDED.includes(review.stage)) await client.invalidateQueries({ queryKey: ['membership', membershipId] });
      return review;
    },
    refetchInterval: (q) => (q.state.data && !ENDED.includes(q.state.data.stage) ? 5000 : false),
  });
}

export function useAppeal(membershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: appealExit,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['exit-review'] }), client.invalidateQueries({ queryKey: ['membership', membershipId] })]),
  });
}
