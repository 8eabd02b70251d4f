// /cases: my applications, with each one's 受理编号, series and level, stage and the last day of
// its running deadline (the list API names it: no request per row).
import { Button, Card, Table } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useMyCases, type CaseSummary } from '../api/cases';

export function CaseListPage() {
  const t = useChrome();
  const locale = useLocale();
  const { label, word } = useWords();
  const cases = useMyCases();
  return (
    <Card
      title={t('cases.title')}
      extra={
        <Link to="/apply">
          <Button type="primary">{t('apply.new')}</Button>
        </Link>
      }
    >
      {cases.error && <ProblemAlert error={cases.error} />}
      <Table<CaseSummary>
        rowKey="id"
        loading={cases.isPending}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: t('cases.empty') }}
        pagination={false}
        columns={[
          { title: word('api.case-number', '受理编号'), dataIndex: 'caseNumber', render: (n: string | null, c) => <Link to={`/cases/${c.id}`}>{n ?? c.id.slice(0, 8)}</Link> },
          { title: t('cases.series-level'), key: 'series', render: (_, c) => `${label('series', c.series)} · ${label('level', c.level)}` },
          { title: t('cases.stage'), dataIndex: 'stage', render: (stage: string) => label('stage', stage) },
          { title: t('cases.last-day'), key: 'deadline', render: (_, c) => (c.deadline ? formatDay(locale, c.deadline.lastDay) : '—') },
          { title: t('cases.submitted-at'), dataIndex: 'submittedAt', render: (at: string) => formatInstantDay(locale, at) },
          {
            title: '',
            key: 'open',
            render: (_, c) => <Link to={`/cases/${c.id}`}>{t('cases.open')}</Link>,
          },
        ]}
      />
    </Card>
  );
}
