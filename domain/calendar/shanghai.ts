// Calendar dates and instants in Asia/Shanghai, computed with UTC arithmetic only: nothing here
// reads the machine's time zone (no local getters, no Intl), so results are the same everywhere.
// Mainland China has been UTC+08:00 all year since it dropped daylight saving in 1991.

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// Before 1992 the fixed offset is wrong (DST 1986–1991); beyond 9999 ISO strings change shape.
const FIRST_MS = Date.UTC(1992, 0, 1) - SHANGHAI_OFFSET_MS;
const LAST_MS = Date.UTC(9999, 0, 1) - SHANGHAI_OFFSET_MS;

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Days since 1970-01-01: plain integers, so stepping a day is `+ 1`. */
export type DayNumber = number;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An offset is required: without one, `Date.parse` reads the time as the machine's local time.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function isRealDate(y: string, m: string, d: string): boolean {
  const t = new Date(Date.UTC(+y, +m - 1, +d));
  return t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d;
}

/** Parses 'YYYY-MM-DD'; throws RangeError for anything else (including 2026-02-30). */
export function dayNumber(date: IsoDate): DayNumber {
  const m = DATE.exec(date);
  if (!m || !isRealDate(m[1]!, m[2]!, m[3]!)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS;
}

export function isoDate(day: DayNumber): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const yearOf = (day: DayNumber): number => new Date(day * DAY_MS).getUTCFullYear();

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: DayNumber): number => new Date(day * DAY_MS).getUTCDay();

/** Parses an ISO instant with an explicit offset (`Z` or `±hh:mm`); throws RangeError otherwise. */
export function instantMs(instant: string): number {
  const m = INSTANT.exec(instant);
  const ms = m && isRealDate(m[1]!, m[2]!, m[3]!) ? Date.parse(instant) : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO instant with an offset: ${JSON.stringify(instant)}`);
  if (ms < FIRST_MS || ms >= LAST_MS) throw new RangeError(`instant out of the supported range 1992–9998: ${instant}`);
  return ms;
}

/** The Shanghai calendar date of an instant: 2026-09-28T17:30Z is already 2026-09-29. */
export function shanghaiDate(instant: string): IsoDate {
  return isoDate(shanghaiDay(instantMs(instant)));
}

const shanghaiDay = (ms: number): DayNumber => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);

/**
 * The day an instant belongs to when counting periods. Exactly 00:00 Shanghai is read as 24:00
 * of the day before — the very instant a deadline's `dueAt` denotes — so a deadline passed back
 * in (to extend it, to end a pause, to count up to it) neither gains nor loses a day.
 */
export const countingDay = (instant: string): DayNumber => shanghaiDay(instantMs(instant) - 1);

/** 00:00 Shanghai at the start of the day, as an ISO instant. */
export const startOfDay = (day: DayNumber): string => new Date(day * DAY_MS - SHANGHAI_OFFSET_MS).toISOString();

/** 24:00 Shanghai at the end of the day (= 00:00 of the next), as an ISO instant. */
export const endOfDay = (day: DayNumber): string => startOfDay(day + 1);
