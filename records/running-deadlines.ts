// The read model of running working-day deadlines (RunningDeadline): what a calendar change would
// move. Transitions report a case's deadlines after each move; they are recorded in one
// transaction with the transition, and an older report that commits late (an assessment's
// evaluators record in parallel) never overwrites a newer one: each row keeps the sequence number
// of the transition that last wrote it.
import type { DbTx } from '../prisma/client';
import type { DeadlineReport } from '../domain/transition';

/** The sequence number a case log puts in front of its event keys (`12-employer-approve`). */
export function sequenceOf(eventKey: string): number | undefined {
  const n = Number.parseInt(eventKey, 10);
  return Number.isInteger(n) ? n : undefined;
}

export async function syncRunningDeadlines(
  tx: DbTx,
  t: { workflowId: string; caseId: string; eventKey: string; at: string },
  reported: DeadlineReport[],
): Promise<void> {
  const seq = sequenceOf(t.eventKey);
  if (seq === undefined) return;
  const { workflowId } = t;
  for (const d of reported) {
    const data = {
      caseId: t.caseId,
      countFrom: new Date(d.countFrom),
      workingDays: d.workingDays,
      dueAt: new Date(d.dueAt),
      pausedSince: d.pausedSince ? new Date(d.pausedSince) : null,
      seq,
      endedAt: null,
    };
    const updated = await tx.runningDeadline.updateMany({ where: { workflowId, purpose: d.purpose, seq: { lt: seq } }, data });
    if (updated.count === 0 && !(await tx.runningDeadline.findUnique({ where: { workflowId_purpose: { workflowId, purpose: d.purpose } } }))) {
      await tx.runningDeadline.create({ data: { workflowId, purpose: d.purpose, ...data } });
    }
  }
  // What this transition no longer reports has ended, unless a newer transition said otherwise.
  await tx.runningDeadline.updateMany({
    where: { workflowId, endedAt: null, seq: { lt: seq }, purpose: { notIn: reported.map((d) => d.purpose) } },
    data: { endedAt: new Date(t.at), seq },
  });
}
