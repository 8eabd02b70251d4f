// The date matrix (npm run test:dates): the long-process suites run with the injected clock and the
// time-skipping servers starting at instants where dates go wrong. Each instant is the *next* such
// moment after the machine's now, so the matrix runs on any day (a time-skipping server can only
// move forward) and never names a calendar year.
import { lastPublishedYear, publishedYears } from '../../domain/calendar/published';
import { dayNumber, isoDate, weekdayOf } from '../../domain/calendar/shanghai';
import type { DayChange } from '../../records/calendar';

export interface MatrixPoint {
  name: string;
  /** What it is meant to catch. */
  why: string;
  /** TL_TEST_START. */
  start: string;
  /** Administrator entries seeded before the suites run (TL_TEST_CALENDAR). */
  calendar: DayChange[];
}

const HOUR = 3_600_000;
/** The instant must lie a little ahead: suites take minutes to reach their first case. */
const MARGIN = HOUR;

/** 春节 (lunar new year's day) by year, as the Chinese calendar has it (chinese-days' lunar tables). */
const SPRING_FESTIVAL: Record<number, string> = {
  2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19',
  2035: '02-08', 2036: '01-28', 2037: '02-15', 2038: '02-04', 2039: '01-24', 2040: '02-12', 2041: '02-01', 2042: '01-22',
  2043: '02-10', 2044: '01-30', 2045: '02-17', 2046: '02-06', 2047: '01-26', 2048: '02-14', 2049: '02-02', 2050: '01-23',
};

/** The first instant of the form `at(year)` that lies after `now` (plus the margin). */
function next(now: number, at: (year: number) => number | undefined): string {
  for (let year = new Date(now).getUTCFullYear(); year < 9000; year++) {
    const t = at(year);
    if (t !== undefined && t > now + MARGIN) return new Date(t).toISOString();
  }
  throw new Error('no such instant ahead');
}

/**
 * A Spring Festival week as the State Council lays it out: 除夕 to 初七 off (eight days, plus a
 * weekend touching them), and the weekend days just before and after made working days (调休).
 * Only for years the published data lacks; what is published stands.
 */
export function springFestivalWeek(year: number): { first: string; calendar: DayChange[] } {
  const newYear = dayNumber(`${year}-${SPRING_FESTIVAL[year]}`);
  let first = newYear - 1;
  let last = newYear + 6;
  while (weekdayOf(first - 1) === 0 || weekdayOf(first - 1) === 6) first--;
  while (weekdayOf(last + 1) === 0 || weekdayOf(last + 1) === 6) last++;
  const calendar: DayChange[] = [];
  for (let d = first; d <= last; d++) calendar.push({ date: isoDate(d), kind: 'holiday', name: '春节' });
  // Make-up days: the Saturday before and the Saturday after (or the nearest weekend day).
  let before = first - 1;
  while (weekdayOf(before) !== 0 && weekdayOf(before) !== 6) before--;
  let after = last + 1;
  while (weekdayOf(after) !== 0 && weekdayOf(after) !== 6) after++;
  calendar.push({ date: isoDate(before), kind: 'workday', name: '春节' }, { date: isoDate(after), kind: 'workday', name: '春节' });
  return { first: isoDate(first), calendar: calendar.sort((a, b) => a.date.localeCompare(b.date)) };
}

const shanghai = (date: string, hour: number) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** The matrix, as of `now` (the machine's clock). */
export function dateMatrix(now: number): MatrixPoint[] {
  const festivalYear = Number(next(now, (y) => (SPRING_FESTIVAL[y] && !publishedYears.has(y) ? shanghai(springFestivalWeek(y).first, 9) - 3 * 24 * HOUR : undefined)).slice(0, 4));
  const festival = springFestivalWeek(festivalYear);
  const unpublished = Math.max(lastPublishedYear, new Date(now).getUTCFullYear()) + 1;
  return [
    {
      name: 'year-end',
      why: 'the last minute of 12-31 in Asia/Shanghai (15:59 UTC): counting crosses into the next year at once',
      start: next(now, (y) => Date.UTC(y, 11, 31, 15, 59)),
      calendar: [],
    },
    {
      name: 'spring-festival',
      why: `three days before the Spring Festival week of ${festivalYear}, entered as administrator entries: notices and reviews span the week and its make-up days`,
      start: new Date(shanghai(festival.first, 9) - 3 * 24 * HOUR).toISOString(),
      calendar: festival.calendar,
    },
    {
      name: 'unpublished-year',
      why: `a working week of ${unpublished}, a year without holiday data: weekends only, with a warning`,
      start: next(now, (y) => (y >= unpublished ? shanghai(`${y}-03-10`, 10) : undefined)),
      calendar: [],
    },
    {
      name: 'leap-day',
      why: '29 February of the next leap year, 10:00 Shanghai: month arithmetic and day counting over the leap day',
      start: next(now, (y) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? shanghai(`${y}-02-29`, 10) : undefined)),
      calendar: [],
    },
  ];
}

/** The point CI runs on this day: one of the matrix, in turn by the UTC day. */
export function pointOfTheDay(now: number): MatrixPoint {
  const matrix = dateMatrix(now);
  return matrix[Math.floor(now / (24 * HOUR)) % matrix.length]!;
}

/** The point named (npm run test:dates), or the point of the day (npm test). */
export function datePoint(now: number, name?: string): MatrixPoint {
  if (!name) return pointOfTheDay(now);
  const point = dateMatrix(now).find((p) => p.name === name);
  if (!point) throw new Error(`no date-matrix point ${name}; there are ${dateMatrix(now).map((p) => p.name).join(', ')}`);
  return point;
}
