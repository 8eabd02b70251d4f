// What an entitlement pays, month by month (DOMAIN §5). The system pays nothing: finance reads
// these figures. Conventions:
// - Dates are Asia/Shanghai calendar dates. An entitlement runs from `startsOn` (the first day
//   with the benefit) to its end (the first day without it): `endedOn` once it has ended, else the
//   planned `endsOn`. A pause runs from `from` (first day without) to `until` (first day with it
//   again; open while absent).
// - Monthly money is paid in advance on the first of each month for the days of that month as
//   then known: from the start to the planned end, less the days of a pause that began before the
//   month. A month containing the start, a pause or the end is pro rata by calendar days: amount ×
//   days with the benefit ÷ days in the month, rounded half up to a whole fen, month by month.
// - Due for a month: the same by the record as it stands (every pause, the actual end).
// - Recoverable: paid in advance minus due, summed over the months begun: the days beyond the end
//   and the days of a pause that began after that month's advance. Never negative.
// - A lump sum is paid once, in the start month, and never recovered; in kind pays no money.
import { dayNumber, isoDate, type DayNumber, type IsoDate } from '../calendar/shanghai';

export const KINDS = ['allowance', 'apartment', 'grant'] as const;
export type EntitlementKind = (typeof KINDS)[number];
export const BASES = ['monthly', 'lump-sum', 'in-kind'] as const;
export type Basis = (typeof BASES)[number];

/** 'YYYY-MM' */
export type Month = string;

export interface EntitlementTerms {
  basis: Basis;
  amountFen: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  endedOn?: IsoDate | null;
  pauses: readonly { from: IsoDate; until?: IsoDate | null }[];
}

export interface MonthFigure {
  /** Days of the month with the benefit, and the month's days. */
  days: number;
  daysInMonth: number;
  amountFen: number;
}

const ymOf = (date: IsoDate): Month => date.slice(0, 7);

/** The month's first day and the first day of the next. */
export function monthSpan(month: Month): { first: DayNumber; next: DayNumber } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = dayNumber(`${month}-01`);
  const next = dayNumber(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  return { first, next };
}

export const nextMonth = (month: Month): Month => ymOf(isoDate(monthSpan(month).next));

/** The same day `n` months later, or the last day of that month when it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const { first, next } = monthSpan(month);
  return isoDate(Math.min(first + d - 1, next - 1));
}

/** amount × days ÷ daysInMonth, half up, in integers. */
export const proRata = (amountFen: number, days: number, daysInMonth: number): number => Math.floor((2 * amountFen * days + daysInMonth) / (2 * daysInMonth));

const overlap = (a: DayNumber, b: DayNumber, c: DayNumber, d: DayNumber) => Math.max(0, Math.min(b, d) - Math.max(a, c));

function figure(e: EntitlementTerms, month: Month, end: DayNumber, pauseCounts: (from: DayNumber) => boolean): MonthFigure {
  const { first, next } = monthSpan(month);
  const daysInMonth = next - first;
  const start = dayNumber(e.startsOn);
  if (e.basis === 'in-kind') return { days: overlap(first, next, start, end), daysInMonth, amountFen: 0 };
  if (e.basis === 'lump-sum') {
    const once = start >= first && start < next && end > start;
    return { days: once ? 1 : 0, daysInMonth, amountFen: once ? e.amountFen : 0 };
  }
  let days = overlap(first, next, start, end);
  for (const p of e.pauses) {
    const from = dayNumber(p.from);
    if (!pauseCounts(from)) continue;
    const until = p.until ? dayNumber(p.until) : next;
    days -= overlap(first, next, Math.max(from, start), Math.min(until, end));
  }
  days = Math.max(0, days);
  return { days, daysInMonth, amountFen: proRata(e.amountFen, days, daysInMonth) };
}

const actualEnd = (e: EntitlementTerms) => Math.min(dayNumber(e.endsOn), e.endedOn ? dayNumber(e.endedOn) : Infinity);

/** Due for the month by the record: every pause, the actual end. */
export function dueFor(e: EntitlementTerms, month: Month): MonthFigure {
  return figure(e, month, actualEnd(e), () => true);
}

/** Paid in advance on the first of the month: an end or a pause counts only if it began before then. */
export function advanceFor(e: EntitlementTerms, month: Month): MonthFigure {
  const { first } = monthSpan(month);
  const endKnown = e.endedOn && dayNumber(e.endedOn) <= first;
  return figure(e, month, endKnown ? actualEnd(e) : dayNumber(e.endsOn), (from) => from < first);
}

/** The months from the start month to `through` (inclusive). */
export function monthsThrough(e: EntitlementTerms, through: Month): Month[] {
  const out: Month[] = [];
  for (let m = ymOf(e.startsOn); m <= through; m = nextMonth(m)) out.push(m);
  return out;
}

/** Paid to date (the advances of the months begun by `asOf`) and what of it is recoverable. */
export function settlement(e: EntitlementTerms, asOf: IsoDate): { paidFen: number; dueFen: number; recoverableFen: number } {
  let paidFen = 0;
  let dueFen = 0;
  for (const m of monthsThrough(e, ymOf(asOf))) {
    paidFen += advanceFor(e, m).amountFen;
    dueFen += dueFor(e, m).amountFen;
  }
  const recoverableFen = e.basis === 'monthly' ? Math.max(0, paidFen - dueFen) : 0;
  return { paidFen, dueFen, recoverableFen };
}

/** Recorded when the entitlement ends (on `endedOn`, else its planned end): the months begun by then. */
export const recoverableAtEnd = (e: EntitlementTerms): number => settlement(e, e.endedOn ?? e.endsOn).recoverableFen;
