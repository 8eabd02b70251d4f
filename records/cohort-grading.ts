// Grading a cohort: each membership is its own workflow, so the 优秀 quota across the members of
// an intake is applied here, once, in the database.
import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../prisma/client';
import { cohortGraded } from '../workflows/assessment/messages';
import type { Grade } from '../domain/assessment/types';
import { gradeCohort as rank, gradeLate, type QuotaEntry } from '../domain/assessment/quota';
import type { CohortAnswer, CohortRequest } from '../domain/activities';
import { assessmentWorkflowId } from '../domain/ids';

/** Members who count in the cohort: the intake's memberships still running. */
const RUNNING = ['active', 'paused'];

/**
 * Files this member's score and, once every running member of the intake has one (or the
 * cohort's deadline has come), grades the whole cohort with the quota rule and tells the other
 * members. Deterministic and idempotent: the score is written once, grades once, and a call after
 * the cohort was graded returns the grade on record. Concurrent calls serialise on the cohort row
 * (its upsert takes a row lock in PostgreSQL; SQLite locks the database), so the last member in
 * always sees everyone else's score.
 */
export async function gradeCohort(db: Db, temporal: Client, r: CohortRequest): Promise<CohortAnswer> {
  const { answer, notify } = await db.$transaction((tx) => gradeInTx(tx, r));
  await Promise.all(
    notify
      .filter((n) => n.membershipId !== r.membershipId)
      .map((n) =>
        temporal.workflow
          .getHandle(assessmentWorkflowId(n.membershipId))
          .signal(cohortGraded, { cycle: r.cycle, grade: n.grade })
          // A member that has ended meanwhile needs no signal; one that missed it calls again at the deadline.
          .catch(() => undefined),
      ),
  );
  return answer;
}

async function gradeInTx(tx: DbTx, r: CohortRequest): Promise<{ answer: CohortAnswer; notify: { membershipId: string; grade: Grade }[] }> {
  const id = `${r.programmeId}/${r.intake}/${r.cycle}`;
  const at = new Date(r.at);
  const cohort = await tx.assessmentCohort.upsert({
    where: { id },
    create: { id, programmeId: r.programmeId, intake: r.intake, cycleIndex: r.cycle, gradeBy: new Date(r.gradeBy) },
    update: { updatedAt: at },
  });
  const gradeBy = cohort.gradeBy.toISOString();
  const key = { membershipId_cycleIndex: { membershipId: r.membershipId, cycleIndex: r.cycle } };
  const own = await tx.cycleResult.upsert({
    where: key,
    create: {
      membershipId: r.membershipId,
      cycleIndex: r.cycle,
      programmeId: r.programmeId,
      intake: r.intake,
      score: r.score,
      baseGrade: r.baseGrade,
      quota: r.quota,
      detail: r.detail as object,
      submittedAt: at,
    },
    update: {},
  });
  if (own.grade) return { answer: { grade: own.grade as Grade, gradeBy }, notify: [] };

  const entry = (row: typeof own): QuotaEntry => ({ membershipId: row.membershipId, score: row.score, baseGrade: row.baseGrade as Grade, quota: row.quota });

  if (cohort.gradedAt) {
    const excellent = await tx.cycleResult.count({ where: { programmeId: r.programmeId, intake: r.intake, cycleIndex: r.cycle, grade: 'excellent' } });
    const late = gradeLate(entry(own), { size: cohort.size ?? 0, quota: cohort.quota, excellent });
    await tx.cycleResult.update({ where: key, data: { grade: late.grade, gradedAt: at } });
    await tx.assessmentCohort.update({ where: { id }, data: { size: late.size, slots: late.slots } });
    return { answer: { grade: late.grade, gradeBy }, notify: [] };
  }

  const [members, rows] = await Promise.all([
    tx.membership.findMany({ where: { programmeId: r.programmeId, intake: r.intake, status: { in: RUNNING } }, select: { id: true } }),
    tx.cycleResult.findMany({ where: { programmeId: r.programmeId, intake: r.intake, cycleIndex: r.cycle }, orderBy: { membershipId: 'asc' } }),
  ]);
  const allIn = members.every((m) => rows.some((row) => row.membershipId === m.id));
  if (!allIn && at < cohort.gradeBy) return { answer: { gradeBy }, notify: [] };

  const result = rank(rows.map(entry));
  for (const row of rows) {
    await tx.cycleResult.update({ where: { membershipId_cycleIndex: { membershipId: row.membershipId, cycleIndex: r.cycle } }, data: { grade: result.grades[row.membershipId]!, gradedAt: at } });
  }
  await tx.assessmentCohort.update({ where: { id }, data: { gradedAt: at, size: rows.length, quota: result.quota, slots: result.slots } });
  return {
    answer: { grade: result.grades[r.membershipId]!, gradeBy },
    notify: rows.map((row) => ({ membershipId: row.membershipId, grade: result.grades[row.membershipId]! })),
  };
}
