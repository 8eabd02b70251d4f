// Dates as people in Shanghai write them: 2026年12月10日 / 10 Dec 2026. Pure UTC arithmetic on
// the helpers of domain/calendar/shanghai.ts; the machine's time zone is never read.
import { countingDay, dayNumber, instantMs, isoDate, shanghaiDate, type IsoDate } from '../calendar/shanghai';
import type { Locale } from './locale';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A calendar date 'YYYY-MM-DD' in the locale's way of writing it. */
export function writeDate(locale: Locale, date: IsoDate): string {
  dayNumber(date); // throws on anything that is not a calendar date
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

/** The Shanghai calendar date of an instant, or a calendar date as it is. */
export function calendarDateOf(value: string): IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDate(value);
}

/**
 * The last day of a deadline. A deadline's `dueAt` is 24:00 Shanghai of its last day, which is
 * 00:00 of the next: 2026-12-09T16:00:00Z is the end of 9 December, not the start of the 10th.
 */
export function lastDayOf(dueAt: string): IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(dueAt) ? dueAt : isoDate(countingDay(dueAt));
}

/** An instant in Shanghai wall time: 2026年12月10日 14:30 / 10 Dec 2026, 14:30 (UTC+8). */
export function writeDateTime(locale: Locale, instant: string): string {
  const ms = instantMs(instant);
  const local = ms + 8 * HOUR_MS;
  const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const date = writeDate(locale, shanghaiDate(instant));
  return locale === 'en' ? `${date}, ${hhmm} (UTC+8)` : `${date} ${hhmm}`;
}
