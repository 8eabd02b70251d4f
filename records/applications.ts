import type { Db, DbTx } from '../prisma/client';
import type { Transition } from '../domain/transition';
import { recordTransitionWith } from './transitions';
import type { MailSettings } from './outbox';
import type { AppraisalInput } from '../domain/appraisal/types';
import { caseNumberPrefix, formatCaseNumber } from '../domain/case-number';
import { attachToApplication } from './materials';

/**
 * The next 受理编号 of a prefix. The counter row's upsert is one statement (PostgreSQL: INSERT …
 * ON CONFLICT DO UPDATE SET last = last + 1, which locks the row until commit; SQLite: the
 * transaction holds the database's write lock), so concurrent submissions get distinct numbers.
 */
async function nextCaseNumber(tx: DbTx, prefix: string): Promise<string> {
  const counter = await tx.caseNumberCounter.upsert({
    where: { prefix },
    create: { prefix, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatCaseNumber(prefix, counter.last);
}

/**
 * Inserts the application row once, with its 受理编号, in the caller's transaction; a retried
 * activity finds the row and leaves it (and the counter) as they are. Two attempts racing both
 * count, but only one inserts: the other's transaction fails on the id and rolls its count back.
 */
export async function upsertApplication(tx: DbTx, input: AppraisalInput, workflowId: string, pinned?: { policyVersion: number; standardId: string }) {
  const existing = await tx.application.findUnique({ where: { id: input.applicationId }, select: { id: true } });
  if (existing) return;
  const caseNumber = await nextCaseNumber(tx, caseNumberPrefix(input));
  await tx.application.create({
    data: {
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
      caseNumber,
      ...(pinned ? { policyVersion: pinned.policyVersion, standardId: pinned.standardId } : {}),
      submittedAt: new Date(input.submittedAt),
    },
  });
  // The draft's materials are the case's from the moment it exists, in the same transaction.
  if (input.draftId) await attachToApplication(tx, input.draftId, input.applicationId);
}

/** The first write of a case: its row (with the rules it pinned and its number), then the submission transition. */
export function recordSubmission(db: Db, mail: MailSettings, input: AppraisalInput, t: Transition, pinned?: { policyVersion: number; standardId: string }): Promise<string[]> {
  return recordTransitionWith(db, mail, t, { before: (tx) => upsertApplication(tx, input, t.workflowId, pinned) });
}
