// An expert's term in the pool (DOMAIN §8: at most 3 years). A term is set on a day (Asia/Shanghai,
// on the caller's clock) and runs through its last day, to 24:00 Shanghai. Periods in years count
// as 民法典 art. 201–202 have it: from the day after the day set, ending on the corresponding
// date of the last year, or the month's last day when that month has none (29 February).
import { countingDay, dayNumber, endOfDay, isoDate, shanghaiDate, type IsoDate } from './calendar/shanghai';

export const EXPERT_TERM_MAX_YEARS = 3;

/** The latest last day of a term set on `today`: the same date three years on (28 February for a 29th). */
export function latestTermEnd(today: IsoDate): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y + EXPERT_TERM_MAX_YEARS;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return isoDate(dayNumber(`${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`));
}

/** Why a term set on `today` may not end on `lastDay`, or undefined when it may. */
export function termRefusal(today: IsoDate, lastDay: IsoDate): string | undefined {
  if (dayNumber(lastDay) <= dayNumber(today)) return `a term set on ${today} must end after it`;
  const latest = latestTermEnd(today);
  if (dayNumber(lastDay) > dayNumber(latest)) return `an expert term is at most ${EXPERT_TERM_MAX_YEARS} years: set on ${today}, it ends on ${latest} at the latest`;
  return undefined;
}

/** The instant a term ends: 24:00 Asia/Shanghai of its last day. */
export const termEndsAt = (lastDay: IsoDate): string => endOfDay(dayNumber(lastDay));

/** The Shanghai day an instant falls on (what "today" is for a term set at `at`). */
export const dayOf = (at: Date): IsoDate => shanghaiDate(at.toISOString());

/** The last day of a term that ends at `endsAt` (24:00 of that day, or any instant during it). */
export const lastDayOf = (endsAt: Date): IsoDate => isoDate(countingDay(endsAt.toISOString()));
