// /admin/tasks: the tasks of every process — overdue or not, by kind, role, assignee, state —
// paged by the API and exported as CSV with the same filters. Each task links to its case.
import { Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { csvPath, useDownload, useTaskSearch, type TaskQuery, type TaskRow } from '../api/admin';
import { useAdminWords } from '../words';
import { AdminFrame, OVERDUE_COLOUR } from './AdminFrame';
import { pageOf, useFilters, type Filters } from './search-params';

const PROCESSES = ['appraisal', 'meeting', 'assessment', 'exit'] as const;
const STATES = ['open', 'closed', 'all'] as const;

function toQuery(f: Filters): TaskQuery {
  return {
    state: (STATES as readonly string[]).includes(f.state ?? '') ? (f.state as TaskQuery['state']) : 'open',
    ...(f.process ? { process: f.process } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.assignee ? { assignee: f.assignee } : {}),
    ...(f.overdue === 'true' || f.overdue === 'false' ? { overdue: f.overdue } : {}),
    ...pageOf(f),
  };
}

export function TaskSearchPage() {
  const t = useAdminWords();
  const locale = useLocale();
  const { label, word, codes } = useWords();
  const [filters, setFilters] = useFilters();
  const query = toQuery(filters);
  const tasks = useTaskSearch(query);
  const download = useDownload();
  const [form] = Form.useForm<Filters>();
  const any = { value: '', label: t('search.any') };

  return (
    <AdminFrame>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('tasks.title')}</Typography.Title>}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ process: '', kind: '', role: '', overdue: '', ...filters, state: query.state }}
            onFinish={(v) => setFilters({ ...v, page: undefined })}
          >
            <Row gutter={16}>
              <Col xs={12} md={4}>
                <Form.Item name="overdue" label={t('tasks.overdue')}>
                  <Select
                    options={[any, { value: 'true', label: t('tasks.overdue') }, { value: 'false', label: t('tasks.on-time') }]}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="state" label={t('tasks.state')}>
                  <Select options={STATES.map((s) => ({ value: s, label: t(`tasks.state.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="process" label={t('search.process')}>
                  <Select options={[any, ...PROCESSES.map((p) => ({ value: p, label: word(`process.${p}`, p) }))]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="kind" label={t('tasks.kind')}>
                  <Select showSearch optionFilterProp="label" options={[any, ...codes('step').map((c) => ({ value: c, label: label('step', c) }))]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="role" label={t('tasks.role')}>
                  <Select options={[any, ...codes('role').map((c) => ({ value: c, label: label('role', c) }))]} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="assignee" label={t('tasks.assignee')}>
                  <Input allowClear />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('search.submit')}
              </Button>
              <Button
                onClick={() => {
                  setFilters({});
                  form.setFieldsValue({ process: '', kind: '', role: '', overdue: '', assignee: '', state: 'open' });
                }}
              >
                {t('search.reset')}
              </Button>
              <Button loading={download.isPending} onClick={() => download.mutate(csvPath('/api/admin/tasks', query))}>
                {t('search.export')}
              </Button>
            </Space>
          </Form>
        </Card>
        {tasks.error && <ProblemAlert error={tasks.error} />}
        {download.error && <ProblemAlert error={download.error} />}
        <Table<TaskRow>
          rowKey="id"
          loading={tasks.isFetching}
          dataSource={tasks.data?.items ?? []}
          locale={{ emptyText: t('search.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: tasks.data?.total ?? 0,
            showTotal: (n) => t('search.total', { n }),
            onChange: (page, pageSize) => setFilters({ ...filters, page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            { title: t('tasks.kind'), dataIndex: 'kindLabel' },
            {
              title: t('tasks.case'),
              key: 'case',
              render: (_, r) => <Link to={`/admin/cases/${encodeURIComponent(r.caseId)}`}>{r.caseNumber ?? r.caseId}</Link>,
            },
            { title: t('search.process'), dataIndex: 'process', render: (p: string) => word(`process.${p}`, p) },
            { title: t('tasks.role'), dataIndex: 'assigneeRole', render: (r: string) => label('role', r) },
            { title: t('tasks.assignee'), key: 'assignee', render: (_, r) => r.assigneeId ?? r.assigneeOrg ?? '—' },
            { title: t('tasks.last-day'), dataIndex: 'lastDay', render: (d: string | null) => (d ? formatDay(locale, d) : '—') },
            {
              title: t('tasks.state'),
              key: 'state',
              render: (_, r) =>
                r.closedAt ? (
                  `${t('tasks.state.closed')} ${formatInstantDay(locale, r.closedAt)}`
                ) : r.overdue ? (
                  <Tag color={OVERDUE_COLOUR}>{t('tasks.overdue')}</Tag>
                ) : (
                  t('tasks.state.open')
                ),
            },
          ]}
        />
      </Space>
    </AdminFrame>
  );
}
