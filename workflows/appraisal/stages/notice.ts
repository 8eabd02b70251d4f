// A public notice (公示) that a real-name objection pauses until it is resolved.
import { justBefore } from '../../shared/clock';
import { acts } from '../activities';
import { now, record, reviewerWait, waitUntilDue } from '../deadlines';
import type { AppraisalCase } from '../state';
import type { Recipient } from '../../../domain/transition';

/**
 * Runs the notice whose deadline is already started. Returns 'clear' when it closes, or 'upheld'
 * when an objection was upheld. A dismissed objection resumes the notice, extended by the
 * working days it was paused.
 */
export async function noticePeriod(c: AppraisalCase, investigators: Recipient & { role: 'employer' | 'authority' }): Promise<'clear' | 'upheld'> {
  for (;;) {
    if ((await waitUntilDue(c, () => c.objection !== undefined)) === 'due') return 'clear';
    const objection = c.objection!;
    // The notice stands still while the objection is investigated (on its own deadline).
    const notice = (c.suspendedNotice = c.deadline!);
    await acts.recordObjection({ ...objection, workflowId: c.workflowId, caseId: c.caseId });
    const org = 'organisationId' in investigators ? investigators.organisationId : undefined;
    const dueAt = await startDeadlineFor(c);
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

    const paused = await acts.workingDaysBetween({ from: objection.raisedAt, to: now() });
    // Read back: an administrator may have had it recomputed on a corrected calendar meanwhile.
    const suspended = c.suspendedNotice ?? notice;
    const resumed = paused > 0 ? (await acts.deadlineAfter({ from: justBefore(suspended.dueAt), workingDays: paused })).dueAt : suspended.dueAt;
    c.deadline = { ...suspended, dueAt: resumed, workingDays: suspended.workingDays + paused };
    c.suspendedNotice = undefined;
    c.deadlineVersion++;
    await record(
      c,
      c.move(c.stage, {
        actorId: resolution.actor.id,
        action: 'objection-dismissed',
        note: resolution.reason,
        detail: { pausedWorkingDays: paused, noticeEndsAt: resumed },
      }, now()),
    );
    clearObjection(c);
  }
}

async function startDeadlineFor(c: AppraisalCase): Promise<string> {
  const from = now();
  const d = await acts.deadlineAfter({ from, workingDays: c.rules!.deadlines.objectionInvestigationDays });
  c.deadline = { purpose: 'objection', from, dueAt: d.dueAt, workingDays: c.rules!.deadlines.objectionInvestigationDays, warnings: d.warnings };
  c.deadlineVersion++;
  return d.dueAt;
}


export function clearObjection(c: AppraisalCase) {
  c.objection = undefined;
  c.objectionRecorded = false;
  c.objectionResolution = undefined;
}
