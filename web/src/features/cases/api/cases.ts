// The applicant's cases: one request function and one query hook per endpoint. The API words
// some fields in the request's language, so the language is part of every key.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call, openFile } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export const getMyCases = () => call(api.GET('/api/applications', { params: { query: { page: 1, pageSize: 50 } } }));
export const getCase = (id: string) => call(api.GET('/api/applications/{id}', { params: { path: { id } } }));
export const getCaseMaterials = (id: string) => call(api.GET('/api/applications/{id}/materials', { params: { path: { id } } }));

export type CaseSummary = Awaited<ReturnType<typeof getMyCases>>['items'][number];
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;
export type Material = Awaited<ReturnType<typeof getCaseMaterials>>['items'][number];

export function useMyCases() {
  const locale = useLocale();
  return useQuery({ queryKey: ['cases', locale], queryFn: getMyCases });
}

/**
 * One case. `poll` reads it again every few seconds while it is open: the case moves on without
 * the applicant (an employer decides, a notice ends, a deadline passes), and the page should show
 * the new stage, deadline and actions without a reload. An ended case is not polled.
 */
export function useCase(id: string, { poll = false }: { poll?: boolean } = {}) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['case', id, locale],
    queryFn: () => getCase(id),
    refetchInterval: (q) => (poll && q.state.data?.status === 'open' ? 4000 : false),
  });
}

export const getCertificate = (id: string) => call(api.GET('/api/applications/{id}/certificate', { params: { path: { id }, query: { format: 'json' } } }));
export type Certificate = Awaited<ReturnType<typeof getCertificate>>;

/** The certificate of a certified case: its number, verification code and the page that verifies it. */
export function useCertificate(id: string, enabled: boolean) {
  const locale = useLocale();
  return useQuery({ queryKey: ['certificate', id, locale], queryFn: () => getCertificate(id), enabled });
}

export function useCaseMaterials(id: string, { poll = false }: { poll?: boolean } = {}) {
  const locale = useLocale();
  return useQuery({ queryKey: ['case-materials', id, locale], queryFn: () => getCaseMaterials(id), refetchInterval: poll ? 4000 : false });
}

/** A file behind the token: a material, the form, the certificate. Failures show as messages. */
export const useOpenFile = () =>
  useMutation({ mutationFn: ({ path, how, fileName }: { path: string; how: 'view' | 'download'; fileName?: string }) => openFile(path, how, fileName) });

export const formPath = (id: string) => `/api/applications/${encodeURIComponent(id)}/form`;
export const certificatePdfPath = (id: string) => `/api/applications/${encodeURIComponent(id)}/certificate?format=pdf`;
