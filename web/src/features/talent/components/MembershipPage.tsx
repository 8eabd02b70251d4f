// /memberships/:id: a talent's membership of a programme — its stage and cycle, the self-report
// (述职) form while the assessment asks for it, and the defence (陈述申辩) form while an exit
// review is open. The API refuses what the moment does not allow (409), shown as it words it.
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Spin } from 'antd';
import { useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { useWords } from '../../../lib/words';
import { useDefence, useMembership, useSelfReport, type LiveAssessment, type SelfReport } from '../api/memberships';
import { useTalentWords } from '../words';

function SelfReportForm({ id }: { id: string }) {
  const w = useTalentWords();
  const { label } = useWords();
  const { message } = App.useApp();
  const send = useSelfReport(id);
  const [form] = Form.useForm<{ summary: string; milestone: string; status: 'met' | 'partly' | 'missed' }>();
  const run = async () => {
    const v = await form.validateFields();
    const body: SelfReport = { summary: v.summary, milestones: [{ title: v.milestone, status: v.status, evidence: [] }], outputs: [] };
    const reply = await send.mutateAsync(body);
    void message.success(w('sent', { stage: label('stage', reply.stage) }));
  };
  return (
    <Card title={w('self-report.title')}>
      <Form form={form} layout="vertical" initialValues={{ status: 'met' }}>
        <Form.Item name="summary" label={w('self-report.summary')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="milestone" label={w('self-report.milestone')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
            <Input style={{ width: 360 }} maxLength={300} />
          </Form.Item>
          <Form.Item name="status" label={w('self-report.milestone-status')}>
            <Select style={{ width: 160 }} options={(['met', 'partly', 'missed'] as const).map((s) => ({ value: s, label: w(`self-report.${s}`) }))} />
          </Form.Item>
        </Space>
        {send.error && <ProblemAlert error={send.error} />}
        <Button type="primary" loading={send.isPending} disabled={send.isPending} onClick={() => void run().catch(() => undefined)}>
          {w('self-report.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function DefenceForm({ id, reviewId }: { id: string; reviewId: string }) {
  const w = useTalentWords();
  const { label } = useWords();
  const { message } = App.useApp();
  const send = useDefence(id);
  const [form] = Form.useForm<{ statement: string }>();
  const run = async () => {
    const v = await form.validateFields();
    const reply = await send.mutateAsync({ reviewId, body: { statement: v.statement, evidence: [] } });
    void message.success(w('sent', { stage: label('stage', reply.stage) }));
  };
  return (
    <Card title={w('defence.title')}>
      <Form form={form} layout="vertical">
        <Form.Item name="statement" label={w('defence.statement')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        {send.error && <ProblemAlert error={send.error} />}
        <Button type="primary" loading={send.isPending} disabled={send.isPending} onClick={() => void run().catch(() => undefined)}>
          {w('defence.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function MembershipPage() {
  const { id = '' } = useParams();
  const t = useChrome();
  const w = useTalentWords();
  const membership = useMembership(id);
  if (membership.isPending) return <Spin aria-label={t('loading')} style={{ display: 'block', margin: '48px auto' }} />;
  if (membership.error) return <ProblemAlert error={membership.error} />;
  const m = membership.data;
  const live = (m.live ?? null) as LiveAssessment | null;
  const reviewId = live?.exitReview?.workflowId.replace(/^exit-/, '');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={w('title', { programme: m.labels.programme })}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={w('stage')}>{m.labels.stage}</Descriptions.Item>
          <Descriptions.Item label={w('status')}>{m.labels.status}</Descriptions.Item>
          {live && <Descriptions.Item label={w('cycle')}>{w('cycle-of', { index: live.cycle.index + 1, of: live.cycle.of })}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {live?.stage === 'self-report' && (live.selfReported ? <Card>{w('self-report.done')}</Card> : <SelfReportForm id={m.id} />)}
      {reviewId && <DefenceForm id={m.id} reviewId={reviewId} />}
    </Space>
  );
}
