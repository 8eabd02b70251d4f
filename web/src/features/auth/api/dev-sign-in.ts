// Development sign-in (GET /api/dev/users, POST /api/dev/token): present only when the API runs
// with TL_DEV_MODE=true; otherwise both answer 404.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api';

export const getDevUsers = () => call(api.GET('/api/dev/users'));
export const mintDevToken = (userId: string) => call(api.POST('/api/dev/token', { body: { userId } }));

/** meta.quiet: a 404 here means "dev mode is off", which the page says itself. */
export const useDevUsers = () => useQuery({ queryKey: ['dev-users'], queryFn: getDevUsers, retry: false, meta: { quiet: true } });
export const useDevSignIn = () => useMutation({ mutationFn: mintDevToken });
