// The one deadline engine of every case workflow: working-day deadlines in a book (several at once
// for the assessment's evaluators, one at a time for the appraisal), started, extended, paused
// and resumed through the calendar activities, waited for with reminders before each. The data
// and its pure operations are in domain/deadlines.ts.
import { condition, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { setDeadline, type Deadline, type DeadlineBook, type MovedDeadline } from '../../domain/deadlines';
import type { Instant } from '../../domain/types';
import { justBefore, now } from './clock';

const calendar = proxyActivities<Pick<Activities, 'deadlineAfter' | 'remindersBefore' | 'workingDaysBetween'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const ms = (iso: string) => new Date(iso).getTime();

/** Starts a deadline `workingDays` working days after `from` (民法典 art. 201). */
export async function startDeadline(book: DeadlineBook, purpose: string, workingDays: number, from: Instant = now()): Promise<Deadline> {
  const d = await calendar.deadlineAfter({ from, workingDays });
  return setDeadline(book, { purpose, from, dueAt: d.dueAt, workingDays, warnings: d.warnings });
}

/** Gives a running deadline `workingDays` more, counted on from its last day. */
export async function extendDeadline(book: DeadlineBook, purpose: string, workingDays: number): Promise<MovedDeadline> {
  const d = book.running[purpose]!;
  const to = await calendar.deadlineAfter({ from: justBefore(d.dueAt), workingDays });
  return extended(book, d, workingDays, to);
}

/**
 * An administrator's extension: as extendDeadline, but only if the deadline is still as it was
 * once the calendar has answered (the person may have acted meanwhile, ending it). Undefined when
 * it is not.
 */
export async function extendIfUnchanged(book: DeadlineBook, purpose: string, workingDays: number): Promise<MovedDeadline | undefined> {
  const d = book.running[purpose];
  if (!d) return undefined;
  const to = await calendar.deadlineAfter({ from: justBefore(d.dueAt), workingDays });
  return book.running[purpose] === d ? extended(book, d, workingDays, to) : undefined;
}

function extended(book: DeadlineBook, d: Deadline, workingDays: number, to: { dueAt: Instant; warnings: string[] }): MovedDeadline {
  setDeadline(book, { ...d, dueAt: to.dueAt, workingDays: d.workingDays + workingDays, warnings: [...d.warnings, ...to.warnings] });
  return { purpose: d.purpose, from: d.dueAt, to: to.dueAt };
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
 * Ends the pause of the whole book: every running deadline moves by the working days it lasted
 * (the days after the pause began, up to the day it ends).
 */
export async function resume(book: DeadlineBook, at: Instant): Promise<{ pausedWorkingDays: number; moved: MovedDeadline[] }> {
  const pausedWorkingDays = await calendar.workingDaysBetween({ from: book.pausedSince!, to: at });
  const moved: MovedDeadline[] = [];
  if (pausedWorkingDays > 0) for (const purpose of Object.keys(book.running)) moved.push(await extendDeadline(book, purpose, pausedWorkingDays));
  book.pausedSince = undefined;
  book.version++;
  return { pausedWorkingDays, moved };
}

/** Ends the pause of one deadline (pauseDeadline): it moves by the working days the pause lasted. */
export async function resumeDeadline(book: DeadlineBook, purpose: string, at: Instant): Promise<{ pausedWorkingDays: number; dueAt: Instant }> {
  const pausedWorkingDays = await calendar.workingDaysBetween({ from: book.running[purpose]!.pausedSince!, to: at });
  if (pausedWorkingDays > 0) await extendDeadline(book, purpose, pausedWorkingDays);
  const { pausedSince: _, ...running } = book.running[purpose]!;
  setDeadline(book, running);
  return { pausedWorkingDays, dueAt: running.dueAt };
}

export interface WaitOptions {
  /** Working days before the deadline to remind at (policy: 3 and 1); none for no reminders. */
  remindBeforeDays?: number[];
  onReminder?: (daysBefore: number, d: Deadline) => Promise<void>;
  /**
   * How appraisals started before the one engine asked for reminders: on every turn of the
   * wait, and only for instants strictly ahead. Their histories replay only that way.
   */
  legacyReminders?: boolean;
}

/**
 * Waits until `done()` or the deadline `purpose` passes, calling `onReminder` the given working
 * days before it. While the deadline (or the whole book) is paused its clock stands still; a
 * moved deadline is re-read.
 */
export async function waitUntilDue(book: DeadlineBook, purpose: string, done: () => boolean, opts: WaitOptions = {}): Promise<'done' | 'due'> {
  const sent = new Set<string>();
  const days = opts.remindBeforeDays ?? [];
  let reminders: { dueAt: string; at: { instant: string; daysBefore: number }[] } | undefined;
  for (;;) {
    if (done()) return 'done';
    const d = book.running[purpose];
    if (!d) throw new Error(`no running deadline ${purpose}`);
    if (book.pausedSince || d.pausedSince) {
      await condition(() => done() || book.running[purpose] !== d || !book.pausedSince);
      continue;
    }
    const version = book.version;
    // Reminder instants are asked for once per due date, not on every turn of the loop: it keeps
    // a cycle's history short.
    if (days.length && (opts.legacyReminders || reminders?.dueAt !== d.dueAt)) {
      const instants = await calendar.remindersBefore({ dueAt: d.dueAt, workingDaysBefore: days });
      reminders = { dueAt: d.dueAt, at: instants.map((instant, i) => ({ instant, daysBefore: days[i]! })) };
      if (!opts.legacyReminders) continue; // the book may have moved while we asked
    }
    const t = ms(now());
    const ahead = (r: { instant: string }) => (opts.legacyReminders ? ms(r.instant) > t : ms(r.instant) >= t);
    const key = (instant: string) => (opts.legacyReminders ? instant : `${d.dueAt}/${instant}`);
    const next = (reminders?.dueAt === d.dueAt ? reminders.at : [])
      .filter((r) => !sent.has(key(r.instant)) && ahead(r))
      .sort((a, b) => ms(a.instant) - ms(b.instant))[0];
    const wake = Math.min(next ? ms(next.instant) : Infinity, ms(d.dueAt));
    if (wake > t) await condition(() => done() || book.version !== version, wake - t);
    if (done()) return 'done';
    if (book.version !== version) continue;
    if (next && ms(next.instant) <= ms(now())) {
      sent.add(key(next.instant));
      await opts.onReminder?.(next.daysBefore, d);
      continue;
    }
    if (ms(now()) >= ms(d.dueAt)) return 'due';
  }
}
