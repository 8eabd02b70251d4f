import type { DbTx } from '../prisma/client';
import type { AppraisalInput } from '../workflows/appraisal/types';

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
