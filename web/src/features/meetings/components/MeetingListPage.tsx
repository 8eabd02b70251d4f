// /meetings: the committee meetings an expert was drawn for (the API scopes the list to their
// seats), with each one's date, stage, attendance and the expert's own seat and check-in.
import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useMeetings, type MeetingSummary } from '../api/meetings';
import { useMeetingWords } from '../words';

export function MyAttendance({ m }: { m: Pick<MeetingSummary, 'mine'> }) {
  const t = useMeetingWords();
  const { word } = useWords();
  if (!m.mine) return <>—</>;
  const { role, status, present } = m.mine;
  return (
    <>
      {word(`seat-role.${role}`, role)} · {word(`seat-status.${status}`, status)}
      {status === 'seated' && <> · {present ? <Tag>{t('checked-in')}</Tag> : <Tag>{t('not-checked-in')}</Tag>}</>}
    </>
  );
}

export function MeetingListPage() {
  const t = useMeetingWords();
  const locale = useLocale();
  const { label, word } = useWords();
  const meetings = useMeetings();
  return (
    <Card title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('list.title')}</h1>}>
      <Typography.Paragraph>{t('list.hint')}</Typography.Paragraph>
      {meetings.error && <ProblemAlert error={meetings.error} />}
      <Table<MeetingSummary>
        rowKey="id"
        loading={meetings.isPending}
        dataSource={meetings.data?.items ?? []}
        locale={{ emptyText: t('list.empty') }}
        pagination={false}
        columns={[
          {
            title: t('list.meeting'),
            key: 'meeting',
            render: (_, m) => <Link to={`/meetings/${m.id}`}>{`${label('series', m.series)} · ${word(`meeting-kind.${m.kind}`, m.kind)}`}</Link>,
          },
          { title: t('list.date'), dataIndex: 'scheduledFor', render: (at: string | null) => (at ? formatInstant(locale, at) : t('no-date')) },
          { title: t('list.status'), dataIndex: 'status', render: (s: string) => label('stage', s) },
          { title: t('list.cases'), dataIndex: 'cases' },
          {
            title: t('list.quorum'),
            key: 'quorum',
            render: (_, m) => t('list.quorum-cell', { present: m.quorum.present, members: m.quorum.members, required: m.quorum.required ?? '—' }),
          },
          { title: t('list.my-seat'), key: 'mine', render: (_, m) => <MyAttendance m={m} /> },
          { title: '', key: 'open', render: (_, m) => <Link to={`/meetings/${m.id}`}>{t('list.open')}</Link> },
        ]}
      />
    </Card>
  );
}
