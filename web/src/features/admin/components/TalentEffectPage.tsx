// /admin/effect/talents/<id>: a talent's long-term picture (效果跟踪): each programme membership
// with its cycles (score, grade), the long-term trend, outputs and exit reviews; the titles and
// integrity records.
import { Card, Descriptions, Empty, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useTalentEffect, type Membership, type TalentEffect } from '../api/effect';
import { useEffectWords } from '../effect-words';
import { AdminFrame } from './AdminFrame';

function MembershipCard({ m }: { m: Membership }) {
  const t = useEffectWords();
  const locale = useLocale();
  const { label } = useWords();
  const day = (iso: string) => formatInstantDay(locale, iso);
  const name = locale === 'en' ? m.programme.nameEn : m.programme.name;
  return (
    <Card size="small" title={`${name} · ${label('status', m.status)}`} extra={<Typography.Text>{[t('effect.admitted', { date: day(m.admittedAt) }), m.endedAt ? t('effect.ended', { date: day(m.endedAt) }) : ''].filter(Boolean).join(' · ')}</Typography.Text>}>
      <Table
        size="small"
        pagination={false}
        aria-label={`${name} ${t('effect.cycle')}`}
        dataSource={m.cycles.map((c) => ({ key: c.cycle, ...c }))}
        columns={[
          { title: t('effect.cycle'), dataIndex: 'cycle', render: (n: number) => t('effect.cycle-n', { n }) },
          { title: t('effect.score'), dataIndex: 'score', render: (x: number | null) => x ?? '—' },
          { title: t('effect.grade'), dataIndex: 'grade', render: (g: string | null) => (g ? label('grade', g) : t('effect.pending')) },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 12 }}>
        {m.longTerm.meanScore !== null && <Typography.Text>{t('effect.long-term', { mean: m.longTerm.meanScore, trend: m.longTerm.trend ? label('trend', m.longTerm.trend) : '—' })}</Typography.Text>}
        {m.longTerm.termGrade && <Typography.Text>{t('effect.term-grade', { grade: label('grade', m.longTerm.termGrade) })}</Typography.Text>}
        {m.outputs.length > 0 && (
          <Descriptions size="small" column={1} title={t('effect.outputs')} items={m.outputs.map((o, i) => ({ key: i, label: `${o.cycle === null ? '' : t('effect.cycle-n', { n: o.cycle })} ${label('output-kind', o.kind)}`, children: o.title }))} />
        )}
        {m.exitReviews.length > 0 && (
          <Descriptions size="small" column={1} title={t('effect.exit-reviews')} items={m.exitReviews.map((r) => ({ key: r.id, label: `${day(r.startedAt)} ${label('trigger', r.trigger)}`, children: label('status', r.status) }))} />
        )}
      </Space>
    </Card>
  );
}

function Titles({ e }: { e: TalentEffect }) {
  const t = useEffectWords();
  const locale = useLocale();
  const { label } = useWords();
  const title = (x: { series: string; level: string }) => `${label('series', x.series)} ${label('level', x.level)}`;
  return (
    <Card size="small" title={t('effect.titles')}>
      <List
        size="small"
        header={t('effect.certificates')}
        locale={{ emptyText: t('effect.none') }}
        dataSource={e.titles.certificates}
        renderItem={(c) => (
          <List.Item>
            {`${formatInstantDay(locale, c.issuedAt)} ${title(c)} ${c.number}`} {c.revoked && <Tag>{t('effect.revoked')}</Tag>}
          </List.Item>
        )}
      />
      <List
        size="small"
        header={t('effect.applications')}
        locale={{ emptyText: t('effect.none') }}
        dataSource={e.titles.applications}
        renderItem={(a) => <List.Item>{`${formatInstantDay(locale, a.submittedAt)} ${title(a)} · ${label('status', a.status)}`}</List.Item>}
      />
      <List
        size="small"
        header={t('effect.integrity')}
        locale={{ emptyText: t('effect.none') }}
        dataSource={e.integrity}
        renderItem={(r) => <List.Item>{`${formatInstantDay(locale, r.recordedAt)} ${label('integrity', r.kind)}：${r.reason}`}</List.Item>}
      />
    </Card>
  );
}

export function TalentEffectPage() {
  const t = useEffectWords();
  const { talentId = '' } = useParams();
  const effect = useTalentEffect(talentId);
  if (effect.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return (
    <AdminFrame>
      {effect.error ? (
        <ProblemAlert error={effect.error} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('effect.talent-title', { name: effect.data.talent.name })}
          </Typography.Title>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('effect.memberships')}
          </Typography.Title>
          {effect.data.memberships.length === 0 ? <Empty description={t('effect.none')} /> : effect.data.memberships.map((m) => <MembershipCard key={m.membershipId} m={m} />)}
          <Titles e={effect.data} />
        </Space>
      )}
    </AdminFrame>
  );
}
