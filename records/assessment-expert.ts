import { createHash } from 'node:crypto';
import type { Db } from '../prisma/client';
import type { ExpertRequest } from '../domain/activities';

/**
 * The expert who evaluates this member this cycle: one of the series' active pool, never from
 * the talent's employer nor with a declared conflict (回避). The pick is a hash of membership and
 * cycle, so a retry assigns the same expert and the load spreads over the pool. None left: the
 * task goes to any expert of the pool (undefined).
 */
export async function assignAssessmentExpert(db: Db, r: ExpertRequest): Promise<{ expertId?: string }> {
  const experts = await db.expert.findMany({
    where: { series: r.series, active: true, termEndsOn: { gt: new Date(r.at) }, organisationId: { not: r.employerId }, id: { not: r.talentId } },
    orderBy: { id: 'asc' },
  });
  const conflicts = await db.expertConflict.findMany({ where: { subjectId: { in: [r.talentId, r.employerId] } }, select: { expertId: true } });
  const free = experts.filter((x) => !conflicts.some((c) => c.expertId === x.id));
  if (!free.length) return {};
  const digest = createHash('sha256').update(`${r.membershipId}/${r.cycle}`).digest();
  return { expertId: free[digest.readUInt32BE(0) % free.length]!.id };
}
