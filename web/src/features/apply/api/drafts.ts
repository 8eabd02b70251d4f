// The applicant's drafts (申报向导): one request function and one hook per endpoint, typed from
// the generated client. An upload goes by XMLHttpRequest, the one browser API that reports its
// progress, with the same token and language as every other call.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { localeStore, useLocale } from '../../../lib/locale';
import { ApiProblem } from '../../../lib/problem';
import { sessionStore } from '../../../lib/session';

export type DraftContent = NonNullable<paths['/api/drafts']['post']['requestBody']>['content']['application/json']['content'];

export const getDraft = (id: string) => call(api.GET('/api/drafts/{id}', { params: { path: { id } } }));
export const createDraft = (content: DraftContent) => call(api.POST('/api/drafts', { body: { content } }));
export const updateDraft = (id: string, content: DraftContent) => call(api.PUT('/api/drafts/{id}', { params: { path: { id } }, body: { content } }));
export const checkDraft = (id: string) => call(api.POST('/api/drafts/{id}/check', { params: { path: { id } } }));
export const submitDraft = (id: string, key: string) => call(api.POST('/api/drafts/{id}/submit', { params: { path: { id }, header: { 'idempotency-key': key } } }));
export const deleteMaterial = (id: string, materialId: string) => call(api.DELETE('/api/drafts/{id}/materials/{materialId}', { params: { path: { id, materialId } } }));

export type Draft = Awaited<ReturnType<typeof getDraft>>;
export type DraftMaterial = Draft['materials'][number];
export type CheckReply = Awaited<ReturnType<typeof checkDraft>>;

export interface MaterialUpload {
  file: File;
  kind: string;
  title: string;
  achievement?: number;
}

/** POST /api/drafts/{id}/materials as multipart, reporting the share sent (0–100). */
export function uploadMaterial(draftId: string, m: MaterialUpload, onProgress: (percent: number) => void): Promise<DraftMaterial> {
  const form = new FormData();
  form.append('kind', m.kind);
  form.append('title', m.title);
  if (m.achievement !== undefined) form.append('achievement', String(m.achievement));
  form.append('file', m.file, m.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL(`/api/drafts/${encodeURIComponent(draftId)}/materials`, window.location.origin));
    xhr.setRequestHeader('Accept-Language', localeStore.get());
    const session = sessionStore.get();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as DraftMaterial);
      else reject(ApiProblem.from(xhr.status, body, xhr.statusText));
    };
    xhr.onerror = () => reject(new Error(xhr.statusText || 'network error'));
    xhr.send(form);
  });
}

export function useDraft(id: string | undefined) {
  const locale = useLocale();
  return useQuery({ queryKey: ['draft', id, locale], queryFn: () => getDraft(id!), enabled: id !== undefined });
}

/** Saves the content: creates the draft the first time, replaces its content after. */
export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, content }: { id: string | undefined; content: DraftContent }) => (id ? updateDraft(id, content) : createDraft(content)),
    onSuccess: (draft) => client.setQueriesData({ queryKey: ['draft', draft.id] }, draft),
  });
}

export const useCheckDraft = () => useMutation({ mutationFn: checkDraft });

/** A refused submission (422) shows its findings on the page, not as a message. */
export const useSubmitDraft = () => useMutation({ mutationFn: ({ id, key }: { id: string; key: string }) => submitDraft(id, key), meta: { quiet: true } });

export function useDeleteMaterial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, materialId }: { id: string; materialId: string }) => deleteMaterial(id, materialId),
    onSuccess: (_, { id }) => client.invalidateQueries({ queryKey: ['draft', id] }),
  });
}

/** The signed-in applicant with their organisation by name: the wizard names the employer. */
export const getMe = () => call(api.GET('/api/auth/me'));

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: getMe, staleTime: 5 * 60_000 });
}
