// An exit review as its other parties act on it (DOMAIN §4): the employer's and the industry
// body's opinions before the committee meets, the authority's dismissal of an unfounded trigger
// (before the committee meets), the employer's improvement plan after the committee did not carry
// the exit, and the authority's approval or sending it back. One request function and one hook
// each; each carries the Idempotency-Key its form made once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, callJson } from '../../../lib/api';
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

const post = (id: string, what: string, body: unknown, key: string) =>
  callJson<{ id: string; stage: string }>('POST', `/api/exit-reviews/${encodeURIComponent(id)}/${what}`, { body, headers: { 'Idempotency-Key': key } });

export const fileOpinion = ({ id, key, as, opinion }: { id: string; key: string; as: 'employer' | 'industry'; opinion: string }) => post(id, 'opinion', { as, opinion }, key);
export const dismissTrigger = ({ id, key, reason }: { id: string; key: string; reason: string }) => post(id, 'dismissal', { reason }, key);
export const draftPlan = ({ id, key, plan }: { id: string; key: string; plan: string }) => post(id, 'plan', { plan }, key);
export const reviewPlan = ({ id, key, verdict, note }: { id: string; key: string; verdict: 'approve' | 'send-back'; note?: string }) =>
  post(id, 'plan-review', { verdict, ...(note ? { note } : {}) }, key);

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
