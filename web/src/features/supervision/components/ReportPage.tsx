// /supervision (日常监管): report a change about a talent — the employer about its members
// (leaving, a post change, a long absence and the return, death), the authority an integrity
// violation, the talent a move to another employer — with the kind's facts; and the reports the
// caller filed or may see, with what each did to the memberships. The authority resolves a
// contested report here. The list polls: the workflow writes a report's effects a moment after
// it is filed, and the talent may contest it meanwhile.
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay, formatInstant } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useSession } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { REPORTED_BY, REPORT_KINDS, useFileReport, useReports, useResolveReport, useRunningMemberships, type NewReport, type Report, type ReportFacts, type ReportKind } from '../api/reports';
import { useSupervisionWords } from '../words';

/** The form's fields: the report's own, and every kind's facts side by side (factsOf keeps the chosen kind's). */
type FormValues = ReportFacts & {
  membershipId: string;
  kind: ReportKind;
  occurredOn: string;
  statement: string;
};

/** The facts the chosen kind takes, and nothing else (the API refuses others). */
function factsOf(v: FormValues): ReportFacts {
  switch (v.kind) {
    case 'left-employer':
      return { destination: v.destination ?? 'unknown', ...(v.destination === 'in-district' && v.newEmployerId ? { newEmployerId: v.newEmployerId.trim() } : {}) };
    case 'employer-move':
      return { newEmployerId: (v.newEmployerId ?? '').trim() };
    case 'post-change':
      return { post: v.post ?? '', eligible: v.eligible ?? true, ...(v.series?.trim() ? { series: v.series.trim() } : {}) };
    case 'long-absence':
      return { from: v.from ?? '', expectedUntil: v.expectedUntil ?? '' };
    case 'integrity-violation':
      return { finding: v.finding ?? '' };
    default:
      return {};
  }
}

function ReportForm({ kinds }: { kinds: ReportKind[] }) {
  const w = useSupervisionWords();
  const { word } = useWords();
  const { message } = App.useApp();
  const memberships = useRunningMemberships();
  const file = useFileReport();
  // One key per report: a double click or a retry files it once; a new report gets a new key.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const destination = Form.useWatch('destination', form);
  const required = [{ required: true, whitespace: true, message: w('required') }];
  // A validator, not `required`, on a Select: antd would put aria-required on its <div>, which ARIA does not allow there.
  const chosen = [
    {
      validator: async (_: unknown, v: unknown) => {
        if (v === undefined || v === '') throw new Error(w('required'));
      },
    },
  ];
  const run = async () => {
    const v = await form.validateFields();
    const m = memberships.data?.items.find((x) => x.id === v.membershipId);
    if (!m) return;
    const body: NewReport = { talentId: m.talentId, kind: v.kind, occurredOn: v.occurredOn, statement: v.statement, facts: factsOf(v), evidence: [] };
    await file.mutateAsync({ key, body });
    void message.success(w('form.sent'));
    form.resetFields();
    setKey(crypto.randomUUID());
  };
  return (
    <Card title={w('form.title')}>
      {memberships.error && <ProblemAlert error={memberships.error} />}
      <Form form={form} layout="vertical" initialValues={{ kind: kinds[0], destination: 'outside-district', eligible: true }} style={{ maxWidth: 720 }}>
        <Form.Item name="membershipId" label={w('form.membership')} rules={chosen}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={memberships.isPending}
            options={(memberships.data?.items ?? []).map((m) => ({ value: m.id, label: w('form.membership-option', { talent: m.labels.talent, programme: m.labels.programme }) }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="kind" label={w('form.kind')} rules={chosen}>
            <Select style={{ width: 220 }} options={kinds.map((k) => ({ value: k, label: word(`report-kind.${k}`, w(`kind.${k}`)) }))} />
          </Form.Item>
          <Form.Item name="occurredOn" label={w('form.occurred-on')} rules={required}>
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        {kind === 'left-employer' && (
          <Space wrap align="start">
            <Form.Item name="destination" label={w('form.destination')}>
              <Select style={{ width: 220 }} options={(['outside-district', 'in-district', 'unknown'] as const).map((d) => ({ value: d, label: w(`destination.${d}`) }))} />
            </Form.Item>
            {destination === 'in-district' && (
              <Form.Item name="newEmployerId" label={w('form.new-employer')} rules={required}>
                <Input style={{ width: 260 }} maxLength={200} />
              </Form.Item>
            )}
          </Space>
        )}
        {kind === 'employer-move' && (
          <Form.Item name="newEmployerId" label={w('form.new-employer')} rules={required}>
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
        )}
        {kind === 'post-change' && (
          <Space wrap align="start">
            <Form.Item name="post" label={w('form.post')} rules={required}>
              <Input style={{ width: 260 }} maxLength={200} />
            </Form.Item>
            <Form.Item name="series" label={w('form.series')}>
              <Input style={{ width: 200 }} maxLength={50} />
            </Form.Item>
            <Form.Item name="eligible" label={w('form.eligible')} valuePropName="checked">
              <Switch checkedChildren={w('yes')} unCheckedChildren={w('no')} />
            </Form.Item>
          </Space>
        )}
        {kind === 'long-absence' && (
          <Space wrap align="start">
            <Form.Item name="from" label={w('form.from')} rules={required}>
              <Input type="date" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="expectedUntil" label={w('form.expected-until')} rules={required}>
              <Input type="date" style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'integrity-violation' && (
          <Form.Item name="finding" label={w('form.finding')} rules={required}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        )}
        <Form.Item name="statement" label={w('form.statement')} rules={required}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {file.error && <ProblemAlert error={file.error} />}
        <Button type="primary" loading={file.isPending} disabled={file.isPending} onClick={() => void run().catch(() => undefined)}>
          {w('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** What a report did, membership by membership (pending until the workflow has applied it). */
function EffectTags({ report }: { report: Report }) {
  const w = useSupervisionWords();
  const { word } = useWords();
  if (report.effects.length === 0) return <Tag>{w('effect.pending')}</Tag>;
  return (
    <>
      {report.effects.map((e) => (
        <Tag key={e.membershipId} color={e.result.effect === 'exit-review' || e.result.effect === 'closed' ? 'red' : undefined}>
          {w(`effect.${e.result.effect}` as 'effect.none')}
          {e.result.trigger ? ` · ${word(`trigger.${e.result.trigger}`, e.result.trigger)}` : ''}
          {e.undone ? ` ${w('effect.undone')}` : ''}
        </Tag>
      ))}
    </>
  );
}

function ResolveDialog({ report, onClose }: { report: Report; onClose: () => void }) {
  const w = useSupervisionWords();
  const resolve = useResolveReport();
  const [form] = Form.useForm<{ reason: string }>();
  const run = async (resolution: 'upheld' | 'overturned') => {
    const v = await form.validateFields();
    await resolve.mutateAsync({ id: report.id, resolution, reason: v.reason });
    onClose();
  };
  return (
    <Modal open title={w('resolve.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        <Typography.Text strong>{w('resolve.grounds')}：</Typography.Text>
        {report.contestGrounds}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={w('resolve.reason')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {resolve.error && <ProblemAlert error={resolve.error} />}
      <Space>
        <Button type="primary" disabled={resolve.isPending} onClick={() => void run('upheld').catch(() => undefined)}>
          {w('resolve.upheld')}
        </Button>
        <Button danger disabled={resolve.isPending} onClick={() => void run('overturned').catch(() => undefined)}>
          {w('resolve.overturned')}
        </Button>
      </Space>
    </Modal>
  );
}

function ReportList({ authority, title }: { authority: boolean; title: string }) {
  const w = useSupervisionWords();
  const { word } = useWords();
  const locale = useLocale();
  const reports = useReports();
  const memberships = useRunningMemberships();
  const [resolving, setResolving] = useState<Report | undefined>();
  const names = new Map((memberships.data?.items ?? []).map((m) => [m.talentId, m.labels.talent]));
  return (
    <Card title={title}>
      {reports.error && <ProblemAlert error={reports.error} />}
      <Table<Report>
        rowKey="id"
        loading={reports.isPending}
        dataSource={reports.data ?? []}
        locale={{ emptyText: w('list.empty') }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: w('list.talent'), key: 'talent', render: (_, r) => names.get(r.talentId) ?? r.talentId },
          { title: w('list.kind'), key: 'kind', render: (_, r) => word(`report-kind.${r.kind}`, w(`kind.${r.kind}`)) },
          { title: w('list.occurred-on'), key: 'occurred', render: (_, r) => formatDay(locale, r.occurredOn) },
          { title: w('list.status'), key: 'status', render: (_, r) => <Tag color={r.status === 'contested' ? 'red' : undefined}>{word(`status.${r.status}`, w(`status.${r.status}`))}</Tag> },
          { title: w('list.effect'), key: 'effect', render: (_, r) => <EffectTags report={r} /> },
          { title: w('list.contest-by'), key: 'contest', render: (_, r) => (r.contestBy ? formatInstant(locale, r.contestBy) : '—') },
          ...(authority
            ? [
                {
                  title: w('list.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Report) =>
                    r.status === 'contested' ? (
                      <Button size="small" onClick={() => setResolving(r)}>
                        {w('resolve.open')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {resolving && <ResolveDialog report={resolving} onClose={() => setResolving(undefined)} />}
    </Card>
  );
}

export function ReportPage() {
  const w = useSupervisionWords();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const kinds = REPORT_KINDS.filter((k) => roles.includes(REPORTED_BY[k]));
  const authority = roles.includes('authority');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {w('title')}
      </Typography.Title>
      {kinds.length > 0 && <ReportForm kinds={kinds} />}
      <ReportList authority={authority} title={authority ? w('list.all-title') : w('list.title')} />
    </Space>
  );
}
