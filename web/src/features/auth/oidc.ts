// The identity provider's sign-in: authorization code with PKCE, run in the browser by
// oidc-client-ts (loaded only when someone signs in this way, so the first page stays small).
// The provider sends the person back to /auth/callback; the pages then send the ID token (or the
// access token, OIDC_BEARER) to the API, which verifies it against the provider's keys.
import type { SignInConfig } from './api/sign-in-config';

export const CALLBACK_PATH = '/auth/callback';

/** Where to return after signing in, carried through the provider in the request's state. */
export interface ReturnState {
  from: string;
}

async function userManagerOf(config: SignInConfig) {
  if (config.mode !== 'oidc' || !config.issuer || !config.clientId) throw new Error('no identity provider configured');
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: new URL(CALLBACK_PATH, window.location.origin).href,
    response_type: 'code',
    scope: config.scopes ?? 'openid profile',
    // The session is the pages' own (lib/session.ts); the library keeps only the request's state.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
  });
}

export async function startSignIn(config: SignInConfig, from: string): Promise<void> {
  const manager = await userManagerOf(config);
  await manager.signinRedirect({ state: { from } satisfies ReturnState });
}

/** Completes the code flow at /auth/callback: the token the API accepts, and where to go. */
export async function completeSignIn(config: SignInConfig): Promise<{ token: string; from: string }> {
  const manager = await userManagerOf(config);
  const user = await manager.signinCallback();
  if (!user) throw new Error('the provider returned no user');
  const token = config.bearer === 'access_token' ? user.access_token : user.id_token;
  if (!token) throw new Error(`the provider returned no ${config.bearer ?? 'id_token'}`);
  const from = (user.state as Partial<ReturnState> | undefined)?.from;
  // Only a path of this site: never a redirect elsewhere carried in the state.
  return { token, from: from?.startsWith('/') && !from.startsWith('//') ? from : '/cases' };
}
