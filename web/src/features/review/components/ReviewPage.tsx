// /review/:id: a case's dossier as its reviewer reads it — the submission (applicant, employer,
// series, level, track, achievements), the materials viewed on the page, the eligibility against
// the standard the case pinned, the earlier opinions with their reasons, the progress with dates,
// and the decision form of the step that waits for the reader. The case is polled (5 s): a notice
// closing or another reviewer acting shows without a reload.
import { Alert, Button, Card, Descriptions, List, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useSession } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { useEligibility, useMaterials, useReviewCase, type CaseDetail, type Material } from '../api/review';
import { useReviewWords } from '../words';
import { EmployerDecisionForm, FormalReviewForm, IndustryEvaluationForm, ObjectionForm } from './DecisionForms';
import { MaterialViewer, type Viewed } from './MaterialViewer';

interface Submission {
  education?: string;
  currentTitle?: { level: string; series: string; since: string };
  achievements?: { kind: string; title: string; year: number }[];
}

/** The decisions people took, with their reasons: what an earlier reviewer said. */
const OPINIONS = new Set([
  'employer-approve',
  'employer-return',
  'employer-reject',
  'resubmit',
  'formal-pass',
  'formal-reject',
  'request-correction',
  'submit-correction',
  'industry-evaluated',
  'objection-upheld',
  'objection-dismissed',
]);
const ENDED_BADLY = new Set(['failed', 'rejected', 'ineligible', 'withdrawn', 'cancelled']);

function SubmissionCard({ c }: { c: CaseDetail }) {
  const t = useReviewWords();
  const locale = useLocale();
  const { label, word } = useWords();
  const s = (c.submission ?? {}) as Submission;
  return (
    <Card title={`${word('api.case-number', '受理编号')} ${c.caseNumber ?? c.id}`}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('review.applicant')}>{c.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('review.employer')}>{c.employerName}</Descriptions.Item>
        <Descriptions.Item label={t('review.series')}>{label('series', c.series)}</Descriptions.Item>
        <Descriptions.Item label={t('review.level')}>{label('level', c.level)}</Descriptions.Item>
        <Descriptions.Item label={t('review.track')}>{label('track', c.track)}</Descriptions.Item>
        <Descriptions.Item label={t('review.field')}>{c.field}</Descriptions.Item>
        <Descriptions.Item label={t('review.stage')}>{label('stage', c.stage)}</Descriptions.Item>
        {c.deadline && <Descriptions.Item label={label('step', c.deadline.purpose)}>{t('review.deadline', { day: formatDay(locale, c.deadline.lastDay) })}</Descriptions.Item>}
        {s.education && <Descriptions.Item label={t('review.education')}>{word(`education.${s.education}`, s.education)}</Descriptions.Item>}
        {s.currentTitle && (
          <Descriptions.Item label={t('review.current-title')}>
            {t('review.current-title-value', { series: label('series', s.currentTitle.series), level: label('level', s.currentTitle.level), since: formatDay(locale, s.currentTitle.since) })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('review.achievements')}</Typography.Title>
      <Table
        rowKey={(a) => `${a.kind}-${a.title}-${a.year}`}
        size="small"
        pagination={false}
        dataSource={s.achievements ?? []}
        columns={[
          { title: t('review.achievement-kind'), dataIndex: 'kind', render: (k: string) => label('evidence', k) },
          { title: t('review.achievement-title'), dataIndex: 'title' },
          { title: t('review.achievement-year'), dataIndex: 'year' },
        ]}
      />
    </Card>
  );
}

function MaterialsCard({ materials, error, pending }: { materials: readonly Material[]; error: unknown; pending: boolean }) {
  const t = useReviewWords();
  const { label } = useWords();
  const [viewed, setViewed] = useState<Viewed>();
  return (
    <Card title={t('review.materials')}>
      {error !== null && error !== undefined && <ProblemAlert error={error} />}
      <Table<Material>
        rowKey="id"
        size="small"
        loading={pending}
        pagination={false}
        dataSource={[...materials]}
        locale={{ emptyText: t('review.no-materials') }}
        columns={[
          { title: t('review.material-kind'), dataIndex: 'kind', render: (k: string) => label('evidence', k) },
          { title: t('review.material-title'), dataIndex: 'title', render: (title: string, m) => (m.replacedById ? <Typography.Text delete>{title}</Typography.Text> : title) },
          { title: t('review.material-file'), dataIndex: 'fileName' },
          {
            title: '',
            key: 'view',
            render: (_, m) =>
              m.purged ? null : (
                <Button size="small" aria-label={`${t('review.view')} ${m.title}`} onClick={() => setViewed({ path: m.links.view, title: m.title })}>
                  {t('review.view')}
                </Button>
              ),
          },
        ]}
      />
      {viewed && (
        <div style={{ marginTop: 16 }}>
          <MaterialViewer key={viewed.path} viewed={viewed} onClose={() => setViewed(undefined)} />
        </div>
      )}
    </Card>
  );
}

function EligibilityCard({ id }: { id: string }) {
  const t = useReviewWords();
  const { label } = useWords();
  const e = useEligibility(id);
  return (
    <Card title={t('review.eligibility')}>
      {e.error && <ProblemAlert error={e.error} />}
      {e.isPending && <Spin />}
      {e.data && (
        <section aria-label={t('review.eligibility')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type={e.data.eligible ? 'success' : 'error'}
              showIcon
              message={e.data.eligible ? t('review.eligible') : t('review.ineligible')}
              description={
                e.data.reasons.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {e.data.reasons.map((r) => (
                      <li key={`${r.code}-${r.reason}`}>{r.reason}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
            <Typography.Text type="secondary">
              {e.data.standard
                ? t('review.standard', { series: label('series', e.data.standard.series), level: label('level', e.data.standard.level), track: label('track', e.data.standard.track), version: e.data.standard.version })
                : t('review.no-standard')}
            </Typography.Text>
          </Space>
        </section>
      )}
    </Card>
  );
}

function OpinionsCard({ c }: { c: CaseDetail }) {
  const t = useReviewWords();
  const locale = useLocale();
  const { word } = useWords();
  const opinions = c.timeline.filter((e) => OPINIONS.has(e.action));
  return (
    <Card title={t('review.opinions')}>
      {opinions.length === 0 ? (
        <Typography.Text>{t('review.no-opinions')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={opinions}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta title={`${word(`action.${e.action}`, e.action)} · ${formatInstantDay(locale, e.at)}`} description={e.note ?? '—'} />
            </List.Item>
          )}
        />
      )}
      {c.correctionItems && c.correctionItems.length > 0 && (
        <List size="small" header={<Typography.Text strong>{t('review.items')}</Typography.Text>} dataSource={c.correctionItems} renderItem={(i) => <List.Item>{`${i.item}：${i.reason}`}</List.Item>} />
      )}
    </Card>
  );
}

function Timeline({ c }: { c: CaseDetail }) {
  const t = useReviewWords();
  const locale = useLocale();
  const { label } = useWords();
  // One step per stage entered: reminders and escalations within a stage are not steps.
  const steps = c.timeline.filter((e) => e.stage !== '').filter((e, i, staged) => i === 0 || e.stage !== staged[i - 1]!.stage);
  return (
    <Card title={t('review.timeline')}>
      <section aria-label={t('review.timeline')}>
        <Steps
          direction="vertical"
          size="small"
          current={steps.length - 1}
          status={c.status === 'open' ? 'process' : ENDED_BADLY.has(c.status) ? 'error' : 'finish'}
          items={steps.map((e) => ({ title: label('stage', e.stage), description: formatInstantDay(locale, e.at) }))}
        />
      </section>
    </Card>
  );
}

/** The form of the step that waits for the reader's role, if one does. */
function Decision({ c, materials }: { c: CaseDetail; materials: readonly Material[] }) {
  const t = useReviewWords();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const open = c.live ? c.pendingTasks.map((p) => ({ kind: p.kind, role: p.assigneeRole })) : c.tasks.filter((x) => x.closedAt === null).map((x) => ({ kind: x.kind, role: x.assigneeRole }));
  const mine = open.find((p) => roles.includes(p.role as never));
  const form = (() => {
    switch (mine?.kind) {
      case 'employer-review':
        return <EmployerDecisionForm caseId={c.id} />;
      case 'formal-review':
        return <FormalReviewForm caseId={c.id} materials={materials} />;
      case 'industry-evaluation':
        return <IndustryEvaluationForm caseId={c.id} />;
      case 'objection':
        return <ObjectionForm caseId={c.id} />;
      default:
        return undefined;
    }
  })();
  return (
    <Card title={t('review.decision')} role="region" aria-label={t('review.decision')}>
      {form ?? <Typography.Text type="secondary">{t('review.no-task')}</Typography.Text>}
    </Card>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const t = useReviewWords();
  const detail = useReviewCase(id);
  const materials = useMaterials(id);
  const back = <Link to="/inbox">← {t('review.back')}</Link>;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (detail.error) {
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {back}
        <ProblemAlert error={detail.error} />
      </Space>
    );
  }
  const c = detail.data;
  const items = materials.data?.items ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <SubmissionCard c={c} />
      <MaterialsCard materials={items} error={materials.error} pending={materials.isPending} />
      <EligibilityCard id={c.id} />
      <OpinionsCard c={c} />
      <Timeline c={c} />
      <Decision c={c} materials={items} />
      {c.status !== 'open' && <Tag>{c.labels.status}</Tag>}
    </Space>
  );
}
