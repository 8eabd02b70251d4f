// /admin/cases/:id: one case of any process — what it is (a title application's summary, its
// certificate), its tasks with the reassignment of an open one, the interventions (extend the
// deadline, cancel, revoke the certificate), its audit trail and its workflow in Temporal's Web
// UI. The case moves on its own while the page is open: its queries poll every 5 s (api/admin.ts).
import { Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale, type Locale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useApplication, useAudit, useCaseTasks, type Application, type AuditEvent, type TaskRow } from '../api/admin';
import { useAdminWords } from '../words';
import { AdminFrame, OVERDUE_COLOUR } from './AdminFrame';
import { Entitlements } from './Entitlements';
import { CancelButton, ExtendButton, ReassignButton, RevokeButton } from './Interventions';

/** An instant with its time, as Shanghai's clock read it. */
const instant = (locale: Locale, iso: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

/** What an audit event carries, in a line: its note (an intervention's reason) first. */
function detailOf(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  const { note, ...rest } = detail as Record<string, unknown>;
  const others = Object.entries(rest)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`);
  return [typeof note === 'string' ? note : undefined, ...others].filter(Boolean).join(' · ');
}

function Summary({ a }: { a: Application }) {
  const t = useAdminWords();
  const locale = useLocale();
  const { label } = useWords();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('case.stage')}>{label('stage', a.stage)}</Descriptions.Item>
      <Descriptions.Item label={t('case.status')}>{label('status', a.status)}</Descriptions.Item>
      <Descriptions.Item label={t('case.track')}>{label('track', a.track)}</Descriptions.Item>
      <Descriptions.Item label={t('case.series-level')}>
        {label('series', a.series)} · {label('level', a.level)}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.applicant')}>{a.applicantId}</Descriptions.Item>
      <Descriptions.Item label={t('case.organisation')}>{a.employerId}</Descriptions.Item>
      <Descriptions.Item label={t('case.submitted')}>{formatInstantDay(locale, a.submittedAt)}</Descriptions.Item>
      {a.certificateNumber && <Descriptions.Item label={t('case.certificate')}>{a.certificateNumber}</Descriptions.Item>}
    </Descriptions>
  );
}

function Tasks({ caseId }: { caseId: string }) {
  const t = useAdminWords();
  const locale = useLocale();
  const { label } = useWords();
  const tasks = useCaseTasks(caseId);
  if (tasks.error) return <ProblemAlert error={tasks.error} />;
  return (
    <Table<TaskRow>
      rowKey="id"
      size="small"
      loading={tasks.isPending}
      pagination={false}
      dataSource={tasks.data?.items ?? []}
      locale={{ emptyText: t('case.no-tasks') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('tasks.kind'), dataIndex: 'kindLabel' },
        { title: t('tasks.role'), dataIndex: 'assigneeRole', render: (r: string) => label('role', r) },
        { title: t('tasks.assignee'), key: 'assignee', render: (_, r) => r.assigneeId ?? r.assigneeOrg ?? '—' },
        { title: t('tasks.last-day'), dataIndex: 'lastDay', render: (d: string | null) => (d ? formatDay(locale, d) : '—') },
        {
          title: t('tasks.state'),
          key: 'state',
          render: (_, r) => (r.closedAt ? `${t('tasks.state.closed')} ${formatInstantDay(locale, r.closedAt)}` : r.overdue ? <Tag color={OVERDUE_COLOUR}>{t('tasks.overdue')}</Tag> : t('tasks.state.open')),
        },
        { title: '', key: 'act', render: (_, r) => (r.closedAt ? null : <ReassignButton caseId={caseId} task={r} />) },
      ]}
    />
  );
}

function Audit({ items, loading }: { items: AuditEvent[]; loading: boolean }) {
  const t = useAdminWords();
  const locale = useLocale();
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={items}
      locale={{ emptyText: t('case.no-audit') }}
      // No horizontal scroll: a long detail wraps (a scrolling region out of the keyboard's reach fails axe).
      columns={[
        { title: t('case.audit-at'), dataIndex: 'at', render: (at: string) => instant(locale, at) },
        { title: t('case.audit-actor'), dataIndex: 'actorId' },
        { title: t('case.audit-action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
        { title: t('case.audit-detail'), dataIndex: 'detail', render: (d: unknown) => <span style={{ overflowWrap: 'anywhere' }}>{detailOf(d)}</span> },
      ]}
    />
  );
}

export function AdminCaseDetailPage() {
  const { id = '' } = useParams();
  const t = useAdminWords();
  const { word } = useWords();
  const audit = useAudit(id);
  const process = audit.data?.process;
  const application = useApplication(id, process === 'appraisal');
  const a = application.data;
  const ended = a !== undefined && a.status !== 'open';

  const back = <Link to="/admin/cases">← {t('case.back')}</Link>;
  if (audit.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (audit.error) {
    return (
      <AdminFrame>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {back}
          <ProblemAlert error={audit.error} />
        </Space>
      </AdminFrame>
    );
  }
  const temporalUi = audit.data.links?.temporalUi;
  return (
    <AdminFrame>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {back}
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {a?.caseNumber ? `${word('api.case-number', '受理编号')} ${a.caseNumber}` : t('case.title', { id })}
            </Typography.Title>
          }
          extra={
            <Space>
              {process && <Tag>{word(`process.${process}`, process)}</Tag>}
              {temporalUi && (
                <Typography.Link href={temporalUi} target="_blank" rel="noreferrer">
                  {t('cases.open-temporal')}
                </Typography.Link>
              )}
            </Space>
          }
        >
          {application.error ? <ProblemAlert error={application.error} /> : a ? <Summary a={a} /> : <Typography.Text type="secondary">{id}</Typography.Text>}
        </Card>
        {process === 'assessment' && (
          <Card title={t('ent.title')}>
            <section aria-label={t('ent.title')}>
              <Entitlements membershipId={id} />
            </section>
          </Card>
        )}
        <Card title={t('case.tasks')}>
          <section aria-label={t('case.tasks')}>
            <Tasks caseId={id} />
          </section>
        </Card>
        {process !== 'meeting' && (
          <Card title={t('case.interventions')}>
            <Space wrap>
              {!ended && <ExtendButton caseId={id} />}
              {!ended && process !== 'assessment' && <CancelButton caseId={id} />}
              {a?.certificateNumber && <RevokeButton number={a.certificateNumber} />}
              {ended && !a?.certificateNumber && <Typography.Text type="secondary">{word(`status.${a.status}`, a.status)}</Typography.Text>}
            </Space>
          </Card>
        )}
        <Card title={t('case.audit')}>
          <section aria-label={t('case.audit')}>
            <Audit items={audit.data.items} loading={audit.isFetching && audit.data.items.length === 0} />
          </section>
        </Card>
      </Space>
    </AdminFrame>
  );
}

