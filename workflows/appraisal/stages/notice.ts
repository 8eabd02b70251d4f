// A public notice (公示) that a real-name objection pauses until it is resolved.
import { pauseDeadline, endDeadline } from '../../../domain/deadlines';
import type { Recipient } from '../../../domain/transition';
import { resumeDeadline } from '../../shared/deadline-book';
import { acts } from '../activities';
import { now, record, reviewerWait, startDeadline, waitUntilDue } from '../deadlines';
import type { AppraisalCase } from '../state';

/**
 * Runs the notice whose deadline is already started. Returns 'clear' when it closes, or 'upheld'
 * when an objection was upheld. A dismissed objection resumes the notice, extended by the
 * working days it was paused.
 */
export async function noticePeriod(c: AppraisalCase, investigators: Recipient & { role: 'employer' | 'authority' }): Promise<'clear' | 'upheld'> {
  const notice = c.current!;
  for (;;) {
    if ((await waitUntilDue(c, () => c.objection !== undefined)) === 'due') return 'clear';
    const objection = c.objection!;
    // The notice stands still while the objection is investigated, on a deadline of its own.
    pauseDeadline(c.book, notice, objection.raisedAt);
    await acts.recordObjection({ ...objection, workflowId: c.workflowId, caseId: c.caseId });
    const org = 'organisationId' in investigators ? investigators.organisationId : undefined;
    const dueAt = await startDeadline(c, 'objection', c.pinned.deadlines.objectionInvestigationDays);
    await record(
      c,
      c.move(c.stage, {
        actorId: objection.objectorId,
        action: 'object',
        note: objection.reason,
        close: [],
        open: [c.task('objection', investigators.role, org ? { org } : {}, dueAt)],
        mails: [{ eventKey: 'objection', to: investigators, template: 'task-assigned', data: { caseId: c.caseId, kind: 'objection', dueAt } }],
      }, now()),
    );
    c.objectionRecorded = true;
    await reviewerWait(c, () => c.objectionResolution !== undefined, investigators);
    const resolution = c.objectionResolution!;
    await acts.resolveObjection({ id: objection.id, outcome: resolution.outcome, resolvedAt: now() });
    // An upheld objection's slots are cleared by the caller, once it has recorded what follows.
    if (resolution.outcome === 'upheld') return 'upheld';

    const resumed = await resumeDeadline(c.book, notice, now());
    endDeadline(c.book, 'objection');
    c.current = notice;
    await record(
      c,
      c.move(c.stage, {
        actorId: resolution.actor.id,
        action: 'objection-dismissed',
        note: resolution.reason,
        detail: { pausedWorkingDays: resumed.pausedWorkingDays, noticeEndsAt: resumed.dueAt },
      }, now()),
    );
    clearObjection(c);
  }
}

export function clearObjection(c: AppraisalCase) {
  c.objection = undefined;
  c.objectionRecorded = false;
  c.objectionResolution = undefined;
}
