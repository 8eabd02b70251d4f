// How this deployment signs people in (GET /api/auth/config) and whom a fresh token names
// (GET /api/auth/me, as the API maps the provider's claims to roles and organisation).
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api';

export const getSignInConfig = () => call(api.GET('/api/auth/config'));
export const useSignInConfig = () => useQuery({ queryKey: ['sign-in-config'], queryFn: getSignInConfig, staleTime: Infinity });
export type SignInConfig = Awaited<ReturnType<typeof getSignInConfig>>;

/** The user a token names; the token is not the session's yet, so it goes in this call only. */
export const getMe = (token: string) => call(api.GET('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } }));
