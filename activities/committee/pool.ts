import type { Db } from '../../prisma/client';
import type { Enrolment, ExpertPool } from '../../workflows/committee/types';

export interface PoolRequest {
  series: string;
  cases: Pick<Enrolment, 'applicantId' | 'employerId'>[];
}

/**
 * The active pool of a series (active, term not over), ordered by id, each expert with the
 * reasons they may not sit on these cases (回避). The workflow shuffles it with `seed`.
 */
export async function loadExpertPool(db: Db, { series, cases }: PoolRequest, seed: string): Promise<ExpertPool> {
  const experts = await db.expert.findMany({
    where: { series, active: true, termEndsOn: { gt: new Date() } },
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
