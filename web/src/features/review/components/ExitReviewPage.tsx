// /exit-reviews/:id: an exit review for the parties other than the talent — the employer and the
// industry body file their opinions before the committee meets; the authority may dismiss an
// unfounded trigger until the committee meets; after the committee did not carry the exit, the
// employer drafts the improvement plan and the authority approves it or sends it back. Which
// forms show follows the review's stage and the caller's role; the API refuses what the moment
// does not allow (409), shown as it words it.
import { App, Button, Card, Descriptions, Form, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatInstant } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useSession } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { dismissTrigger, draftPlan, fileOpinion, reviewPlan, useExitAction, useExitReview, type LiveExitReview } from '../api/exit-reviews';
import { useReviewWords } from '../words';

/** One text and one or two buttons: the form's key is made once, so a retry acts once. */
function TextForm({ title, field, rows = 4, buttons }: { title: string; field: string; rows?: number; buttons: { label: string; danger?: boolean; optional?: boolean; run: (text: string, key: string) => Promise<unknown> }[] }) {
  const t = useReviewWords();
  const { message } = App.useApp();
  const [key] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<{ text: string }>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const act = async (b: (typeof buttons)[number]) => {
    const text = b.optional ? ((form.getFieldValue('text') as string | undefined) ?? '').trim() : (await form.validateFields()).text.trim();
    setPending(true);
    setError(undefined);
    try {
      await b.run(text, key);
      void message.success(t('exit.done'));
      form.resetFields();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card type="inner" title={title}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={field} rules={[{ required: true, whitespace: true, message: t('exit.required') }]}>
          <Input.TextArea rows={rows} maxLength={5000} />
        </Form.Item>
      </Form>
      {error !== undefined && <ProblemAlert error={error} />}
      <Space>
        {buttons.map((b) => (
          <Button key={b.label} type={b.danger ? 'default' : 'primary'} danger={b.danger} disabled={pending} loading={pending} onClick={() => void act(b).catch(() => undefined)}>
            {b.label}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

export function ExitReviewPage() {
  const { id = '' } = useParams();
  const t = useReviewWords();
  const chrome = useChrome();
  const locale = useLocale();
  const { word } = useWords();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const review = useExitReview(id);
  const opinion = useExitAction(id, fileOpinion);
  const dismiss = useExitAction(id, dismissTrigger);
  const draft = useExitAction(id, draftPlan);
  const verdict = useExitAction(id, reviewPlan);
  if (review.isPending) return <Spin aria-label={chrome('loading')} style={{ display: 'block', margin: '48px auto' }} />;
  const back = <Link to="/inbox">← {t('exit.back')}</Link>;
  if (review.error) {
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {back}
        <ProblemAlert error={review.error} />
      </Space>
    );
  }
  const r = review.data;
  const live = (r.live ?? null) as LiveExitReview | null;
  const stage = live?.stage ?? r.stage;
  const hearing = stage === 'defence' || stage === 'hearing';
  const beforeCommittee = hearing || stage === 'committee';
  const filed = (as: 'employer' | 'industry') => live?.opinions?.find((o) => o.as === as);
  const opinionAs = roles.includes('employer') ? 'employer' : roles.includes('industry') ? 'industry' : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('exit.title', { n: r.n })}</Typography.Title>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('exit.trigger')}>{r.labels.trigger}</Descriptions.Item>
          <Descriptions.Item label={t('exit.stage')}>{r.labels.stage}</Descriptions.Item>
          {live?.deadlines.map((d) => (
            <Descriptions.Item key={d.purpose} label={t('exit.due', { what: word(`step.${d.purpose}`, d.purpose) })}>
              {formatInstant(locale, d.dueAt)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('exit.defence')}>{live?.defence?.statement ?? t('exit.none')}</Descriptions.Item>
          <Descriptions.Item label={t('exit.employer-opinion')}>{filed('employer')?.opinion ?? t('exit.none')}</Descriptions.Item>
          <Descriptions.Item label={t('exit.industry-opinion')}>{filed('industry')?.opinion ?? t('exit.none')}</Descriptions.Item>
          {live?.decision && (
            <Descriptions.Item label={t('exit.decision')}>
              {word(`decision.${live.decision.decision}`, live.decision.decision)}：{live.decision.reason}
            </Descriptions.Item>
          )}
          {live?.planDraft && <Descriptions.Item label={t('exit.plan')}>{live.planDraft.plan}</Descriptions.Item>}
          {live?.planDraft?.sentBack && <Descriptions.Item label={t('exit.sent-back')}>{live.planDraft.sentBack}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {opinionAs && hearing && !filed(opinionAs) && (
        <TextForm title={t(`exit.opinion-${opinionAs}`)} field={t('exit.opinion')} buttons={[{ label: t('exit.opinion-submit'), run: (text, key) => opinion.mutateAsync({ id, key, as: opinionAs, opinion: text }) }]} />
      )}
      {roles.includes('authority') && beforeCommittee && (
        <TextForm title={t('exit.dismiss-title')} field={t('exit.dismiss-reason')} rows={3} buttons={[{ label: t('exit.dismiss'), danger: true, run: (text, key) => dismiss.mutateAsync({ id, key, reason: text }) }]} />
      )}
      {roles.includes('employer') && stage === 'improvement-plan' && (!live?.planDraft || live.planDraft.sentBack) && (
        <TextForm title={t('exit.plan-draft')} field={t('exit.plan')} rows={6} buttons={[{ label: t('exit.plan-submit'), run: (text, key) => draft.mutateAsync({ id, key, plan: text }) }]} />
      )}
      {roles.includes('authority') && stage === 'improvement-plan' && live?.planDraft && !live.planDraft.sentBack && (
        <TextForm
          title={t('exit.plan-review')}
          field={t('exit.plan-note')}
          rows={3}
          buttons={[
            { label: t('exit.plan-approve'), optional: true, run: (text, key) => verdict.mutateAsync({ id, key, verdict: 'approve', ...(text ? { note: text } : {}) }) },
            { label: t('exit.plan-send-back'), danger: true, run: (text, key) => verdict.mutateAsync({ id, key, verdict: 'send-back', note: text }) },
          ]}
        />
      )}
    </Space>
  );
}
