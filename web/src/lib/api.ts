// The API client, typed from the API's OpenAPI document (api/schema.d.ts, `npm run web:api`):
// a changed API breaks the build, not the user. Every call says the page's language
// (Accept-Language) and, when someone is signed in, carries their token.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { localeStore } from './locale';
import { ApiProblem } from './problem';
import { sessionStore } from './session';

const identify: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', localeStore.get());
    const session = sessionStore.get();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or refused token ends the session: the pages send the person to sign in again.
    if (response.status === 401 && request.headers.has('Authorization')) sessionStore.set(null);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(identify);

/** The data of a call, or its problem details thrown as an ApiProblem. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || error !== undefined) throw ApiProblem.from(response.status, error, response.statusText);
  return data as T;
}

/** A file the API serves behind the token (a material, a PDF), opened in a new tab or saved. */
export async function openFile(path: string, how: 'view' | 'download', fileName?: string): Promise<void> {
  const headers = new Headers({ 'Accept-Language': localeStore.get() });
  const session = sessionStore.get();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  // Opened before the fetch, so the browser still counts it as the click's own window.
  const tab = how === 'view' ? window.open('', '_blank') : null;
  const response = await fetch(new URL(path, window.location.origin), { headers });
  if (!response.ok) {
    tab?.close();
    const body: unknown = await response.json().catch(() => undefined);
    throw ApiProblem.from(response.status, body, response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName ?? fileNameOf(response) ?? 'download';
    a.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameOf(response: Response): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

/** A file the API serves behind the token, as a blob: URL to show inline (revoke it when done). */
export async function fileBlobUrl(path: string): Promise<{ url: string; type: string }> {
  const headers = new Headers({ 'Accept-Language': localeStore.get() });
  const session = sessionStore.get();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  const response = await fetch(new URL(path, window.location.origin), { headers });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw ApiProblem.from(response.status, body, response.statusText);
  }
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type || (response.headers.get('Content-Type') ?? '') };
}
