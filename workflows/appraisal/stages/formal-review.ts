// Formal review by the authority, with the one-time correction notice (一次性告知) (DOMAIN §1.3).
import { now, record, reviewerWait, startDeadline, waitUntilDue } from '../deadlines';
import type { AppraisalCase } from '../state';
import type { Cause } from './cause';
import { deemedWithdrawn, progress } from './employer';

/** Returns the cause for the next stage, or undefined when the case ends here. */
export async function formalReview(c: AppraisalCase): Promise<Cause | undefined> {
  const authority = { role: 'authority' as const };
  let cause: Cause = { actorId: 'system', action: 'notice-closed' };
  for (;;) {
    const dueAt = await startDeadline(c, 'formal-review', c.pinned.deadlines.formalReviewDays);
    await record(
      c,
      c.move('formal-review', {
        ...cause,
        open: [c.task('formal-review', 'authority', {}, dueAt)],
        mails: [{ eventKey: 'task', to: authority, template: 'task-assigned', data: { caseId: c.caseId, kind: 'formal-review', dueAt } }],
      }, now()),
    );
    c.correction = undefined;
    await reviewerWait(c, () => c.formalDecision !== undefined, authority);
    const { actor, decision, items, reason } = c.formalDecision!;

    // A pass is answered once the next stage has opened (the caller clears the slot).
    if (decision === 'pass') return { actorId: actor.id, action: 'formal-pass', ...(reason ? { note: reason } : {}) };
    if (decision === 'reject') {
      await record(c, c.move('rejected', { actorId: actor.id, action: 'formal-reject', note: reason, status: 'rejected', mails: [progress(c, 'rejected', reason)] }, now()));
      c.formalDecision = undefined;
      return undefined;
    }

    c.correctionRounds++;
    c.correctionItems = items!;
    const correctBy = await startDeadline(c, 'correction', c.pinned.deadlines.correctionDays);
    const listed = items!.map((i, n) => `${n + 1}. ${i.item}: ${i.reason}`).join('\n');
    // Materials to replace are named in the reader's language by the template (notices before this named none).
    const replace = items!.flatMap((i) => (i.materialTitle ? [i.materialTitle] : []));
    await record(
      c,
      c.move('correction', {
        actorId: actor.id,
        action: 'request-correction',
        note: listed,
        detail: { items },
        open: [c.task('correction', 'applicant', { userId: c.input.applicantId }, correctBy)],
        mails: [{ eventKey: 'correction', to: { userId: c.input.applicantId }, template: 'correction-notice', data: { caseId: c.caseId, items: listed, dueAt: correctBy, ...(replace.length ? { replace: replace.join('\n') } : {}) } }],
      }, now()),
    );
    c.formalDecision = undefined;
    if ((await waitUntilDue(c, () => c.correction !== undefined, { userId: c.input.applicantId })) === 'due') {
      await record(c, c.move('withdrawn', { actorId: 'system', action: 'correction-missed', note: '视为放弃', why: [deemedWithdrawn], status: 'withdrawn', mails: [progress(c, 'withdrawn', undefined, [deemedWithdrawn])] }, now()));
      return undefined;
    }
    cause = { actorId: c.input.applicantId, action: 'submit-correction', detail: { corrections: c.correction!.corrections } };
    c.correctionItems = undefined;
  }
}
