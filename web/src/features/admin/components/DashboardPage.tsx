// /admin: the plan's indicators against their targets, the running work (open and overdue tasks,
// applications by stage and by track, meetings by status). The figures come first; the charts
// load after them (their library is a chunk of its own).
import { Card, Col, Empty, Progress, Row, Space, Spin, Statistic, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords, type WordGroup } from '../../../lib/words';
import { useStatistics, type Statistics } from '../api/admin';
import { useAdminWords } from '../words';
import { AdminFrame } from './AdminFrame';
import type { Datum } from './Charts';

const ColumnChart = lazy(() => import('./Charts').then((m) => ({ default: m.ColumnChart })));
const PieChart = lazy(() => import('./Charts').then((m) => ({ default: m.PieChart })));

function ChartCard({ title, data, kind }: { title: string; data: Datum[]; kind: 'column' | 'pie' }) {
  const t = useAdminWords();
  return (
    <Card title={title} size="small">
      {data.length === 0 ? (
        <Empty description={t('dashboard.nothing')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Suspense fallback={<Spin tip={t('dashboard.chart-loading')}><div style={{ height: 260 }} /></Spin>}>
          {kind === 'column' ? <ColumnChart title={title} data={data} /> : <PieChart title={title} data={data} />}
        </Suspense>
      )}
    </Card>
  );
}

function Indicators({ s }: { s: Statistics }) {
  const t = useAdminWords();
  const locale = useLocale();
  return (
    <Card title={t('dashboard.indicators')} extra={<Typography.Text type="secondary">{s.planVersion === null ? t('dashboard.no-plan') : t('dashboard.plan-version', { version: s.planVersion })}</Typography.Text>}>
      <Row gutter={[16, 16]}>
        {s.indicators.map((i) => {
          const name = i.label[locale];
          const target = i.target ?? 0;
          return (
            <Col key={i.key} xs={24} sm={12} lg={6}>
              <section aria-label={name}>
                <Statistic title={name} value={i.value ?? t('dashboard.not-counted')} suffix={i.value === null ? undefined : (i.unit ?? undefined)} />
                {target > 0 && i.value !== null ? (
                  <>
                    <Progress percent={Math.round((i.value / target) * 100)} aria-label={`${name} ${i.value}/${target}`} />
                    <Typography.Text type="secondary">{t('dashboard.target', { target, unit: i.unit ?? '' })}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('dashboard.no-target')}</Typography.Text>
                )}
              </section>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

const figure = (title: string, value: number, extra?: ReactNode) => (
  <Card size="small">
    <section aria-label={title}>
      <Statistic title={title} value={value} />
      {extra}
    </section>
  </Card>
);

export function DashboardPage() {
  const t = useAdminWords();
  const locale = useLocale();
  const { label } = useWords();
  const stats = useStatistics();
  if (stats.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (stats.error) return <ProblemAlert error={stats.error} />;
  const s = stats.data;
  const tally = (group: WordGroup, counts: Record<string, number>): Datum[] => Object.entries(counts).map(([code, count]) => ({ name: label(group, code), count }));
  const running = Object.values(s.appraisal.runningByStage).reduce((a, b) => a + b, 0);
  return (
    <AdminFrame>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dashboard.period', { from: formatInstantDay(locale, s.period.from) })}</Typography.Text>
        <Indicators s={s} />
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            {figure(t('dashboard.running-cases'), running, <Link to="/admin/cases?state=running">{t('nav.cases')}</Link>)}
          </Col>
          <Col xs={24} md={8}>
            {figure(t('dashboard.open-tasks'), s.tasks.open, <Link to="/admin/tasks">{t('nav.tasks')}</Link>)}
          </Col>
          <Col xs={24} md={8}>
            {figure(
              t('dashboard.overdue-tasks'),
              s.tasks.overdue,
              s.tasks.overdue > 0 ? <Link to="/admin/tasks?overdue=true">{t('dashboard.see-overdue')}</Link> : undefined,
            )}
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <ChartCard kind="column" title={t('dashboard.by-stage')} data={tally('stage', s.appraisal.runningByStage)} />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard kind="pie" title={t('dashboard.by-track')} data={tally('track', s.appraisal.byTrack)} />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard kind="pie" title={t('dashboard.by-status')} data={tally('status', s.appraisal.byStatus)} />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard kind="column" title={t('dashboard.meetings')} data={tally('stage', s.meetings.byStatus)} />
          </Col>
        </Row>
      </Space>
    </AdminFrame>
  );
}
