// The mainland calendar as administrators keep it (DOMAIN §6): the published holiday data, their
// entries on top (next year's State Council calendar before the package has it, corrections),
// every change logged with its reason, and which running deadlines a change would move. Used by
// the calendar activity (deadlines) and the administrators' API.
import { acceleratedCalendar } from '../domain/calendar/accelerated';
import { lastPublishedYear, publishedDaysOf, publishedKind, publishedYears } from '../domain/calendar/published';
import { dayNumber } from '../domain/calendar/shanghai';
import { createCalendar, type CalendarOverride, type WorkingDayCalendar } from '../domain/calendar/working-days';
import type { Db } from '../prisma/client';
import { processOf } from './process';
import type { CalendarMode } from '../domain/calendar/mode';
import { phrase } from '../domain/words/say';
import { WordedError } from '../domain/words/worded';

export type DayKind = 'holiday' | 'workday';


/**
 * The administrators' entries. A malformed row is an administrator's data error: it throws a
 * plain (retryable) error, so a deadline activity recovers once the row is fixed.
 */
export async function loadOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  return rows.map(({ date, kind }) => {
    if (kind !== 'holiday' && kind !== 'workday') throw new Error(`CalendarDay ${date}: kind must be holiday or workday, not ${JSON.stringify(kind)}`);
    return { date, kind };
  });
}

export function calendarOf(overrides: readonly CalendarOverride[], mode: CalendarMode = {}): WorkingDayCalendar {
  return mode.acceleratedWorkingDayMs ? acceleratedCalendar(mode.acceleratedWorkingDayMs) : createCalendar(overrides);
}

/** The calendar deadlines are counted on now. */
export async function currentCalendar(db: Db, mode: CalendarMode = {}): Promise<WorkingDayCalendar> {
  return calendarOf(mode.acceleratedWorkingDayMs ? [] : await loadOverrides(db), mode);
}

// --- a year, and which years lack data ---------------------------------------------------------

export interface CalendarDayView {
  date: string;
  /** What counts: the entry's kind when there is one, else the published one. */
  kind: DayKind;
  name?: string;
  source: 'published' | 'entry';
  /** What the published data says of the day, when an entry overrides it. */
  published?: DayKind;
  reason?: string;
  enteredBy?: string;
  enteredAt?: string;
}

/** Every day of a year that is not an ordinary Monday–Friday working day or weekend. */
export async function yearOf(db: Db, year: number) {
  const entries = await db.calendarDay.findMany({ where: { date: { startsWith: `${year}-` } }, orderBy: { date: 'asc' } });
  const byDate = new Map<string, CalendarDayView>();
  for (const p of publishedDaysOf(year)) byDate.set(p.date, { date: p.date, kind: p.kind, name: p.name, source: 'published' });
  for (const e of entries) {
    const published = publishedKind(e.date);
    byDate.set(e.date, {
      date: e.date,
      kind: e.kind as DayKind,
      ...(e.name ? { name: e.name } : {}),
      source: 'entry',
      ...(published ? { published } : {}),
      ...(e.note ? { reason: e.note } : {}),
      enteredBy: e.updatedBy ?? e.createdBy,
      enteredAt: (e.updatedAt ?? e.createdAt).toISOString(),
    });
  }
  return {
    year,
    published: publishedYears.has(year),
    entries: entries.length,
    days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export type Coverage = 'published' | 'entered' | 'missing';

/**
 * Per year: published data, administrators' entries only, or nothing (deadlines there count
 * weekends only and carry a warning), with the running deadlines that count days in it.
 */
export async function coverageOf(db: Db, fromYear: number, toYear: number) {
  const entryYears = await db.calendarDay.findMany({ select: { date: true } });
  const entered = new Map<number, number>();
  for (const { date } of entryYears) entered.set(Number(date.slice(0, 4)), (entered.get(Number(date.slice(0, 4))) ?? 0) + 1);
  const running = await db.runningDeadline.findMany({ where: { endedAt: null }, select: { countFrom: true, dueAt: true } });
  const years = [];
  for (let year = fromYear; year <= toYear; year++) {
    const coverage: Coverage = publishedYears.has(year) ? 'published' : entered.has(year) ? 'entered' : 'missing';
    const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
    const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
    const deadlines = running.filter((d) => d.countFrom.getTime() < end && d.dueAt.getTime() > start).length;
    years.push({ year, coverage, entries: entered.get(year) ?? 0, runningDeadlines: deadlines });
  }
  return { lastPublishedYear, years };
}

// --- changing it ------------------------------------------------------------------------------

export interface DayChange {
  date: string;
  /** The new kind, or null to remove the entry (the published data or Monday–Friday applies again). */
  kind: DayKind | null;
  name?: string;
}

export class CalendarRefused extends WordedError {}

/** Applies the changes to a list of entries, as the calendar will hold them after. */
export function withChanges(overrides: readonly CalendarOverride[], changes: readonly DayChange[]): CalendarOverride[] {
  const next = new Map(overrides.map((o) => [o.date, o.kind]));
  for (const c of changes) {
    dayNumber(c.date); // a real date, or RangeError
    if (c.kind) next.set(c.date, c.kind);
    else next.delete(c.date);
  }
  return [...next].map(([date, kind]) => ({ date, kind }));
}

/**
 * Enters, corrects or removes days in one transaction, each change logged with the reason, the
 * administrator and the instant. Setting a day to what it already is logs nothing; removing a
 * day without an entry is refused.
 */
export async function changeDays(db: Db, changes: readonly DayChange[], by: { actorId: string; reason: string; at: Date }) {
  return db.$transaction(async (tx) => {
    const logged = [];
    for (const c of changes) {
      const before = await tx.calendarDay.findUnique({ where: { date: c.date } });
      if (!c.kind) {
        if (!before) throw new CalendarRefused(phrase('problem.calendar-no-entry', { date: c.date }));
        await tx.calendarDay.delete({ where: { date: c.date } });
      } else if (!before) {
        await tx.calendarDay.create({ data: { date: c.date, kind: c.kind, name: c.name ?? null, note: by.reason, createdBy: by.actorId, createdAt: by.at } });
      } else if (before.kind !== c.kind || (c.name !== undefined && before.name !== c.name)) {
        await tx.calendarDay.update({ where: { date: c.date }, data: { kind: c.kind, ...(c.name !== undefined ? { name: c.name } : {}), note: by.reason, updatedBy: by.actorId, updatedAt: by.at } });
      } else {
        continue;
      }
      logged.push(
        await tx.calendarChange.create({
          data: { date: c.date, before: before?.kind ?? null, after: c.kind, name: c.name ?? before?.name ?? null, reason: by.reason, actorId: by.actorId, at: by.at },
        }),
      );
    }
    return logged;
  });
}

export function changeLog(db: Db, filter: { year?: number | undefined }) {
  return db.calendarChange.findMany({
    where: filter.year ? { date: { startsWith: `${filter.year}-` } } : {},
    orderBy: { id: 'asc' },
  });
}

// --- what a change moves -------------------------------------------------------------------------

export interface DeadlineMove {
  workflowId: string;
  caseId: string;
  process: string;
  purpose: string;
  countFrom: string;
  workingDays: number;
  /** Where the workflow has it now. */
  dueAt: string;
  /** Where counting again on the other calendar puts it. */
  wouldBe: string;
  pausedSince?: string;
}

/**
 * The running deadlines whose end `after` puts elsewhere than `before` does: with `before` the
 * calendar now and `after` it with a proposed change, what that change would move; with `before`
 * omitted, every deadline whose end differs from a recount on `after` (what a recompute moves).
 */
export async function deadlinesMoved(db: Db, after: WorkingDayCalendar, before?: WorkingDayCalendar, filter: { workflowIds?: string[] } = {}): Promise<DeadlineMove[]> {
  const rows = await db.runningDeadline.findMany({
    where: { endedAt: null, ...(filter.workflowIds ? { workflowId: { in: filter.workflowIds } } : {}) },
    orderBy: [{ dueAt: 'asc' }, { workflowId: 'asc' }],
  });
  const moves: DeadlineMove[] = [];
  for (const r of rows) {
    const from = r.countFrom.toISOString();
    const wouldBe = after.addWorkingDays(from, r.workingDays).dueAt;
    const reference = before ? before.addWorkingDays(from, r.workingDays).dueAt : r.dueAt.toISOString();
    if (wouldBe === reference) continue;
    moves.push({
      workflowId: r.workflowId,
      caseId: r.caseId,
      process: processOf(r.workflowId),
      purpose: r.purpose,
      countFrom: from,
      workingDays: r.workingDays,
      dueAt: r.dueAt.toISOString(),
      wouldBe,
      ...(r.pausedSince ? { pausedSince: r.pausedSince.toISOString() } : {}),
    });
  }
  return moves;
}
