// /memberships: the talent's programme memberships (我的人才计划), each with its programme,
// employer, stage and status; a row opens the membership's page.
import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useMyMemberships, type MembershipSummary } from '../api/memberships';
import { useTalentWords } from '../words';

export function MembershipListPage() {
  const w = useTalentWords();
  const locale = useLocale();
  const { label } = useWords();
  const memberships = useMyMemberships();
  return (
    <Card title={w('list.title')}>
      {memberships.error && <ProblemAlert error={memberships.error} />}
      <Table<MembershipSummary>
        rowKey="id"
        loading={memberships.isPending}
        dataSource={memberships.data?.items ?? []}
        locale={{ emptyText: w('list.empty') }}
        pagination={false}
        columns={[
          { title: w('list.programme'), key: 'programme', render: (_, m) => <Link to={`/memberships/${m.id}`}>{m.labels.programme}</Link> },
          { title: w('list.employer'), key: 'employer', render: (_, m) => m.labels.employer },
          { title: w('list.series-level'), key: 'series', render: (_, m) => `${label('series', m.series)} · ${label('level', m.level)}` },
          { title: w('stage'), key: 'stage', render: (_, m) => m.labels.stage },
          { title: w('status'), key: 'status', render: (_, m) => m.labels.status },
          { title: w('list.admitted'), dataIndex: 'admittedAt', render: (at: string) => formatInstantDay(locale, at) },
        ]}
      />
    </Card>
  );
}
