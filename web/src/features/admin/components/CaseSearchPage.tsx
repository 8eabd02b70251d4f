// /admin/cases: every case of a process, found by 受理编号 or name, stage, track, series, state,
// overdue tasks and submitted days; paged by the API; exported as CSV with the same filters; each
// row links to its detail and to its workflow in the Temporal Web UI.
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { csvPath, useCaseSearch, useDownload, type CaseQuery, type CaseRow } from '../api/admin';
import { useAdminWords } from '../words';
import { AdminFrame, OVERDUE_COLOUR } from './AdminFrame';
import { pageOf, useFilters, type Filters } from './search-params';

/** The stages each process's cases pass through (codes; their words come from the catalogue). */
const STAGES: Record<string, readonly string[]> = {
  appraisal: ['employer-review', 'returned', 'employer-notice', 'formal-review', 'correction', 'industry-evaluation', 'committee-review', 'result-notice', 'certified', 'failed', 'rejected', 'ineligible', 'withdrawn', 'cancelled'],
  meeting: ['open', 'drawn', 'voting', 'escalated', 'closed'],
  assessment: ['admitted', 'running', 'self-report', 'evaluation', 'grading', 'graded', 'completed', 'exited'],
  exit: ['defence', 'committee', 'decided', 'appeal-review', 'exited', 'retained', 'dismissed', 'cancelled'],
};
const PROCESSES = ['appraisal', 'meeting', 'assessment', 'exit'] as const;

function toQuery(f: Filters): CaseQuery {
  const process = (PROCESSES as readonly string[]).includes(f.process ?? '') ? (f.process as CaseQuery['process']) : 'appraisal';
  return {
    process,
    ...(f.text ? { text: f.text } : {}),
    ...(f.stage ? { stage: f.stage } : {}),
    ...(f.track ? { track: f.track } : {}),
    ...(f.series ? { series: f.series } : {}),
    ...(f.state === 'running' || f.state === 'closed' ? { state: f.state } : {}),
    ...(f.overdue === 'true' ? { overdue: 'true' as const } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...pageOf(f),
  };
}

export function CaseSearchPage() {
  const t = useAdminWords();
  const locale = useLocale();
  const { label, word, codes } = useWords();
  const [filters, setFilters] = useFilters();
  const query = toQuery(filters);
  const cases = useCaseSearch(query);
  const download = useDownload();
  const [form] = Form.useForm<Filters & { overdueOnly?: boolean }>();
  const process: string = (Form.useWatch('process', form) as string | undefined) ?? query.process ?? 'appraisal';
  const any = { value: '', label: t('search.any') };
  const search = (v: Filters & { overdueOnly?: boolean }) => {
    const { overdueOnly, ...rest } = v;
    setFilters({ ...rest, overdue: overdueOnly ? 'true' : undefined, page: undefined });
  };

  return (
    <AdminFrame>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('cases.title')}</Typography.Title>}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ ...filters, process: query.process, stage: filters.stage ?? '', track: filters.track ?? '', series: filters.series ?? '', state: filters.state ?? '', overdueOnly: filters.overdue === 'true' }}
            onFinish={search}
          >
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="text" label={t('search.text')} tooltip={t('search.text-hint')}>
                  <Input allowClear placeholder={t('search.text-hint')} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="process" label={t('search.process')}>
                  <Select options={PROCESSES.map((p) => ({ value: p, label: word(`process.${p}`, p) }))} onChange={() => form.setFieldsValue({ stage: '', track: '' })} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="stage" label={t('search.stage')}>
                  <Select options={[any, ...(STAGES[process] ?? []).map((s) => ({ value: s, label: label('stage', s) }))]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="track" label={t('search.track')}>
                  <Select options={[any, ...(process === 'appraisal' ? codes('track').map((c) => ({ value: c, label: label('track', c) })) : [])]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="series" label={t('search.series')}>
                  <Select options={[any, ...codes('series').map((c) => ({ value: c, label: label('series', c) }))]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="state" label={t('search.state')}>
                  <Select options={[any, { value: 'running', label: t('search.state.running') }, { value: 'closed', label: t('search.state.closed') }]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="from" label={t('search.from')}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="to" label={t('search.to')}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="overdueOnly" valuePropName="checked" label=" ">
                  <Checkbox>{t('search.overdue')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('search.submit')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('search.reset')}
              </Button>
              <Button loading={download.isPending} onClick={() => download.mutate(csvPath('/api/admin/cases', query))}>
                {t('search.export')}
              </Button>
            </Space>
          </Form>
        </Card>
        {cases.error && <ProblemAlert error={cases.error} />}
        {download.error && <ProblemAlert error={download.error} />}
        <Table<CaseRow>
          rowKey="caseId"
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: t('search.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: cases.data?.total ?? 0,
            showTotal: (n) => t('search.total', { n }),
            onChange: (page, pageSize) => setFilters({ ...filters, page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            {
              title: t('cases.number'),
              key: 'number',
              render: (_, c) => <Link to={`/admin/cases/${encodeURIComponent(c.caseId)}`}>{c.caseNumber ?? c.caseId}</Link>,
            },
            { title: t('search.stage'), dataIndex: 'stageLabel' },
            { title: t('search.track'), dataIndex: 'track', render: (track: string | null) => (query.process === 'appraisal' ? label('track', track) : (track ?? '—')) },
            { title: t('search.series'), key: 'series', render: (_, c) => [label('series', c.series), label('level', c.level)].filter(Boolean).join(' · ') || '—' },
            { title: t('cases.subject'), dataIndex: 'subjectId', render: (v: string | null) => v ?? '—' },
            { title: t('cases.organisation'), dataIndex: 'organisationId', render: (v: string | null) => v ?? '—' },
            {
              title: t('cases.tasks'),
              key: 'tasks',
              render: (_, c) => (
                <Space size={4}>
                  {c.openTasks}
                  {c.overdueTasks > 0 && <Tag color={OVERDUE_COLOUR}>{t('cases.overdue', { n: c.overdueTasks })}</Tag>}
                </Space>
              ),
            },
            // A due instant is 24:00 Shanghai of the last day: the day it ends is the day before the instant's.
            { title: t('cases.next-due'), dataIndex: 'nextDueAt', render: (at: string | null) => (at ? formatInstantDay(locale, new Date(Date.parse(at) - 1).toISOString()) : '—') },
            { title: t('cases.started'), dataIndex: 'startedAt', render: (at: string) => formatInstantDay(locale, at) },
            {
              title: t('cases.temporal'),
              key: 'temporal',
              render: (_, c) => (
                <Typography.Link href={c.links.temporalUi} target="_blank" rel="noreferrer" aria-label={`${t('cases.open-temporal')}: ${c.caseNumber ?? c.caseId}`}>
                  {t('cases.open-temporal')}
                </Typography.Link>
              ),
            },
          ]}
        />
      </Space>
    </AdminFrame>
  );
}
