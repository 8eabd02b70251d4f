import { createCalendar, type Calendar } from '../../domain/calendar/working-days';
import type { Db } from '../../prisma/client';
import { changeDays, withChanges, type DayChange } from '../../records/calendar';

// The instant a test run starts at: the machine's time, or TL_TEST_START for a run of the date
// matrix (scripts/test-dates.ts). Time-skipping servers are moved there when they start; what is
// seeded or stamped beside them reads their time (serverClock), never the machine's.

/** TL_TEST_START as an instant, or undefined when the run starts now. */
export function runStart(): Date | undefined {
  const raw = process.env.TL_TEST_START;
  if (!raw) return undefined;
  const at = new Date(raw);
  if (!/T.*(Z|[+-]\d{2}:\d{2})$/.test(raw) || Number.isNaN(at.getTime())) throw new Error(`TL_TEST_START must be an ISO instant with an offset, got ${JSON.stringify(raw)}`);
  return at;
}

/** Administrator calendar entries the run seeds into every database it makes (TL_TEST_CALENDAR, JSON). */
export function runCalendarEntries(): DayChange[] {
  const raw = process.env.TL_TEST_CALENDAR;
  return raw ? (JSON.parse(raw) as DayChange[]) : [];
}

/** The calendar the run's workflows count on: the published data plus the run's entries. */
export function testCalendar(): Calendar {
  return createCalendar(withChanges([], runCalendarEntries()));
}

/** Seeds the run's calendar entries, as an administrator would enter them. */
export async function seedRunCalendar(db: Db, at: Date): Promise<void> {
  const entries = runCalendarEntries();
  if (entries.length) await changeDays(db, entries, { actorId: 'u-admin', reason: 'date matrix', at });
}
