// /auth/callback: where the identity provider sends the person back with the authorization code.
// The code is exchanged (PKCE) for the tokens, the API says whom the token names (its roles and
// organisation as it maps the claims), and the person lands where they were going.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { sessionStore } from '../../../lib/session';
import { getMe, useSignInConfig } from '../api/sign-in-config';
import { completeSignIn } from '../oidc';
import { useAuthWords } from '../words';

export function CallbackPage() {
  const t = useAuthWords();
  const config = useSignInConfig();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A query, not an effect: the code can be exchanged once, and a query runs once per address
  // even when React renders the page twice.
  const done = useQuery({
    queryKey: ['oidc-callback', location.search],
    enabled: config.isSuccess,
    retry: false,
    staleTime: Infinity,
    meta: { quiet: true },
    queryFn: async () => {
      const { token, from } = await completeSignIn(config.data!);
      const user = await getMe(token);
      return { token, user, from };
    },
  });
  useEffect(() => {
    if (!done.data) return;
    const { token, user, from } = done.data;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'oidc-callback' && q.queryKey[0] !== 'sign-in-config' });
    sessionStore.set({ token, user });
    void navigate(from, { replace: true });
  }, [done.data, navigate, queryClient]);

  const error = config.error ?? done.error;
  if (error) {
    return (
      <Result
        status="warning"
        title={t('callback.failed')}
        extra={
          <Link to="/sign-in">
            <Button type="primary">{t('callback.again')}</Button>
          </Link>
        }
      >
        <ProblemAlert error={error} />
      </Result>
    );
  }
  return <Spin tip={t('callback.working')} style={{ display: 'block', margin: '64px auto' }}><div /></Spin>;
}
