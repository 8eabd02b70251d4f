// The reviewer's workbench: the inbox, one case's dossier (detail, materials, eligibility) and the
// decisions, one request function and one hook per endpoint, typed from the generated client.
// The API words some fields in the request's language, so the language is part of every key.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export type InboxQuery = NonNullable<paths['/api/inbox']['get']['parameters']['query']>;

export const getInbox = (query: InboxQuery) => call(api.GET('/api/inbox', { params: { query } }));
export const getCase = (id: string) => call(api.GET('/api/applications/{id}', { params: { path: { id } } }));
export const getMaterials = (id: string) => call(api.GET('/api/applications/{id}/materials', { params: { path: { id } } }));
export const getEligibility = (id: string) => call(api.GET('/api/applications/{id}/eligibility', { params: { path: { id } } }));

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type EmployerDecision = Body<'/api/applications/{id}/employer-decision'>;
export type FormalReview = Body<'/api/applications/{id}/formal-review'>;
export type IndustryEvaluation = Body<'/api/applications/{id}/industry-evaluation'>;
export type ObjectionResolution = Body<'/api/applications/{id}/objection-resolution'>;

const header = (key: string) => ({ 'idempotency-key': key });
export const decideAsEmployer = (id: string, body: EmployerDecision, key: string) =>
  call(api.POST('/api/applications/{id}/employer-decision', { params: { path: { id }, header: header(key) }, body }));
export const decideFormalReview = (id: string, body: FormalReview, key: string) =>
  call(api.POST('/api/applications/{id}/formal-review', { params: { path: { id }, header: header(key) }, body }));
export const evaluateAsIndustry = (id: string, body: IndustryEvaluation, key: string) =>
  call(api.POST('/api/applications/{id}/industry-evaluation', { params: { path: { id }, header: header(key) }, body }));
export const resolveObjection = (id: string, body: ObjectionResolution, key: string) =>
  call(api.POST('/api/applications/{id}/objection-resolution', { params: { path: { id }, header: header(key) }, body }));

export type Inbox = Awaited<ReturnType<typeof getInbox>>;
export type InboxItem = Inbox['items'][number];
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;
export type Material = Awaited<ReturnType<typeof getMaterials>>['items'][number];
export type Eligibility = Awaited<ReturnType<typeof getEligibility>>;

/** The inbox polls every 5 s so tasks opened meanwhile (a new case, a reminder) appear. */
export function useInbox(query: InboxQuery) {
  const locale = useLocale();
  return useQuery({ queryKey: ['inbox', query, locale], queryFn: () => getInbox(query), refetchInterval: 5_000, placeholderData: keepPreviousData });
}

/** The case moves while it is open (a notice closes, another reviewer acts): polled every 5 s. */
export function useReviewCase(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['review-case', id, locale], queryFn: () => getCase(id), refetchInterval: 5_000 });
}

export function useMaterials(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['review-materials', id, locale], queryFn: () => getMaterials(id) });
}

export function useEligibility(id: string) {
  const locale = useLocale();
  return useQuery({ queryKey: ['review-eligibility', id, locale], queryFn: () => getEligibility(id) });
}

/** One decision on a case; afterwards the inbox and the case are read again. */
export function useDecision<B>(send: (id: string, body: B, key: string) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string; body: B; key: string }) => send(id, body, key),
    meta: { quiet: true },
    onSuccess: async (_, { id }) => {
      await Promise.all([client.invalidateQueries({ queryKey: ['inbox'] }), client.invalidateQueries({ queryKey: ['review-case', id] })]);
    },
  });
}
