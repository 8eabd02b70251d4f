// Working-day arithmetic for mainland China (DOMAIN §6): weekends, published holidays and make-up
// days, and administrators' overrides on top. Pure and time-zone independent: the same inputs
// give the same answer on any machine, so activities built on it are safe to retry.
import { firstPublishedYear, lastPublishedYear, publishedKind, publishedYears } from './published';
import {
  countingDay,
  dayNumber,
  endOfDay,
  isoDate,
  shanghaiDate,
  startOfDay,
  weekdayOf,
  yearOf,
  type DayNumber,
  type IsoDate,
} from './shanghai';

export { shanghaiDate };

export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'workday';
}

export interface DueDate {
  /** 24:00 Asia/Shanghai of `lastDay`, as an ISO instant (16:00Z that day). */
  dueAt: string;
  /** The last working day counted. */
  lastDay: IsoDate;
  /** One per counted year without a published calendar (weekends only were counted there). */
  warnings: string[];
}

// A cap so a mistaken count cannot spin for ages; policy periods are tens of days.
const MAX_WORKING_DAYS = 10_000;

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
}

export function createCalendar(overrides: readonly CalendarOverride[]) {
  const overridden = new Map<DayNumber, boolean>();
  for (const { date, kind } of overrides) {
    if (kind !== 'holiday' && kind !== 'workday') throw new RangeError(`override ${date}: unknown kind ${JSON.stringify(kind)}`);
    overridden.set(dayNumber(date), kind === 'workday');
  }

  // Override, else the published calendar, else Monday–Friday.
  function isWorking(day: DayNumber): boolean {
    const override = overridden.get(day);
    if (override !== undefined) return override;
    const published = publishedKind(isoDate(day));
    if (published) return published === 'workday';
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }

  function unpublishedWarning(year: number): string {
    return `${year}: no published mainland-China holiday calendar (chinese-days covers ${firstPublishedYear}–${lastPublishedYear}); counted weekends only, plus administrator overrides`;
  }

  return {
    shanghaiDate,

    isWorkingDay: (date: IsoDate): boolean => isWorking(dayNumber(date)),

    /**
     * 民法典 art. 201: the day of the event is not counted; the period ends at 24:00 Shanghai of
     * its n-th working day. n = 0 ends with the event's own day.
     */
    addWorkingDays(fromInstant: string, n: number): DueDate {
      checkCount(n);
      let day = countingDay(fromInstant);
      const unpublished = new Set<number>();
      for (let left = n; left > 0; ) {
        day += 1;
        if (!publishedYears.has(yearOf(day))) unpublished.add(yearOf(day));
        if (isWorking(day)) left -= 1;
      }
      return { dueAt: endOfDay(day), lastDay: isoDate(day), warnings: [...unpublished].map(unpublishedWarning) };
    },

    /** Working days after the day of `fromInstant`, up to and including the day of `toInstant`. */
    workingDaysBetween(fromInstant: string, toInstant: string): number {
      const from = countingDay(fromInstant);
      const to = countingDay(toInstant);
      if (Date.parse(toInstant) < Date.parse(fromInstant)) throw new RangeError(`${toInstant} is before ${fromInstant}`);
      let count = 0;
      for (let day = from + 1; day <= to; day += 1) if (isWorking(day)) count += 1;
      return count;
    },

    /**
     * 00:00 Shanghai of the working day n working days before the day `dueAt` ends: the latest
     * working day d with exactly n working days in (d, due day]. Reminders "3 and 1 working days
     * before" a deadline ending on Saturday 2026-10-10 (make-up day) fall on 09-30 and 10-09.
     * At that instant n + 1 working days remain: d itself and the n after it.
     */
    subtractWorkingDays(dueAt: string, n: number): string {
      checkCount(n);
      let day = countingDay(dueAt);
      for (let left = n; left > 0; day -= 1) if (isWorking(day)) left -= 1;
      while (!isWorking(day)) day -= 1;
      return startOfDay(day);
    },
  };
}

export type Calendar = ReturnType<typeof createCalendar>;

/** What deadlines need of a calendar: the mainland one above, or a compressed one for demos. */
export type WorkingDayCalendar = Pick<Calendar, 'isWorkingDay' | 'addWorkingDays' | 'subtractWorkingDays' | 'workingDaysBetween'>;
