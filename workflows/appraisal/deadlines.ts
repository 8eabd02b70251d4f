// The appraisal's deadlines on the one engine (workflows/shared/deadline-book.ts): one running at
// a time (the stage's), plus a notice that stands still while an objection to it is investigated.
// Waiting for a person: reminders before, escalation to the administrators after.
import { condition } from '@temporalio/workflow';
import { endAll, endDeadline } from '../../domain/deadlines';
import type { Recipient, Transition } from '../../domain/transition';
import { now } from '../shared/clock';
import { startDeadline as start, waitUntilDue as wait } from '../shared/deadline-book';
import { acts } from './activities';
import type { AppraisalCase } from './state';

export { now };

/** Records a transition; an update handler waiting for the next record then answers. */
export async function record(c: AppraisalCase, t: Transition): Promise<void> {
  await acts.recordTransition(t);
  c.recorded++;
  if (c.final) c.endRecorded = true;
}

/**
 * Starts the stage's deadline `workingDays` working days from now (民法典 art. 201). The one it
 * replaces ends, unless it stands still (a notice under objection): that one runs on later.
 */
export async function startDeadline(c: AppraisalCase, purpose: string, workingDays: number): Promise<string> {
  const previous = c.deadline;
  if (previous && !previous.pausedSince && previous.purpose !== purpose) endDeadline(c.book, previous.purpose);
  const d = await start(c.book, purpose, workingDays, now());
  c.current = purpose;
  return d.dueAt;
}

/** The case leaves the stages with deadlines (the committee, the end). */
export function endDeadlines(c: AppraisalCase): void {
  endAll(c.book);
  c.current = undefined;
}

/**
 * Waits until `done()` or the running deadline passes, mailing `remind` the policy's number of
 * working days before it. An extension moves the deadline while waiting.
 */
export function waitUntilDue(c: AppraisalCase, done: () => boolean, remind?: Recipient): Promise<'done' | 'due'> {
  const purpose = c.current;
  if (!purpose) throw new Error('waitUntilDue without a deadline');
  const days = c.pinned.policy.remindBeforeDays;
  return wait(c.book, purpose, done, {
    ...(c.legacyDeadlines ? { legacyReminders: true } : {}),
    ...(remind
      ? {
          remindBeforeDays: days,
          onReminder: (daysBefore, d) =>
            record(
              c,
              c.move(c.stage, {
                actorId: 'system',
                action: `remind-${d.purpose}-${daysBefore}`,
                close: [],
                mails: [{ eventKey: 'reminder', to: remind, template: 'reminder', data: { caseId: c.caseId, purpose: d.purpose, dueAt: d.dueAt } }],
              }, now()),
            ),
        }
      : {}),
  });
}

/**
 * A reviewer's wait: reminders before the deadline; past it, the case is escalated to the
 * administrators and keeps waiting for the reviewer (or a reassigned one).
 */
export async function reviewerWait(c: AppraisalCase, done: () => boolean, reviewers: Recipient): Promise<void> {
  if ((await waitUntilDue(c, done, reviewers)) === 'done') return;
  const purpose = c.deadline?.purpose ?? c.stage;
  await record(
    c,
    c.move(c.stage, {
      actorId: 'system',
      action: `escalate-${purpose}`,
      close: [],
      open: [c.task(`escalation-${purpose}`, 'admin', {})],
      mails: [{ eventKey: 'escalation', to: { role: 'admin' }, template: 'escalation', data: { caseId: c.caseId, purpose } }],
    }, now()),
  );
  await condition(done);
}
