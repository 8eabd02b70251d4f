// /cases/:id: one case — its stages so far (Steps, from the timeline), the running deadline with
// its working days, the materials to view or download, the form and, once certified, the
// certificate as PDFs.
import { Alert, Button, Card, Descriptions, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { certificatePdfPath, formPath, useCase, useCaseMaterials, useOpenFile, type CaseDetail, type Material } from '../api/cases';

const ENDED_BADLY = new Set(['failed', 'rejected', 'ineligible', 'withdrawn', 'cancelled']);

function Progress({ c }: { c: CaseDetail }) {
  const locale = useLocale();
  const { label } = useWords();
  const last = c.timeline.length - 1;
  return (
    <Steps
      direction="vertical"
      size="small"
      current={last}
      status={c.status === 'open' ? 'process' : ENDED_BADLY.has(c.status) ? 'error' : 'finish'}
      items={c.timeline.map((e) => ({
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
  const locale = useLocale();
  const { label } = useWords();
  const d = c.deadline;
  if (!d) return <Typography.Text type="secondary">{t('case.no-deadline')}</Typography.Text>;
  return (
    <Space direction="vertical">
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

function Materials({ id }: { id: string }) {
  const t = useChrome();
  const { label } = useWords();
  const materials = useCaseMaterials(id);
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

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const t = useChrome();
  const { label, word } = useWords();
  const detail = useCase(id);
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
      <Card title={t('case.deadline')}>
        <section aria-label={t('case.deadline')}>
          <Deadline c={c} />
        </section>
      </Card>
      <Card title={t('case.progress')}>
        <section aria-label={t('case.progress')}>
          <Progress c={c} />
        </section>
      </Card>
      <Card title={t('case.materials')}>
        <Materials id={c.id} />
      </Card>
      <Card title={t('case.documents')}>
        <Space>
          <Button onClick={() => open.mutate({ path: formPath(c.id), how: 'view' })}>{t('case.form-pdf')}</Button>
          {c.status === 'certified' && c.certificateNumber && (
            <Button type="primary" onClick={() => open.mutate({ path: certificatePdfPath(c.id), how: 'view' })}>
              {t('case.certificate-pdf')}
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
