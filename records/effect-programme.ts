// 效果跟踪, one programme: per cycle the grades given and the 优秀 share against the quota, the
// mean score; exits by cause; members by status. Reads only.
import type { Db } from '../prisma/client';
import { GRADES, type Grade } from '../domain/assessment/types';
import { gradingValuesSchema } from '../domain/assessment/policy';
import { points } from './effect-talent';

type Counts = Record<Grade, number>;
const zero = (): Counts => ({ excellent: 0, pass: 0, 'basic-pass': 0, fail: 0 });

export interface CycleFigures {
  cycle: number;
  /** Graded members (a cycle awaiting its cohort's grading is not counted). */
  graded: number;
  grades: Counts;
  /** 优秀 / graded, 0–1; null when none is graded. */
  excellentShare: number | null;
  /** Mean of the scored results, points; null when none has a score. */
  meanScore: number | null;
}

interface ResultRow {
  cycleIndex: number;
  intake: string;
  score: number | null;
  grade: string | null;
}

function figures(rows: ResultRow[]): CycleFigures[] {
  const byCycle = new Map<number, ResultRow[]>();
  for (const r of rows) byCycle.set(r.cycleIndex, [...(byCycle.get(r.cycleIndex) ?? []), r]);
  return [...byCycle.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cycle, rs]) => {
      const graded = rs.filter((r) => r.grade);
      const grades = zero();
      for (const r of graded) if ((GRADES as readonly string[]).includes(r.grade!)) grades[r.grade as Grade]++;
      const scored = graded.map((r) => r.score).filter((s): s is number => s !== null);
      return {
        cycle,
        graded: graded.length,
        grades,
        excellentShare: graded.length ? grades.excellent / graded.length : null,
        meanScore: scored.length ? points(Math.round(scored.reduce((s, v) => s + v, 0) / scored.length)) : null,
      };
    });
}

/** Exits that became final, by cause: an exit review's trigger, or a closure's outcome (e.g. death). */
async function exitsOf(db: Db, members: { programmeId: string; intake?: string }) {
  const ids = (await db.membership.findMany({ where: members, select: { id: true } })).map((m) => m.id);
  const [reviews, closed] = await Promise.all([
    db.exitReview.groupBy({ by: ['trigger'], where: { status: 'exited', membershipId: { in: ids } }, _count: { _all: true } }),
    db.membership.groupBy({ by: ['outcome'], where: { ...members, status: 'closed' }, _count: { _all: true } }),
  ]);
  return [
    ...reviews.map((r) => ({ kind: 'review' as const, cause: r.trigger, count: r._count._all })),
    ...closed.map((m) => ({ kind: 'closure' as const, cause: m.outcome ?? 'closed', count: m._count._all })),
  ].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
}

export type ProgrammeEffect = NonNullable<Awaited<ReturnType<typeof programmeEffect>>>;

/** The programme's figures, or null when there is no such programme. `intake` narrows to one intake. */
export async function programmeEffect(db: Db, programmeId: string, intake?: string) {
  const programme = await db.programme.findUnique({ where: { id: programmeId } });
  if (!programme) return null;
  const [grading, results, members, intakes, exits] = await Promise.all([
    db.programmeStandard.findFirst({ where: { programmeId }, orderBy: { version: 'desc' } }),
    db.cycleResult.findMany({ where: { programmeId, ...(intake ? { intake } : {}) }, select: { cycleIndex: true, intake: true, score: true, grade: true } }),
    db.membership.groupBy({ by: ['status'], where: { programmeId, ...(intake ? { intake } : {}) }, _count: { _all: true } }),
    db.membership.findMany({ where: { programmeId }, distinct: ['intake'], select: { intake: true }, orderBy: { intake: 'asc' } }),
    exitsOf(db, { programmeId, ...(intake ? { intake } : {}) }),
  ]);
  const rules = gradingValuesSchema.safeParse(grading?.rules);
  return {
    programme: { id: programme.id, name: programme.name, nameEn: programme.nameEn, talentType: programme.talentType },
    /** The 优秀 quota of the grading rules in force (share of a cohort), null for none. */
    excellentQuota: rules.success ? rules.data.excellentQuota : null,
    intake: intake ?? null,
    intakes: intakes.map((i) => i.intake),
    cycles: figures(results),
    membersByStatus: Object.fromEntries(members.map((m) => [m.status, m._count._all])) as Record<string, number>,
    exits,
  };
}
