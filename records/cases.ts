// A case of any process, found by its id: an application (appraisal), a membership (assessment),
// an exit review, or a committee meeting. What an administrator's intervention is addressed to.
import type { Db } from '../prisma/client';

export type CaseProcess = 'appraisal' | 'assessment' | 'exit' | 'meeting';

export interface CaseRef {
  process: CaseProcess;
  id: string;
  workflowId: string;
}

/** The case with this id, whichever process it belongs to; undefined when there is none. */
export async function findCase(db: Db, id: string): Promise<CaseRef | undefined> {
  const select = { workflowId: true } as const;
  const [application, membership, review, meeting] = await Promise.all([
    db.application.findUnique({ where: { id }, select }),
    db.membership.findUnique({ where: { id }, select }),
    db.exitReview.findUnique({ where: { id }, select }),
    db.meeting.findUnique({ where: { id }, select }),
  ]);
  const found: [CaseProcess, { workflowId: string } | null][] = [['appraisal', application], ['assessment', membership], ['exit', review], ['meeting', meeting]];
  const [process, row] = found.find(([, r]) => r) ?? [];
  return process && row ? { process, id, workflowId: row.workflowId } : undefined;
}
