// The State Council's published calendars, as shipped by `chinese-days`. We read its JSON data
// rather than call its functions: `isWorkday('2026-10-12')` parses the date as UTC and then reads
// local getters, so west of UTC it answers for the day before (a Monday comes out as a Sunday).
// Loaded once per process, when this module is first imported.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

interface ChineseDaysData {
  /** Days off, weekends inside a holiday period included: date → "English,中文,days". */
  holidays: Record<string, string>;
  /** Make-up working days (调休上班), mostly weekends. */
  workdays: Record<string, string>;
}

const { holidays, workdays } = data as ChineseDaysData;

const years = [...Object.keys(holidays), ...Object.keys(workdays)].map((d) => Number(d.slice(0, 4)));

/** Years the package has a published calendar for (2004–2026 in chinese-days 1.5.7). */
export const publishedYears: ReadonlySet<number> = new Set(years);
export const firstPublishedYear = Math.min(...years);
export const lastPublishedYear = Math.max(...years);

/**
 * What the published calendar says about a date: 'workday' (a make-up working day), 'holiday',
 * or undefined when it says nothing (an ordinary weekday or weekend, or an unpublished year).
 * Make-up days win, as in the package itself; the two lists never overlap in 1.5.7.
 */
export function publishedKind(date: string): 'holiday' | 'workday' | undefined {
  if (Object.hasOwn(workdays, date)) return 'workday';
  if (Object.hasOwn(holidays, date)) return 'holiday';
  return undefined;
}

/** The holiday a published day belongs to, in Chinese and English ("春节", "Spring Festival"). */
function nameOf(value: string): { name: string; nameEn: string } {
  const [nameEn = '', name = ''] = value.split(',');
  return { name, nameEn };
}

export interface PublishedDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  nameEn: string;
}

/** The published days off and make-up working days of a year, by date (none for an unpublished year). */
export function publishedDaysOf(year: number): PublishedDay[] {
  const prefix = `${year}-`;
  const pick = (source: Record<string, string>, kind: PublishedDay['kind']) =>
    Object.entries(source)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, value]) => ({ date, kind, ...nameOf(value) }));
  return [...pick(holidays, 'holiday'), ...pick(workdays, 'workday')].sort((a, b) => a.date.localeCompare(b.date));
}
