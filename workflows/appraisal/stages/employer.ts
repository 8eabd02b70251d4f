// Employer review (approve / return / reject) and the employer's notice (DOMAIN §1.2).
import { now, record, reviewerWait, startDeadline, waitUntilDue } from '../deadlines';
import type { AppraisalCase } from '../state';
import type { Cause } from './cause';
import type { MailSpec } from '../../../domain/transition';
import { phrase, type Phrase } from '../../../domain/words/say';
import { clearObjection, noticePeriod } from './notice';

/** Returns false when the case ends here. */
export async function employerStage(c: AppraisalCase): Promise<boolean> {
  const { input } = c;
  const employer = { role: 'employer' as const, organisationId: input.employerId };
  const applicant = { userId: input.applicantId };
  let cause: Cause = { actorId: 'system', action: 'open-employer-review' };

  for (;;) {
    const dueAt = await startDeadline(c, 'employer-review', c.pinned.deadlines.employerReviewDays);
    await record(
      c,
      c.move('employer-review', {
        ...cause,
        open: [c.task('employer-review', 'employer', { org: input.employerId }, dueAt)],
        mails: [{ eventKey: 'task', to: employer, template: 'task-assigned', data: { caseId: c.caseId, kind: 'employer-review', dueAt } }],
      }, now()),
    );
    c.intakeDone = true;
    c.resubmission = undefined;
    await reviewerWait(c, () => c.employerDecision !== undefined, employer);
    const { actor, decision, reason } = c.employerDecision!;

    if (decision === 'reject') {
      await record(c, c.move('rejected', { actorId: actor.id, action: 'employer-reject', note: reason, status: 'rejected', mails: [progress(c, 'rejected', reason)] }, now()));
      c.employerDecision = undefined;
      return false;
    }
    if (decision === 'return') {
      const resubmitBy = await startDeadline(c, 'resubmit', c.pinned.deadlines.resubmitDays);
      await record(
        c,
        c.move('returned', {
          actorId: actor.id,
          action: 'employer-return',
          note: reason,
          open: [c.task('resubmit', 'applicant', { userId: input.applicantId }, resubmitBy)],
          mails: [progress(c, 'returned', reason)],
        }, now()),
      );
      c.employerDecision = undefined;
      if ((await waitUntilDue(c, () => c.resubmission !== undefined, applicant)) === 'due') {
        await record(c, c.move('withdrawn', { actorId: 'system', action: 'resubmission-missed', note: '视为放弃', why: [deemedWithdrawn], status: 'withdrawn', mails: [progress(c, 'withdrawn', undefined, [deemedWithdrawn])] }, now()));
        return false;
      }
      c.submission = c.resubmission!.submission;
      cause = { actorId: input.applicantId, action: 'resubmit', detail: { submission: c.submission } };
      continue;
    }

    await startDeadline(c, 'employer-notice', c.pinned.deadlines.employerNoticeDays);
    await record(c, c.move('employer-notice', { actorId: actor.id, action: 'employer-approve', note: reason, detail: { noticeEndsAt: c.deadline!.dueAt }, mails: [progress(c, 'employer-notice')] }, now()));
    c.employerDecision = undefined;
    if ((await noticePeriod(c, employer)) === 'upheld') {
      const by = c.objectionResolution!;
      await record(c, c.move('rejected', { actorId: by.actor.id, action: 'objection-upheld', note: by.reason, status: 'rejected', mails: [progress(c, 'rejected', by.reason)] }, now()));
      clearObjection(c);
      return false;
    }
    return true;
  }
}

/** 视为放弃: a step not done in time ends the application. */
export const deemedWithdrawn = phrase('reason.deemed-withdrawn');

/** The applicant's mail about a move: the stage, a person's reason, or the system's. */
export function progress(c: AppraisalCase, stage: string, reason?: string, why?: Phrase[]): MailSpec {
  return {
    eventKey: 'progress',
    to: { userId: c.input.applicantId },
    template: 'stage-changed',
    data: { caseId: c.caseId, stage, reason: reason ?? '' },
    ...(why ? { why } : {}),
  };
}
