// /cases/:id: one case — its stages so far (Steps, from the timeline, each with its day), the
// running deadline counted down in working days as the API reports them, what is expected of the
// applicant now (a sentence of the catalogue per stage), the actions the API allows at the moment
// (CaseActions), the materials to view or download, the form and, once issued, the certificate
// with its verification page.
import { Alert, Button, Card, Descriptions, Space, Spin, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../lib/session';
import { useCaseWords } from '../words';
import { CaseActions } from './CaseActions';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { certificatePdfPath, formPath, useCase, useCaseMaterials, useCertificate, useOpenFile, type CaseDetail, type Material } from '../api/cases';

const ENDED_BADLY = new Set(['failed', 'rejected', 'ineligible', 'withdrawn', 'cancelled']);

function Progress({ c }: { c: CaseDetail }) {
  const locale = useLocale();
  const { label } = useWords();
  // One step per stage entered, dated by the entry: steps that stay in a stage (a material added,
  // a deadline extended) add their notes to it.
  const steps = c.timeline.filter((e, i) => e.stage !== '' && (i === 0 || e.stage !== c.timeline[i - 1]?.stage));
  const last = steps.length - 1;
  return (
    <Steps
      direction="vertical"
      size="small"
      current={last}
      status={c.status === 'open' ? 'process' : ENDED_BADLY.has(c.status) ? 'error' : 'finish'}
      items={steps.map((e) => ({
        title: label('stage', e.stage),
        description: (
          <>
            {formatInstantDay(locale, e.at)}
            {e.note ? ` · ${e.note}` : ''}
          </>
        ),
      }))}
    />
  );
}

function Deadline({ c }: { c: CaseDetail }) {
  const t = useChrome();
  const w = useCaseWords();
  const locale = useLocale();
  const { label } = useWords();
  const d = c.deadline;
  if (!d) return <Typography.Text type="secondary">{t('case.no-deadline')}</Typography.Text>;
  // The count is the API's (the server's clock and the working-day calendar), never the browser's.
  const left = d.workingDaysLeft;
  return (
    <Space direction="vertical">
      <Statistic
        title={d.pausedSince ? w('deadline.paused', { day: formatInstantDay(locale, d.pausedSince) }) : label('step', d.purpose) === d.purpose ? d.purposeLabel : label('step', d.purpose)}
        value={left === 0 ? w('deadline.passed') : left === 1 ? w('deadline.left-today') : w('deadline.left', { n: left })}
        valueStyle={{ color: left <= 1 ? '#a8071a' : left <= 3 ? '#ad4e00' : '#135200', fontSize: 22 }}
      />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('case.deadline-purpose')}>{label('step', d.purpose) === d.purpose ? d.purposeLabel : label('step', d.purpose)}</Descriptions.Item>
        <Descriptions.Item label={t('case.deadline-last-day')}>{t('case.deadline-day', { day: formatDay(locale, d.lastDay), n: d.workingDays })}</Descriptions.Item>
      </Descriptions>
      {d.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} />
      ))}
    </Space>
  );
}

function Materials({ id, poll }: { id: string; poll: boolean }) {
  const t = useChrome();
  const { label } = useWords();
  const materials = useCaseMaterials(id, { poll });
  const open = useOpenFile();
  if (materials.error) return <ProblemAlert error={materials.error} />;
  return (
    <Table<Material>
      rowKey="id"
      size="small"
      loading={materials.isPending}
      pagination={false}
      dataSource={materials.data?.items ?? []}
      locale={{ emptyText: t('case.no-materials') }}
      columns={[
        { title: t('case.material-kind'), dataIndex: 'kind', render: (kind: string) => label('evidence', kind) },
        { title: t('case.material-title'), dataIndex: 'title', render: (title: string, m) => (m.replacedById ? <><Typography.Text delete>{title}</Typography.Text> <Tag>{t('case.material-replaced')}</Tag></> : title) },
        { title: t('case.material-size'), dataIndex: 'size', render: (size: number) => `${(size / 1024).toFixed(1)} KB` },
        {
          title: '',
          key: 'links',
          render: (_, m) =>
            m.purged ? null : (
              <Space>
                <Button size="small" onClick={() => open.mutate({ path: m.links.view, how: 'view' })}>
                  {t('case.view')}
                </Button>
                <Button size="small" onClick={() => open.mutate({ path: m.links.download, how: 'download', fileName: m.fileName })}>
                  {t('case.download')}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}

/** The certificate once issued: number, code, status, the PDF and the page anyone verifies it on. */
function CertificateCard({ c }: { c: CaseDetail }) {
  const w = useCaseWords();
  const locale = useLocale();
  const cert = useCertificate(c.id, c.certificateNumber !== undefined);
  const open = useOpenFile();
  if (!c.certificateNumber) return null;
  const data = cert.data;
  return (
    <Card title={w('certificate.title')}>
      {cert.error && <ProblemAlert error={cert.error} />}
      <Space direction="vertical">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={w('certificate.number')}>{c.certificateNumber}</Descriptions.Item>
          {data && <Descriptions.Item label={w('certificate.code')}>{data.verificationCode}</Descriptions.Item>}
          {data && (
            <Descriptions.Item label={w('certificate.status')}>
              {data.status === 'revoked' ? <Tag color="error">{w('certificate.revoked')}</Tag> : <Tag color="success">{w('certificate.valid')}</Tag>} {formatInstantDay(locale, data.issuedAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap>
          <Button type="primary" loading={open.isPending} onClick={() => open.mutate({ path: certificatePdfPath(c.id), how: 'download', fileName: `certificate-${c.certificateNumber}.pdf` })}>
            {w('certificate.download')}
          </Button>
          {data && <Link to={data.verifyAt}>{w('certificate.verify')}</Link>}
        </Space>
      </Space>
    </Card>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const t = useChrome();
  const w = useCaseWords();
  const { label, word } = useWords();
  const session = useSession();
  // Polled while the case is open: it moves on without this page (a reviewer decides, a notice
  // ends, a deadline passes), and the stage, the countdown and the actions should follow.
  const detail = useCase(id, { poll: true });
  const materials = useCaseMaterials(id);
  const open = useOpenFile();
  if (detail.isPending) return <Spin aria-label={t('loading')} style={{ display: 'block', margin: '48px auto' }} />;
  if (detail.error) {
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Link to="/cases">← {t('case.back')}</Link>
        <ProblemAlert error={detail.error} />
      </Space>
    );
  }
  const c = detail.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/cases">← {t('case.back')}</Link>
      <Card title={`${word('api.case-number', '受理编号')} ${c.caseNumber ?? c.id}`}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('cases.series-level')}>
            {label('series', c.series)} · {label('level', c.level)}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.track')}>{label('track', c.track)}</Descriptions.Item>
          <Descriptions.Item label={t('case.field')}>{c.field}</Descriptions.Item>
          <Descriptions.Item label={t('cases.stage')}>{label('stage', c.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('case.status')}>{label('status', c.status)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {session?.user.id === c.applicantId && (
        <Alert type="info" showIcon message={w('now.title')} description={word(`applicant-now.${c.stage}`, label('stage', c.stage))} />
      )}
      <Card title={t('case.deadline')}>
        <section aria-label={t('case.deadline')}>
          <Deadline c={c} />
        </section>
      </Card>
      <CaseActions c={c} materials={materials.data?.items ?? []} />
      <Card title={t('case.progress')}>
        <section aria-label={t('case.progress')}>
          <Progress c={c} />
        </section>
      </Card>
      <Card title={t('case.materials')}>
        <Materials id={c.id} poll={c.status === 'open'} />
      </Card>
      <Card title={t('case.documents')}>
        <Space>
          <Button onClick={() => open.mutate({ path: formPath(c.id), how: 'view' })}>{t('case.form-pdf')}</Button>
        </Space>
      </Card>
      <CertificateCard c={c} />
    </Space>
  );
}
