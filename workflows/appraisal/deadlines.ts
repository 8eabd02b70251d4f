// Waiting for a person within working-day deadlines: reminders before, escalation after.
import { condition } from '@temporalio/workflow';
import type { Recipient, Transition } from '../../domain/transition';
import { now } from '../shared/clock';
import { acts } from './activities';
import type { AppraisalCase } from './state';

export { now };
const ms = (iso: string) => new Date(iso).getTime();

/** Records a transition; an update handler waiting for the next record then answers. */
export async function record(c: AppraisalCase, t: Transition): Promise<void> {
  await acts.recordTransition(t);
  c.recorded++;
  if (c.final) c.endRecorded = true;
}

/** Starts a deadline `workingDays` working days from now (民法典 art. 201). */
export async function startDeadline(c: AppraisalCase, purpose: string, workingDays: number): Promise<string> {
  const from = now();
  const d = await acts.deadlineAfter({ from, workingDays });
  c.deadline = { purpose, from, dueAt: d.dueAt, workingDays, warnings: d.warnings };
  c.deadlineVersion++;
  return d.dueAt;
}

/**
 * Waits until `done()` or the running deadline passes, mailing `remind` the policy's number of
 * working days before it. An extension moves the deadline while waiting.
 */
export async function waitUntilDue(c: AppraisalCase, done: () => boolean, remind?: Recipient): Promise<'done' | 'due'> {
  const sent = new Set<string>();
  for (;;) {
    if (done()) return 'done';
    const deadline = c.deadline;
    if (!deadline) throw new Error('waitUntilDue without a deadline');
    const version = c.deadlineVersion;
    const reminders = remind ? await acts.remindersBefore({ dueAt: deadline.dueAt, workingDaysBefore: c.rules!.policy.remindBeforeDays }) : [];
    const t = ms(now());
    const next = reminders.filter((r) => !sent.has(r) && ms(r) > t).sort()[0];
    const wake = Math.min(next ? ms(next) : Infinity, ms(deadline.dueAt));
    if (wake > t) await condition(() => done() || c.deadlineVersion !== version, wake - t);
    if (done()) return 'done';
    if (c.deadlineVersion !== version) continue;
    if (next && ms(next) <= ms(now())) {
      sent.add(next);
      const left = reminders.indexOf(next);
      await record(
        c,
        c.move(c.stage, {
          actorId: 'system',
          action: `remind-${deadline.purpose}-${c.rules!.policy.remindBeforeDays[left]}`,
          close: [],
          mails: [{ eventKey: 'reminder', to: remind!, template: 'reminder', data: { caseId: c.caseId, purpose: deadline.purpose, dueAt: deadline.dueAt } }],
        }, now()),
      );
      continue;
    }
    if (ms(now()) >= ms(deadline.dueAt)) return 'due';
  }
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
