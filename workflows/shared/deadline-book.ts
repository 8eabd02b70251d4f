// Working-day deadlines of one case, several at once (an assessment waits for three evaluators
// in parallel), with reminders before each and a pause that stops every clock. Used by the
// assessment and the exit review.
import { condition, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { justBefore, now } from './clock';
import { setDeadline, type Deadline, type DeadlineBook, type MovedDeadline } from '../../domain/deadlines';
import type { Instant } from '../../domain/types';

const calendar = proxyActivities<Pick<Activities, 'deadlineAfter' | 'remindersBefore' | 'workingDaysBetween'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export { now };
const ms = (iso: string) => new Date(iso).getTime();

/** Starts a deadline `workingDays` working days after `from` (民法典 art. 201). */
export async function startDeadline(book: DeadlineBook, purpose: string, workingDays: number, from: Instant = now()): Promise<Deadline> {
  const d = await calendar.deadlineAfter({ from, workingDays });
  return setDeadline(book, { purpose, from, dueAt: d.dueAt, workingDays, warnings: d.warnings });
}

/**
 * Counts a deadline again from its start on the calendar as it is now (an administrator entered
 * or corrected days). Undefined when it cannot be recounted (no start on record, a plain instant)
 * or its end stays where it is.
 */
export async function recount(d: Deadline): Promise<Deadline | undefined> {
  if (!d.from || d.workingDays === 0) return undefined;
  const r = await calendar.deadlineAfter({ from: d.from, workingDays: d.workingDays });
  return r.dueAt === d.dueAt ? undefined : { ...d, dueAt: r.dueAt, warnings: r.warnings };
}

/** Recounts every running deadline of the book; running waits pick up the moved ones. */
export async function recountBook(book: DeadlineBook): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  for (const d of Object.values(book.running)) {
    const next = await recount(d);
    // The case may have moved on while the calendar was read: only a deadline still as it was is replaced.
    if (!next || book.running[d.purpose] !== d) continue;
    book.running[d.purpose] = next;
    moved.push({ purpose: d.purpose, from: d.dueAt, to: next.dueAt });
  }
  if (moved.length) book.version++;
  return moved;
}

/**
 * Ends a pause: every running deadline moves by the working days the pause lasted (counted
 * as for an objection in the appraisal: the days after the pause began, up to the day it ends).
 */
export async function resume(book: DeadlineBook, at: Instant): Promise<{ pausedWorkingDays: number; moved: { purpose: string; from: Instant; to: Instant }[] }> {
  const since = book.pausedSince!;
  const pausedWorkingDays = await calendar.workingDaysBetween({ from: since, to: at });
  const moved: { purpose: string; from: Instant; to: Instant }[] = [];
  if (pausedWorkingDays > 0) {
    for (const d of Object.values(book.running)) {
      const to = await calendar.deadlineAfter({ from: justBefore(d.dueAt), workingDays: pausedWorkingDays });
      moved.push({ purpose: d.purpose, from: d.dueAt, to: to.dueAt });
      book.running[d.purpose] = { ...d, dueAt: to.dueAt, workingDays: d.workingDays + pausedWorkingDays, warnings: [...d.warnings, ...to.warnings] };
    }
  }
  book.pausedSince = undefined;
  book.version++;
  return { pausedWorkingDays, moved };
}

export interface WaitOptions {
  /** Working days before the deadline to remind at (policy: 3 and 1); none for no reminders. */
  remindBeforeDays?: number[];
  onReminder?: (daysBefore: number, d: Deadline) => Promise<void>;
}

/**
 * Waits until `done()` or the deadline `purpose` passes, calling `onReminder` the given working
 * days before it. While the book is paused the clock stands still; a moved deadline is re-read.
 */
export async function waitUntilDue(book: DeadlineBook, purpose: string, done: () => boolean, opts: WaitOptions = {}): Promise<'done' | 'due'> {
  const sent = new Set<string>();
  let reminders: { dueAt: string; at: { instant: string; daysBefore: number }[] } | undefined;
  for (;;) {
    if (done()) return 'done';
    if (book.pausedSince) {
      await condition(() => done() || !book.pausedSince);
      continue;
    }
    const d = book.running[purpose];
    if (!d) throw new Error(`no running deadline ${purpose}`);
    const version = book.version;
    const days = opts.remindBeforeDays ?? [];
    // Reminder instants are asked for once per due date, not on every turn of the loop: it keeps
    // a cycle's history short.
    if (days.length && reminders?.dueAt !== d.dueAt) {
      const instants = await calendar.remindersBefore({ dueAt: d.dueAt, workingDaysBefore: days });
      reminders = { dueAt: d.dueAt, at: instants.map((instant, i) => ({ instant, daysBefore: days[i]! })) };
      continue; // the book may have moved while we asked
    }
    const t = ms(now());
    const next = (reminders?.dueAt === d.dueAt ? reminders.at : [])
      .filter((r) => !sent.has(`${d.dueAt}/${r.instant}`) && ms(r.instant) >= t)
      .sort((a, b) => ms(a.instant) - ms(b.instant))[0];
    const wake = Math.min(next ? ms(next.instant) : Infinity, ms(d.dueAt));
    if (wake > t) await condition(() => done() || book.version !== version, wake - t);
    if (done()) return 'done';
    if (book.version !== version) continue;
    if (next && ms(next.instant) <= ms(now())) {
      sent.add(`${d.dueAt}/${next.instant}`);
      await opts.onReminder?.(next.daysBefore, d);
      continue;
    }
    if (ms(now()) >= ms(d.dueAt)) return 'due';
  }
}
