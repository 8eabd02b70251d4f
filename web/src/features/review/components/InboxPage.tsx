// /inbox (待办): the reviewer's open tasks from GET /api/inbox — filtered by step, series, track,
// overdue and 受理编号 / applicant on the server, paged on the server, soonest due first. The last
// day and "overdue" are what the API reports, never the browser's clock. The list polls (5 s), so
// a case submitted meanwhile appears without a reload.
import { Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useInbox, type InboxItem, type InboxQuery } from '../api/review';
import { useReviewWords } from '../words';

const STEPS = ['employer-review', 'formal-review', 'industry-evaluation', 'objection'];
const SERIES = ['engineering', 'economics', 'health'];
const TRACKS = ['standard', 'direct', 'green'];

export function InboxPage() {
  const t = useReviewWords();
  const locale = useLocale();
  const { label, word } = useWords();
  const [filters, setFilters] = useState<Omit<InboxQuery, 'page' | 'pageSize'>>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const inbox = useInbox({ ...filters, ...paging });
  const filter = (change: Partial<InboxQuery>) => {
    setFilters((f) => {
      const next: Record<string, unknown> = { ...f, ...change };
      for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
      return next as typeof f;
    });
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const choice = (name: 'kind' | 'series' | 'track', title: string, group: 'step' | 'series' | 'track', codes: string[]) => (
    <Select
      aria-label={title}
      placeholder={title}
      allowClear
      style={{ width: 180 }}
      value={filters[name]}
      onChange={(v: string | undefined) => filter({ [name]: v })}
      options={codes.map((c) => ({ value: c, label: label(group, c) }))}
    />
  );

  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('inbox.title')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 16 }} role="search">
        {choice('kind', t('inbox.step'), 'step', STEPS)}
        {choice('series', t('inbox.series'), 'series', SERIES)}
        {choice('track', t('inbox.track'), 'track', TRACKS)}
        <Checkbox checked={filters.overdue === 'true'} onChange={(e) => filter({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('inbox.overdue-only')}
        </Checkbox>
        <Input.Search aria-label={t('inbox.search')} placeholder={t('inbox.search')} allowClear enterButton={t('inbox.search-button')} style={{ width: 320 }} onSearch={(q) => filter({ q: q.trim() || undefined })} />
      </Space>
      {inbox.error && <ProblemAlert error={inbox.error} />}
      {inbox.data && inbox.data.overdue > 0 && (
        <Typography.Paragraph>
          <Tag color="error">{t('inbox.overdue-count', { n: inbox.data.overdue })}</Tag>
        </Typography.Paragraph>
      )}
      <Table<InboxItem>
        rowKey="id"
        loading={inbox.isPending}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: inbox.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: word('api.case-number', '受理编号'),
            key: 'case',
            render: (_, task) => (task.process === 'appraisal' ? <Link to={`/review/${task.caseId}`}>{task.caseNumber ?? task.caseId.slice(0, 8)}</Link> : (task.caseNumber ?? task.caseId)),
          },
          { title: t('inbox.applicant'), key: 'applicant', render: (_, task) => task.application?.applicantName ?? '—' },
          { title: t('inbox.employer'), key: 'employer', render: (_, task) => task.application?.employerName ?? '—' },
          {
            title: `${t('inbox.series')} / ${t('inbox.track')}`,
            key: 'series',
            render: (_, task) => (task.application ? `${label('series', task.application.series)} · ${label('level', task.application.level)} · ${label('track', task.application.track)}` : '—'),
          },
          { title: t('inbox.task'), key: 'kind', render: (_, task) => (label('step', task.kind) === task.kind ? task.kindLabel : label('step', task.kind)) },
          {
            title: t('inbox.last-day'),
            key: 'lastDay',
            render: (_, task) => (
              <Space>
                {task.lastDay ? formatDay(locale, task.lastDay) : '—'}
                {task.overdue && <Tag color="error">{t('inbox.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'open',
            render: (_, task) => {
              // Where each process's task is done: an application's review, an exit review's page, the supervision reports.
              const to = task.process === 'appraisal' ? `/review/${task.caseId}` : task.process === 'exit' ? `/exit-reviews/${task.caseId}` : task.process === 'supervision' ? '/supervision' : undefined;
              return to ? (
                <Link to={to} aria-label={`${t('inbox.open')} ${task.caseNumber ?? task.caseId}`}>
                  {t('inbox.open')}
                </Link>
              ) : null;
            },
          },
        ]}
      />
    </Card>
  );
}
