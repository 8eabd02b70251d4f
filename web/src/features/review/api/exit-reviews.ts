// An exit review as its other parties act on it (DOMAIN §4): the employer's and the industry
// body's opinions before the committee meets, the authority's dismissal of an unfounded trigger
// (before the committee meets), the employer's improvement plan after the committee did not carry
// the exit, and the authority's approval or sending it back. One request function and one hook
// each; each carries the Idempotency-Key its form made once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export const getExitReview = (id: string) => call(api.GET('/api/exit-reviews/{id}', { params: { path: { id } } }));
export type ExitReview = Awaited<ReturnType<typeof getExitReview>>;

/** What the page reads of the live status (the API types it loosely: `live`). */
export interface LiveExitReview {
  stage: string;
  deadlines: { purpose: string; dueAt: string }[];
  defence?: { filedAt: string; statement: string };
  opinions?: { as: 'employer' | 'industry'; opinion: string; filedAt: string }[];
  planDraft?: { plan: string; draftedBy: string; sentBack?: string };
  decision?: { decision: string; reason: string; improvementPlan?: string; round: number };
  pendingTasks: { taskKey: string; kind: string; assigneeId?: string | null; assigneeRole?: string | null }[];
}

const header = (key: string) => ({ 'idempotency-key': key });

export const fileOpinion = ({ id, key, as, opinion }: { id: string; key: string; as: 'employer' | 'industry'; opinion: string }) =>
  call(api.POST('/api/exit-reviews/{id}/opinion', { params: { path: { id }, header: header(key) }, body: { as, opinion } }));
export const dismissTrigger = ({ id, key, reason }: { id: string; key: string; reason: string }) =>
  call(api.POST('/api/exit-reviews/{id}/dismissal', { params: { path: { id }, header: header(key) }, body: { reason } }));
export const draftPlan = ({ id, key, plan }: { id: string; key: string; plan: string }) => call(api.POST('/api/exit-reviews/{id}/plan', { params: { path: { id }, header: header(key) }, body: { plan } }));
export const reviewPlan = ({ id, key, verdict, note }: { id: string; key: string; verdict: 'approve' | 'send-back'; note?: string }) =>
  call(api.POST('/api/exit-reviews/{id}/plan-review', { params: { path: { id }, header: header(key) }, body: { verdict, ...(note ? { note } : {}) } }));

/** The review moves without this page (the talent files a defence, the committee meets): polled every 5 s while it runs. */
export function useExitReview(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['exit-review', id, locale], queryFn: () => getExitReview(id), refetchInterval: (q) => (q.state.data?.live ? 5_000 : false) });
}

export function useExitAction<V>(id: string, fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { quiet: true },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['exit-review', id] }), client.invalidateQueries({ queryKey: ['inbox'] })]),
  });
}
