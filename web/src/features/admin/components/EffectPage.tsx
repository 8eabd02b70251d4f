// /admin/effect: a programme's effect (效果跟踪): per cycle the grades given, the 优秀 share against
// the quota and the mean score, as a table and a chart; exits by cause; members by status; the
// figures as CSV; all intakes or one. A talent's own picture is one address away (/admin/effect/talents/<id>).
import { Button, Card, Col, Empty, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useDownload } from '../api/admin';
import { effectCsvPath, useProgrammeEffect, useProgrammes, type ProgrammeEffect } from '../api/effect';
import { useEffectWords } from '../effect-words';
import { AdminFrame, OVERDUE_COLOUR } from './AdminFrame';

const GroupedColumnChart = lazy(() => import('./Charts').then((m) => ({ default: m.GroupedColumnChart })));

const GRADES = ['excellent', 'pass', 'basic-pass', 'fail'] as const;
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

function Cycles({ e }: { e: ProgrammeEffect }) {
  const t = useEffectWords();
  const { label } = useWords();
  const rows = e.cycles.map((c) => ({ key: c.cycle, ...c }));
  const data = e.cycles.flatMap((c) => GRADES.map((g) => ({ group: t('effect.cycle-n', { n: c.cycle }), name: label('grade', g), count: c.grades[g] })));
  const overQuota = (share: number | null) => e.excellentQuota !== null && share !== null && share > e.excellentQuota;
  return (
    <Card title={t('effect.by-cycle')} size="small" extra={<Typography.Text>{e.excellentQuota === null ? t('effect.no-quota') : t('effect.quota', { quota: percent(e.excellentQuota) })}</Typography.Text>}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('effect.cycle'), dataIndex: 'cycle', render: (n: number) => t('effect.cycle-n', { n }) },
          ...GRADES.map((g) => ({ title: label('grade', g), key: g, render: (_: unknown, r: (typeof rows)[number]) => r.grades[g] })),
          { title: t('effect.graded'), dataIndex: 'graded' },
          { title: t('effect.excellent-share'), key: 'share', render: (_: unknown, r: (typeof rows)[number]) => (overQuota(r.excellentShare) ? <Tag color={OVERDUE_COLOUR}>{percent(r.excellentShare)}</Tag> : percent(r.excellentShare)) },
          { title: t('effect.mean-score'), dataIndex: 'meanScore', render: (x: number | null) => x ?? '—' },
        ]}
      />
      {data.length > 0 && (
        <Suspense fallback={<Spin tip={t('effect.chart-loading')}><div style={{ height: 260 }} /></Spin>}>
          <GroupedColumnChart title={t('effect.chart')} data={data} />
        </Suspense>
      )}
    </Card>
  );
}

function Exits({ e }: { e: ProgrammeEffect }) {
  const t = useEffectWords();
  const { label } = useWords();
  return (
    <Card title={t('effect.exits')} size="small">
      <Table
        size="small"
        pagination={false}
        locale={{ emptyText: t('effect.nothing') }}
        dataSource={e.exits.map((x) => ({ key: `${x.kind}/${x.cause}`, cause: label(x.kind === 'review' ? 'trigger' : 'closure', x.cause), count: x.count }))}
        columns={[
          { title: t('effect.cause'), dataIndex: 'cause' },
          { title: t('effect.count'), dataIndex: 'count' },
        ]}
      />
    </Card>
  );
}

function Members({ e }: { e: ProgrammeEffect }) {
  const t = useEffectWords();
  const { label } = useWords();
  return (
    <Card title={t('effect.members')} size="small">
      <Space wrap>
        {Object.entries(e.membersByStatus).map(([status, n]) => (
          <Tag key={status}>{`${label('status', status)} ${n}`}</Tag>
        ))}
      </Space>
    </Card>
  );
}

export function EffectPage() {
  const t = useEffectWords();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programme') ?? undefined;
  const intake = params.get('intake') ?? undefined;
  const programmes = useProgrammes();
  const effect = useProgrammeEffect(programmeId, intake);
  const download = useDownload();
  return (
    <AdminFrame>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('effect.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('effect.programme')}
            placeholder={t('effect.pick')}
            style={{ minWidth: 240 }}
            value={programmeId}
            loading={programmes.isPending}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: locale === 'en' ? p.nameEn : p.name }))}
            onChange={(id: string) => setParams({ programme: id })}
          />
          {programmeId && (effect.data?.intakes.length ?? 0) > 1 && (
            <Select
              aria-label={t('effect.intake')}
              placeholder={t('effect.all-intakes')}
              allowClear
              style={{ minWidth: 160 }}
              value={intake}
              options={effect.data!.intakes.map((i) => ({ value: i, label: i }))}
              onChange={(i?: string) => setParams(i ? { programme: programmeId, intake: i } : { programme: programmeId })}
            />
          )}
          {programmeId && (
            <Button onClick={() => download.mutate(effectCsvPath(programmeId, intake))} loading={download.isPending}>
              {t('effect.download')}
            </Button>
          )}
          <Input.Search aria-label={t('effect.talent')} placeholder={t('effect.talent')} enterButton={t('effect.open-talent')} onSearch={(id) => id.trim() && navigate(`/admin/effect/talents/${encodeURIComponent(id.trim())}`)} />
        </Space>
        {download.error && <ProblemAlert error={download.error} />}
        {programmes.error && <ProblemAlert error={programmes.error} />}
        {!programmeId ? (
          <Empty description={t('effect.pick')} />
        ) : effect.isPending ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : effect.error ? (
          <ProblemAlert error={effect.error} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Cycles e={effect.data} />
            </Col>
            <Col xs={24} lg={12}>
              <Exits e={effect.data} />
            </Col>
            <Col xs={24} lg={12}>
              <Members e={effect.data} />
            </Col>
          </Row>
        )}
      </Space>
    </AdminFrame>
  );
}
