// /sign-in: as this deployment offers (GET /api/auth/config): the identity provider's sign-in
// (统一身份认证, code flow with PKCE), or in a development deployment the demo users, each one
// click from being signed in; otherwise it says that no sign-in is offered here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { isProblem } from '../../../lib/problem';
import { sessionStore } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { useDevSignIn, useDevUsers } from '../api/dev-sign-in';
import { useSignInConfig, type SignInConfig } from '../api/sign-in-config';
import { startSignIn } from '../oidc';
import { useAuthWords } from '../words';

export function SignInPage() {
  const t = useChrome();
  const config = useSignInConfig();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/cases';
  if (config.isPending) return <Spin tip={t('loading')} style={{ display: 'block', margin: '64px auto' }}><div /></Spin>;
  if (config.error) return <ProblemAlert error={config.error} />;
  if (config.data.mode === 'oidc') return <ProviderSignIn config={config.data} from={from} />;
  if (config.data.mode === 'dev') return <DevSignIn from={from} />;
  return <Result status="404" title={t('sign-in.unavailable')} subTitle={t('sign-in.unavailable-hint')} />;
}

/** The identity provider: one button; the provider's own pages ask who you are. */
function ProviderSignIn({ config, from }: { config: SignInConfig; from: string }) {
  const t = useAuthWords();
  // Pending from the click until the browser has left for the provider.
  const go = useMutation({ mutationFn: () => startSignIn(config, from) });
  return (
    <Card title={t('oidc.title')} style={{ maxWidth: 560, margin: '48px auto' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('oidc.hint')}</Typography.Paragraph>
        {go.error && <ProblemAlert error={go.error} />}
        <Button type="primary" size="large" block loading={go.isPending || go.isSuccess} onClick={() => go.mutate()}>
          {t('oidc.sign-in')}
        </Button>
      </Space>
    </Card>
  );
}

function DevSignIn({ from }: { from: string }) {
  const t = useChrome();
  const { label } = useWords();
  const users = useDevUsers();
  const signIn = useDevSignIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (isProblem(users.error, 404)) {
    return <Result status="404" title={t('sign-in.unavailable')} subTitle={t('sign-in.unavailable-hint')} />;
  }
  const choose = (userId: string) =>
    signIn.mutate(userId, {
      onSuccess: ({ token, user }) => {
        queryClient.clear();
        sessionStore.set({ token, user });
        void navigate(from, { replace: true });
      },
    });

  return (
    <Card title={t('sign-in.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('sign-in.hint')}</Typography.Paragraph>
        {users.error && <ProblemAlert error={users.error} />}
        <Table
          rowKey="id"
          loading={users.isPending}
          pagination={false}
          dataSource={users.data?.items ?? []}
          columns={[
            { title: 'ID', dataIndex: 'id' },
            { title: t('sign-in.name'), dataIndex: 'name' },
            { title: t('sign-in.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{label('role', r)}</Tag>) },
            { title: t('sign-in.organisation'), dataIndex: 'organisationId', render: (org: string | null) => org ?? '—' },
            {
              title: '',
              key: 'sign-in',
              render: (_: unknown, u) => (
                <Button type="primary" loading={signIn.isPending && signIn.variables === u.id} onClick={() => choose(u.id)}>
                  {t('sign-in.as')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
