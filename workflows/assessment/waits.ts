// Reminders before a deadline and escalation after it, as transitions of the membership.
import { type WaitOptions } from '../shared/deadline-book';
import { now } from '../shared/clock';
import type { Recipient } from '../../domain/transition';
import { record } from './activities';
import type { AssessmentCase } from './state';

/** Reminder mails to `to`, the policy's working days before the deadline (DOMAIN: 3 and 1). */
export function reminding(c: AssessmentCase, to: Recipient): WaitOptions {
  return {
    remindBeforeDays: c.pinned.policy.remindBeforeDays,
    onReminder: (days, d) =>
      record(
        c,
        c.log.move(c.stage, {
          actorId: 'system',
          action: `remind-${d.purpose}-${days}`,
          mails: [{ eventKey: 'reminder', to, template: 'reminder', data: { caseId: c.m.membershipId, purpose: d.purpose, dueAt: d.dueAt } }],
        }, now()),
      ),
  };
}

/** Past a deadline: a task and a mail for the administrators; the person may still act. */
export async function escalate(c: AssessmentCase, purpose: string): Promise<void> {
  await record(
    c,
    c.log.move(c.stage, {
      actorId: 'system',
      action: `escalate-${purpose}`,
      open: [c.log.task(`escalation-${purpose}`, 'admin', {})],
      mails: [{ eventKey: 'escalation', to: { role: 'admin' }, template: 'escalation', data: { caseId: c.m.membershipId, purpose } }],
    }, now()),
  );
}

/** Same day of month `months` later (clamped to the month's last day), in UTC. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}
