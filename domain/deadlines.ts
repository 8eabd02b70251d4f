// A case's working-day deadlines as data (DOMAIN §6, §8): each one's purpose, start, working
// days and end, several at once in a book. A pause stops the whole book (a suspended membership)
// or one deadline (a notice while an objection to it is investigated). Plain JSON, so a book
// crosses continue-as-new as it is. The waiting and counting is workflow code
// (workflows/shared/deadline-book.ts); the counting itself is an activity over domain/calendar.
import type { DeadlineReport } from './transition';
import type { Instant } from './types';
import { phrase, type Phrase } from './words/say';

export interface Deadline {
  /** What it is for: a task kind, or a window such as the cycle's end. */
  purpose: string;
  /**
   * The event the count starts after (民法典 art. 201). With `workingDays` it is the deadline's
   * definition, so it can be counted again on a corrected calendar; unset on a plain instant and
   * on deadlines started before it was kept.
   */
  from?: Instant;
  dueAt: Instant;
  /** Working days granted in total, extensions and pauses included (0 for a plain instant). */
  workingDays: number;
  warnings: string[];
  /** Set while this deadline alone stands still. */
  pausedSince?: Instant;
}

/** A deadline the recount moved. */
export interface MovedDeadline {
  purpose: string;
  from: Instant;
  to: Instant;
}

/** Plain JSON, so it crosses continue-as-new as it is. */
export interface DeadlineBook {
  running: Record<string, Deadline>;
  /** Bumped whenever a deadline moves or a pause starts or ends: running waits re-read the book. */
  version: number;
  pausedSince?: Instant;
}

export const emptyBook = (): DeadlineBook => ({ running: {}, version: 0 });

/** Since when a deadline stands still, if it does: its own pause or the whole book's. */
export const pausedSinceOf = (book: DeadlineBook, d: Deadline): Instant | undefined => book.pausedSince ?? d.pausedSince;

/**
 * The book as the database keeps it (RunningDeadline): working-day deadlines whose start is
 * known, so an administrator can see which a calendar change would move.
 */
export function reportBook(book: DeadlineBook): DeadlineReport[] {
  return Object.values(book.running).flatMap((d) => {
    const pausedSince = pausedSinceOf(book, d);
    return d.from && d.workingDays > 0 ? [{ purpose: d.purpose, countFrom: d.from, workingDays: d.workingDays, dueAt: d.dueAt, ...(pausedSince ? { pausedSince } : {}) }] : [];
  });
}

/** The pending tasks due when a moved deadline was: they are due when it is now. */
export function retimeFor(tasks: { taskKey: string; dueAt?: Instant }[], moved: MovedDeadline[]): { taskKey: string; dueAt: Instant }[] {
  return tasks.flatMap((t) => {
    const to = moved.find((x) => x.from === t.dueAt)?.to;
    return to ? [{ taskKey: t.taskKey, dueAt: to }] : [];
  });
}

export function setDeadline(book: DeadlineBook, d: Deadline): Deadline {
  book.running[d.purpose] = d;
  book.version++;
  return d;
}

export function endDeadline(book: DeadlineBook, purpose: string): void {
  delete book.running[purpose];
  book.version++;
}

/** Ends every deadline: the case has left the stages that have them. */
export function endAll(book: DeadlineBook): void {
  book.running = {};
  book.version++;
}

/** Stops every clock of the book. */
export function pause(book: DeadlineBook, at: Instant): void {
  book.pausedSince = at;
  book.version++;
}

/** Stops one deadline's clock; the others run on. */
export function pauseDeadline(book: DeadlineBook, purpose: string, at: Instant): void {
  const d = book.running[purpose];
  if (!d) throw new Error(`no running deadline ${purpose}`);
  book.running[purpose] = { ...d, pausedSince: at };
  book.version++;
}

/**
 * Which running deadline an administrator's extension means: named by its purpose (e.g.
 * `evaluation-expert`) or by the key of a pending task due by it (a task of that kind). Unnamed,
 * the one working-day deadline running, if only one runs. A plain instant (a cycle's end) counts no
 * working days and is not extended. Answers the purpose, or why there is none to extend.
 */
export function deadlineNamed(
  book: DeadlineBook,
  tasks: readonly { taskKey: string; kind: string }[],
  name: string | undefined,
): { purpose: string } | { refused: Phrase } {
  const extendable = Object.values(book.running).filter((d) => d.workingDays > 0);
  const running = extendable.map((d) => d.purpose);
  if (name === undefined || name === '') {
    if (extendable.length === 1) return { purpose: extendable[0]!.purpose };
    return { refused: extendable.length ? phrase('refusal.name-a-deadline', { running }) : phrase('refusal.no-deadline') };
  }
  const purpose = tasks.find((t) => t.taskKey === name)?.kind ?? name;
  const d = book.running[purpose];
  if (!d) return { refused: running.length ? phrase('refusal.no-running-deadline', { deadline: name, running }) : phrase('refusal.no-deadline') };
  if (d.workingDays === 0) return { refused: phrase('refusal.fixed-instant', { deadline: purpose }) };
  return { purpose };
}
