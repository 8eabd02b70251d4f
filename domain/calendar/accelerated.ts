// Working days compressed for development and demos (TL_DEV_WORKING_DAY_SECONDS): one working
// day lasts a fixed number of seconds, so a dev server's cases get past a 5-working-day notice in
// minutes. Workflows are unchanged (they ask the calendar activity and wait for what it answers)
// and the policy keeps DOMAIN's floors; only the activity's arithmetic is swapped. Never used in
// a deployment marked production (config refuses the flag there).
import { shanghaiDate } from './shanghai';
import type { DueDate, WorkingDayCalendar } from './working-days';

export function acceleratedCalendar(workingDayMs: number): WorkingDayCalendar {
  if (!Number.isInteger(workingDayMs) || workingDayMs < 1) throw new RangeError(`a working day must last at least 1 ms, got ${workingDayMs}`);
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    isWorkingDay: () => true,
    addWorkingDays(fromInstant: string, n: number): DueDate {
      const dueAt = at(Date.parse(fromInstant) + n * workingDayMs);
      return { dueAt, lastDay: shanghaiDate(dueAt), warnings: [] };
    },
    subtractWorkingDays: (dueAt: string, n: number) => at(Date.parse(dueAt) - n * workingDayMs),
    workingDaysBetween: (fromInstant: string, toInstant: string) => Math.max(0, Math.floor((Date.parse(toInstant) - Date.parse(fromInstant)) / workingDayMs)),
  };
}
