// What an applicant does on their case (the actions the case's detail lists in `actions`): one
// request function and one mutation hook per endpoint. A second click cannot act twice: the
// buttons are disabled while a request is pending, and the workflow refuses a repeated action
// (409). Each answers with the stage after it, and the case is read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { localeStore } from '../../../lib/locale';
import { ApiProblem } from '../../../lib/problem';
import { sessionStore } from '../../../lib/session';

type Submission = NonNullable<paths['/api/applications/{id}/resubmission']['post']['requestBody']>['content']['application/json']['submission'];
export type CorrectionBody = NonNullable<paths['/api/applications/{id}/corrections']['post']['requestBody']>['content']['application/json'];

const path = (id: string) => ({ params: { path: { id } } });

export const resubmit = (id: string, submission: Submission) => call(api.POST('/api/applications/{id}/resubmission', { ...path(id), body: { submission } }));
export const submitCorrections = (id: string, body: CorrectionBody) => call(api.POST('/api/applications/{id}/corrections', { ...path(id), body }));
export const objectTo = (id: string, reason: string) => call(api.POST('/api/applications/{id}/objections', { ...path(id), body: { reason } }));
export const appeal = (id: string, reason: string) => call(api.POST('/api/applications/{id}/appeal', { ...path(id), body: { reason } }));
export const withdraw = (id: string, reason: string) => call(api.POST('/api/applications/{id}/withdrawal', { ...path(id), body: { reason } }));

export type CaseMaterialView = paths['/api/applications/{id}/materials']['post']['responses']['201']['content']['application/json'];

/** POST /api/applications/{id}/materials as multipart: a new file, optionally replacing a current material. */
export function uploadCaseMaterial(id: string, m: { file: File; kind: string; title: string; replaces?: string }): Promise<CaseMaterialView> {
  const form = new FormData();
  form.append('kind', m.kind);
  form.append('title', m.title);
  if (m.replaces) form.append('replaces', m.replaces);
  form.append('file', m.file, m.file.name);
  const headers = new Headers({ 'Accept-Language': localeStore.get() });
  const session = sessionStore.get();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  return fetch(new URL(`/api/applications/${encodeURIComponent(id)}/materials`, window.location.origin), { method: 'POST', headers, body: form }).then(async (res) => {
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw ApiProblem.from(res.status, body, res.statusText);
    return body as CaseMaterialView;
  });
}

/** After an action: the case, its materials and the list are read again. */
function useRefresh(id: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['case', id] }), client.invalidateQueries({ queryKey: ['case-materials', id] }), client.invalidateQueries({ queryKey: ['cases'] })]);
}

export function useCaseAction<V>(id: string, run: (v: V) => Promise<{ id: string; stage: string }>) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: run, onSuccess: refresh });
}

export function useUploadCaseMaterial(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { file: File; kind: string; title: string; replaces?: string }) => uploadCaseMaterial(id, m),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case-materials', id] }),
  });
}
