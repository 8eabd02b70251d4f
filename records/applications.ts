import type { Db, DbTx } from '../prisma/client';
import type { Transition } from '../domain/transition';
import { recordTransitionWith } from './transitions';
import type { AppraisalInput } from '../domain/appraisal/types';

/** Inserts the application row once; a retried activity finds it and leaves it as it is. */
export async function upsertApplication(tx: DbTx, input: AppraisalInput, workflowId: string, pinned?: { policyVersion: number; standardId: string }) {
  await tx.application.upsert({
    where: { id: input.applicationId },
    create: {
      id: input.applicationId,
      workflowId,
      applicantId: input.applicantId,
      employerId: input.employerId,
      track: input.track,
      series: input.series,
      level: input.level,
      field: input.field,
      submission: input.submission as object,
      stage: 'submitted',
      ...(pinned ? { policyVersion: pinned.policyVersion, standardId: pinned.standardId } : {}),
      submittedAt: new Date(input.submittedAt),
    },
    update: {},
  });
}

/** The first write of a case: its row (with the rules it pinned), then the submission transition. */
export function recordSubmission(db: Db, input: AppraisalInput, t: Transition, pinned?: { policyVersion: number; standardId: string }): Promise<string[]> {
  return recordTransitionWith(db, t, { before: (tx) => upsertApplication(tx, input, t.workflowId, pinned) });
}
