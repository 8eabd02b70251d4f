// Deadline activities: the calendar as it is at the call (the published data plus the
// administrators' entries, read on every call because they change rarely but matter at once), or
// the compressed one of a development deployment.
import type { DueDate, WorkingDayCalendar } from '../../domain/calendar/working-days';
import { currentCalendar } from '../../records/calendar';
import { invalid } from '../../domain/failures';
import type { ActivityDeps } from '../deps';

export function createCalendarActivities({ db, calendarMode }: Pick<ActivityDeps, 'db' | 'calendarMode'>) {
  const calendar = (): Promise<WorkingDayCalendar> => currentCalendar(db, calendarMode);

  return {
    /** The deadline `workingDays` working days after the event at `from` (民法典 art. 201). */
    async deadlineAfter({ from, workingDays }: { from: string; workingDays: number }): Promise<DueDate> {
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

/** Bad arguments will not get better on retry: fail the activity for good. */
function rejectingBadInput<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RangeError) throw invalid('refusal.bad-date', { detail: err.message });
    throw err;
  }
}
