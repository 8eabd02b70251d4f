// Deadline activities: the published calendar (cached per process in ./published) plus the
// administrators' CalendarDay overrides, read on every call because they change rarely but
// matter at once, and there are only a handful of them.
import type { Db } from '../../prisma/client';
import { invalid } from '../../workflows/shared/failures';
import type { ActivityDeps } from '../deps';
import { createCalendar, type Calendar, type CalendarOverride, type Deadline } from './working-days';

export function createCalendarActivities({ db }: Pick<ActivityDeps, 'db'>) {
  async function calendar(): Promise<Calendar> {
    return createCalendar(await loadOverrides(db));
  }

  return {
    /** The deadline `workingDays` working days after the event at `from` (民法典 art. 201). */
    async deadlineAfter({ from, workingDays }: { from: string; workingDays: number }): Promise<Deadline> {
      const cal = await calendar();
      return rejectingBadInput(() => cal.addWorkingDays(from, workingDays));
    },

    /** One reminder instant (00:00 Shanghai) per entry of `workingDaysBefore`, in the same order. */
    async remindersBefore({ dueAt, workingDaysBefore }: { dueAt: string; workingDaysBefore: number[] }): Promise<string[]> {
      const cal = await calendar();
      return rejectingBadInput(() => workingDaysBefore.map((n) => cal.subtractWorkingDays(dueAt, n)));
    },

    /** Working days lost between two instants, e.g. while a case was paused. */
    async workingDaysBetween({ from, to }: { from: string; to: string }): Promise<number> {
      const cal = await calendar();
      return rejectingBadInput(() => cal.workingDaysBetween(from, to));
    },
  };
}

/**
 * A malformed row is an administrator's data error: it throws a plain (retryable) error so the
 * activity recovers once the row is fixed, instead of failing the case.
 */
async function loadOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  return rows.map(({ date, kind }) => {
    if (kind !== 'holiday' && kind !== 'workday') throw new Error(`CalendarDay ${date}: kind must be holiday or workday, not ${JSON.stringify(kind)}`);
    return { date, kind };
  });
}

/** Bad arguments will not get better on retry: fail the activity for good. */
function rejectingBadInput<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RangeError) throw invalid(err.message);
    throw err;
  }
}
