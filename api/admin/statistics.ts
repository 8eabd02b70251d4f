// Counts against the district plan's indicators (seed text, 十四五 targets; the targets are the
// `plan` policy in force) and the running work. Each indicator says what it counts, since the
// system sees only what passes through it.
import type { IndicatorKey } from '../../domain/plan';
import type { Db } from '../../prisma/client';
import { loadPolicy, PolicyMissing } from '../../records/policy';

export interface Indicator {
  key: IndicatorKey;
  label: { 'zh-CN': string; en: string };
  /** What the value counts, or why it cannot be counted yet. */
  basis: string;
  count(db: Db, period: { from: Date; to: Date }): Promise<number | null>;
}

const HIGH_LEVELS = ['deputy-senior', 'senior'];

export const indicators: Indicator[] = [
  {
    key: 'new-high-level-talents',
    label: { 'zh-CN': '新增高层次人才', en: 'New high-level talents' },
    basis: 'valid certificates at 副高级 or 正高级 issued in the period (title appraisal); programme selections are not counted yet',
    count: (db, { from, to }) => db.certificate.count({ where: { level: { in: HIGH_LEVELS }, status: 'valid', issuedAt: { gte: from, lt: to } } }),
  },
  {
    key: 'new-leading-talents',
    label: { 'zh-CN': '新增行业领军人才', en: 'New industry leading talents' },
    basis: 'admissions in the period to programmes of the leading-talent type (领军人才), from the periodic-assessment records',
    count: (db, { from, to }) => db.membership.count({ where: { programme: { talentType: 'leading' }, admittedAt: { gte: from, lt: to } } }),
  },
  {
    key: 'direct-track-titles',
    label: { 'zh-CN': '直通车评定职称', en: 'Titles on the direct track (直通车)' },
    basis: 'certified direct-track applications submitted in the period (no plan target: monitoring only)',
    count: (db, { from, to }) => db.application.count({ where: { track: 'direct', status: 'certified', submittedAt: { gte: from, lt: to } } }),
  },
  {
    key: 'green-channel-titles',
    label: { 'zh-CN': '绿色通道评定职称', en: 'Titles through the green channel (绿色通道)' },
    basis: 'certified green-channel applications submitted in the period (no plan target: monitoring only)',
    count: (db, { from, to }) => db.application.count({ where: { track: 'green', status: 'certified', submittedAt: { gte: from, lt: to } } }),
  },
];

const tally = (rows: { _count: number }[], key: (r: never) => string) =>
  Object.fromEntries(rows.map((r) => [key(r as never), r._count]));

export async function statistics(db: Db, period: { from: Date; to: Date }, now: Date) {
  const inPeriod = { submittedAt: { gte: period.from, lt: period.to } };
  const [byStage, byStatus, byTrack, certified, openTasks, overdueTasks, meetings] = await Promise.all([
    db.application.groupBy({ by: ['stage'], where: { ...inPeriod, status: 'open' }, _count: true }),
    db.application.groupBy({ by: ['status'], where: inPeriod, _count: true }),
    db.application.groupBy({ by: ['track'], where: inPeriod, _count: true }),
    db.certificate.groupBy({ by: ['level'], where: { issuedAt: { gte: period.from, lt: period.to }, status: 'valid' }, _count: true }),
    db.task.count({ where: { closedAt: null } }),
    db.task.count({ where: { closedAt: null, dueAt: { lt: now } } }),
    db.meeting.groupBy({ by: ['status'], _count: true }),
  ]);
  const plan = await loadPolicy(db, 'plan', { at: now }).catch((err: unknown) => {
    if (err instanceof PolicyMissing) return undefined;
    throw err;
  });
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    planVersion: plan?.version ?? null,
    indicators: await Promise.all(
      indicators.map(async (i) => {
        const t = plan?.values.indicators[i.key];
        return { key: i.key, label: i.label, target: t?.target ?? null, unit: t?.unit ?? null, basis: i.basis, value: await i.count(db, period) };
      }),
    ),
    appraisal: {
      runningByStage: tally(byStage, (r: { stage: string }) => r.stage),
      byStatus: tally(byStatus, (r: { status: string }) => r.status),
      byTrack: tally(byTrack, (r: { track: string }) => r.track),
      certifiedByLevel: tally(certified, (r: { level: string }) => r.level),
    },
    tasks: { open: openTasks, overdue: overdueTasks },
    meetings: { byStatus: tally(meetings, (r: { status: string }) => r.status) },
  };
}
