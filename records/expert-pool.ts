import type { Db } from '../prisma/client';
import type { ExpertPool } from '../domain/committee/types';
import type { PoolRequest } from '../domain/activities';

/**
 * The active pool of a series (active, term not over at the meeting's time), ordered by id, each
 * expert with the reasons they may not sit on these cases (回避). The workflow shuffles it with
 * `seed`. Meetings that started before they passed their time fall back to `now`. Experts a case
 * excludes (its earlier committees) are not in it.
 */
export async function loadExpertPool(db: Db, { series, cases, at }: PoolRequest, seed: string, now: Date): Promise<ExpertPool> {
  // Experts who sat on an earlier meeting of a case: a fresh committee hears its appeal.
  const excluded = [...new Set(cases.flatMap((c) => c.excludeExperts ?? []))];
  const experts = await db.expert.findMany({
    where: { series, active: true, termEndsOn: { gt: at ? new Date(at) : now }, ...(excluded.length ? { id: { notIn: excluded } } : {}) },
    orderBy: { id: 'asc' },
  });
  const applicants = new Set(cases.map((c) => c.applicantId));
  const employers = new Set(cases.map((c) => c.employerId));
  const declared = await db.expertConflict.findMany({
    where: { expertId: { in: experts.map((x) => x.id) }, subjectId: { in: [...applicants, ...employers] } },
    orderBy: [{ kind: 'asc' }, { subjectId: 'asc' }],
  });
  return {
    seed,
    experts: experts.map((x) => {
      const reasons = [
        ...(employers.has(x.organisationId) ? [`same-employer: ${x.organisationId}`] : []),
        ...(applicants.has(x.id) ? [`applicant: ${x.id}`] : []),
        ...declared.filter((d) => d.expertId === x.id).map((d) => `${d.kind}: ${d.subjectId}`),
      ];
      return reasons.length ? { expertId: x.id, conflict: reasons.join('; ') } : { expertId: x.id };
    }),
  };
}
