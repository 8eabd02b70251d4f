// /memberships/:id: a talent's membership of a programme — its stage and cycle, the self-report
// (述职) form while the assessment asks for it, and the defence (陈述申辩) form while an exit
// review is open; the supervision reports about the talent (日常监管) with what each did, the
// contest deadline and the contest form; each exit review with its stage, decision and the
// appeal while the window is open. The API refuses what the moment does not allow (409), shown
// as it words it; deadlines are the API's, never the browser's clock.
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { useWords } from '../../../lib/words';
import { formatDay, formatInstant } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import {
  useAppeal,
  useContest,
  useDefence,
  useExitReview,
  useMembership,
  useReportsAbout,
  useSelfReport,
  type LiveAssessment,
  type LiveExitReview,
  type ReportAbout,
  type SelfReport,
} from '../api/memberships';
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
    <Card type="inner" title={w('defence.title')} style={{ marginTop: 12 }}>
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

/** The exit reviews the reports opened on this membership (their workflow ids, exit-<reviewId>). */
const openedReviews = (reports: ReportAbout[], membershipId: string) =>
  reports.flatMap((r) => r.effects.filter((e) => e.membershipId === membershipId && e.result.exitWorkflowId).map((e) => e.result.exitWorkflowId!.replace(/^exit-/, '')));

function ContestForm({ membershipId, report }: { membershipId: string; report: ReportAbout }) {
  const w = useTalentWords();
  const contest = useContest(membershipId);
  const [form] = Form.useForm<{ grounds: string }>();
  const run = async () => {
    const v = await form.validateFields();
    await contest.mutateAsync({ id: report.id, grounds: v.grounds });
  };
  return (
    <Form form={form} layout="vertical" name={`contest-${report.id}`} style={{ marginTop: 8 }}>
      <Form.Item name="grounds" label={w('reports.grounds')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {contest.error && <ProblemAlert error={contest.error} />}
      <Button loading={contest.isPending} disabled={contest.isPending} onClick={() => void run().catch(() => undefined)}>
        {w('reports.contest')}
      </Button>
    </Form>
  );
}

/** The supervision reports about the talent that concern this membership, and what each did to it. */
function ReportsCard({ membershipId }: { membershipId: string }) {
  const w = useTalentWords();
  const locale = useLocale();
  const { label, word } = useWords();
  const reports = useReportsAbout(membershipId);
  return (
    <Card title={w('reports.title')}>
      {reports.error && <ProblemAlert error={reports.error} />}
      <List<ReportAbout>
        loading={reports.isPending}
        dataSource={reports.data ?? []}
        locale={{ emptyText: w('reports.empty') }}
        renderItem={(r) => {
          const mine = r.effects.filter((e) => e.membershipId === membershipId);
          return (
            <List.Item key={r.id}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{word(`report-kind.${r.kind}`, r.kind)}</Typography.Text>
                  <span>{w('reports.occurred-on', { day: formatDay(locale, r.occurredOn) })}</span>
                  <Tag>{label('status', r.status)}</Tag>
                </Space>
                <Typography.Paragraph style={{ margin: 0 }}>{r.statement}</Typography.Paragraph>
                <div>
                  {w('reports.effect')}：
                  {mine.length === 0
                    ? w('reports.pending')
                    : mine.map((e) => (
                        <Tag key={e.at} color={e.result.effect === 'exit-review' ? 'red' : undefined}>
                          {w(`effect.${e.result.effect}` as 'effect.none')}
                          {e.result.trigger ? ` · ${word(`trigger.${e.result.trigger}`, e.result.trigger)}` : ''}
                          {e.undone ? ` ${w('effect.undone')}` : ''}
                        </Tag>
                      ))}
                </div>
                {r.contestGrounds && <div>{w('reports.your-grounds', { grounds: r.contestGrounds })}</div>}
                {r.resolutionReason && <div>{w('reports.resolution', { reason: r.resolutionReason })}</div>}
                {r.status === 'recorded' && r.contestBy && (
                  <>
                    <Typography.Text>{w('reports.contest-by', { at: formatInstant(locale, r.contestBy) })}</Typography.Text>
                    <ContestForm membershipId={membershipId} report={r} />
                  </>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function AppealForm({ membershipId, reviewId }: { membershipId: string; reviewId: string }) {
  const w = useTalentWords();
  const appeal = useAppeal(membershipId);
  const [form] = Form.useForm<{ reason: string }>();
  const run = async () => {
    const v = await form.validateFields();
    await appeal.mutateAsync({ id: reviewId, reason: v.reason });
  };
  return (
    <Form form={form} layout="vertical" name={`appeal-${reviewId}`}>
      <Form.Item name="reason" label={w('exit.appeal-reason')} rules={[{ required: true, whitespace: true, message: w('required') }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {appeal.error && <ProblemAlert error={appeal.error} />}
      <Button loading={appeal.isPending} disabled={appeal.isPending} onClick={() => void run().catch(() => undefined)}>
        {w('exit.appeal')}
      </Button>
    </Form>
  );
}

/** One exit review: its trigger and stage, the defence filed, the decision, the appeal while it may be made. */
function ExitReviewCard({ membershipId, reviewId }: { membershipId: string; reviewId: string }) {
  const w = useTalentWords();
  const locale = useLocale();
  const { word } = useWords();
  const review = useExitReview(reviewId, membershipId);
  if (review.isPending) return <Card title={w('exit.title')} loading />;
  if (review.error) return <ProblemAlert error={review.error} />;
  const r = review.data;
  const live = (r.live ?? null) as LiveExitReview | null;
  const appealWindow = live?.deadlines.find((d) => d.purpose === 'appeal-window');
  return (
    <Card title={w('exit.title')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={w('exit.trigger')}>{r.labels.trigger}</Descriptions.Item>
        <Descriptions.Item label={w('stage')}>{r.labels.stage}</Descriptions.Item>
        {live?.deadlines
          .filter((d) => d.purpose !== 'appeal-window')
          .map((d) => (
            <Descriptions.Item key={d.purpose} label={w('exit.due', { what: word(`step.${d.purpose}`, d.purpose) })}>
              {formatInstant(locale, d.dueAt)}
            </Descriptions.Item>
          ))}
        {live?.defence && <Descriptions.Item label={w('exit.defence-filed')}>{live.defence.statement}</Descriptions.Item>}
      </Descriptions>
      {live?.decision && (
        <Alert
          style={{ marginTop: 12 }}
          type={live.decision.decision === 'exit' ? 'error' : 'info'}
          showIcon
          message={w('exit.decision', { decision: word(`decision.${live.decision.decision}`, live.decision.decision) })}
          description={
            <>
              <div>{live.decision.reason}</div>
              {live.decision.improvementPlan && <div>{w('exit.plan', { plan: live.decision.improvementPlan })}</div>}
            </>
          }
        />
      )}
      {r.stage === 'exited' && <Alert style={{ marginTop: 12 }} type="error" showIcon message={w('exit.final')} />}
      {live?.stage === 'defence' && !live.defence && <DefenceForm id={membershipId} reviewId={reviewId} />}
      {r.stage === 'decided' && appealWindow && live?.appealRounds === 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph>{w('exit.appeal-by', { at: formatInstant(locale, appealWindow.dueAt) })}</Typography.Paragraph>
          <AppealForm membershipId={membershipId} reviewId={reviewId} />
        </div>
      )}
    </Card>
  );
}

export function MembershipPage() {
  const { id = '' } = useParams();
  const t = useChrome();
  const w = useTalentWords();
  const membership = useMembership(id);
  const reports = useReportsAbout(id);
  if (membership.isPending) return <Spin aria-label={t('loading')} style={{ display: 'block', margin: '48px auto' }} />;
  if (membership.error) return <ProblemAlert error={membership.error} />;
  const m = membership.data;
  const live = (m.live ?? null) as LiveAssessment | null;
  const running = live?.exitReview?.workflowId.replace(/^exit-/, '');
  // Every exit review of the membership: the one running, and those a supervision report opened.
  const reviewIds = [...new Set([...(running ? [running] : []), ...openedReviews(reports.data ?? [], m.id)])];
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
      {reviewIds.map((reviewId) => (
        <ExitReviewCard key={reviewId} membershipId={m.id} reviewId={reviewId} />
      ))}
      <ReportsCard membershipId={m.id} />
    </Space>
  );
}
