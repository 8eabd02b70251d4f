// /sign-in: the demo users of a development deployment, each one click from being signed in.
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { isProblem } from '../../../lib/problem';
import { sessionStore } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { useDevSignIn, useDevUsers } from '../api/dev-sign-in';

export function SignInPage() {
  const t = useChrome();
  const { label } = useWords();
  const users = useDevUsers();
  const signIn = useDevSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? '/cases';

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
