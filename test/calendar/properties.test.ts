// Laws of the working-day arithmetic, checked by fast-check on random events 2003–2028 (so both
// published and unpublished years), random counts, and random administrator overrides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, shanghaiDate, type CalendarOverride } from '../../domain/calendar/working-days';

const DAY = 86_400_000;
const EIGHT_HOURS = 8 * 3_600_000;
const MIN = Date.UTC(2003, 0, 1);
const MAX = Date.UTC(2028, 11, 31);

// Any millisecond, or one straddling a Shanghai midnight, where off-by-one errors live.
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc.tuple(fc.integer({ min: MIN / DAY, max: MAX / DAY }), fc.constantFrom(-1, 0, 1)).map(([d, e]) => d * DAY - EIGHT_HOURS + e),
).map((ms) => new Date(ms).toISOString());

const isoDay = (iso: string, plusDays: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plusDays * DAY).toISOString().slice(0, 10);
/** The first day a period started by `from` counts (00:00 Shanghai belongs to the day before). */
const firstCounted = (from: string) => isoDay(shanghaiDate(new Date(Date.parse(from) - 1).toISOString()), 1);

/** An event, and overrides on days in the 120 days after it. */
const scenario = fc
  .record({
    from: instant,
    overrides: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 120 }), kind: fc.constantFrom('holiday' as const, 'workday' as const) }), { maxLength: 8 }),
  })
  .map(({ from, overrides }) => ({
    from,
    overrides: overrides.map((o): CalendarOverride => ({ date: isoDay(shanghaiDate(from), o.offset), kind: o.kind })),
  }));

const count = fc.integer({ min: 0, max: 60 });
const runs = { numRuns: 300 };

describe('addWorkingDays', () => {
  it('lands on a working day, at 24:00 Shanghai (16:00Z) of it', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 60 }), ({ from, overrides }, n) => {
        const cal = createCalendar(overrides);
        const d = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(d.lastDay)).toBe(true);
        expect(d.dueAt).toBe(new Date(Date.parse(`${isoDay(d.lastDay, 1)}T00:00:00+08:00`)).toISOString());
      }),
      runs,
    );
  });

  it('is strictly monotonic in n', () => {
    fc.assert(
      fc.property(scenario, count, count, ({ from, overrides }, a, b) => {
        fc.pre(a !== b);
        const cal = createCalendar(overrides);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(from, lo).lastDay < cal.addWorkingDays(from, hi).lastDay).toBe(true);
      }),
      runs,
    );
  });

  it('composes: n days then m more from the deadline is n + m days', () => {
    fc.assert(
      fc.property(scenario, count, count, ({ from, overrides }, n, m) => {
        const cal = createCalendar(overrides);
        expect(cal.addWorkingDays(cal.addWorkingDays(from, n).dueAt, m).dueAt).toBe(cal.addWorkingDays(from, n + m).dueAt);
      }),
      runs,
    );
  });

  it('warns exactly when a counted day lies outside 2004–2026, once per such year', () => {
    fc.assert(
      fc.property(scenario, count, ({ from, overrides }, n) => {
        const d = createCalendar(overrides).addWorkingDays(from, n);
        const first = Number(firstCounted(from).slice(0, 4));
        const last = Number(d.lastDay.slice(0, 4));
        const years = n === 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
        expect(d.warnings.map((w) => Number(w.slice(0, 4)))).toEqual(years.filter((y) => y < 2004 || y > 2026));
      }),
      runs,
    );
  });
});

describe('overrides', () => {
  it('a counted working day declared a holiday pushes the deadline by exactly one working day', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 40 }), fc.nat(), ({ from, overrides }, n, pick) => {
        const cal = createCalendar(overrides);
        const counted = Array.from({ length: n }, (_, i) => cal.addWorkingDays(from, i + 1).lastDay);
        const holiday = counted[pick % n]!;
        const pushed = createCalendar([...overrides, { date: holiday, kind: 'holiday' }]);
        expect(pushed.addWorkingDays(from, n).lastDay).toBe(cal.addWorkingDays(from, n + 1).lastDay);
      }),
      runs,
    );
  });

  it('a day off inside the period declared a working day pulls the deadline in by one working day', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 40 }), fc.nat(), ({ from, overrides }, n, pick) => {
        const cal = createCalendar(overrides);
        const { lastDay } = cal.addWorkingDays(from, n);
        const daysOff: string[] = [];
        for (let day = firstCounted(from); day < lastDay; day = isoDay(day, 1)) if (!cal.isWorkingDay(day)) daysOff.push(day);
        fc.pre(daysOff.length > 0);
        const extra = daysOff[pick % daysOff.length]!;
        const pulled = createCalendar([...overrides, { date: extra, kind: 'workday' }]);
        const previous = cal.addWorkingDays(from, n - 1).lastDay;
        expect(pulled.addWorkingDays(from, n).lastDay).toBe(extra > previous ? extra : previous);
      }),
      runs,
    );
  });
});

describe('workingDaysBetween and subtractWorkingDays', () => {
  it('workingDaysBetween(from, addWorkingDays(from, n).dueAt) == n', () => {
    fc.assert(
      fc.property(scenario, count, ({ from, overrides }, n) => {
        const cal = createCalendar(overrides);
        expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, n).dueAt)).toBe(n);
      }),
      runs,
    );
  });

  it('is additive over consecutive intervals', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 90 * DAY }), fc.integer({ min: 0, max: 90 * DAY }), ({ from, overrides }, x, y) => {
        const cal = createCalendar(overrides);
        const mid = new Date(Date.parse(from) + x).toISOString();
        const to = new Date(Date.parse(from) + x + y).toISOString();
        expect(cal.workingDaysBetween(from, mid) + cal.workingDaysBetween(mid, to)).toBe(cal.workingDaysBetween(from, to));
      }),
      runs,
    );
  });

  it('a reminder k working days before a deadline starts a working day with k + 1 working days left', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 40 }), fc.nat(), ({ from, overrides }, n, pick) => {
        const cal = createCalendar(overrides);
        const { dueAt } = cal.addWorkingDays(from, n);
        const k = pick % (n + 1);
        const reminder = cal.subtractWorkingDays(dueAt, k);
        expect(reminder.endsWith('T16:00:00.000Z')).toBe(true); // 00:00 Shanghai
        expect(cal.isWorkingDay(shanghaiDate(reminder))).toBe(true);
        expect(cal.workingDaysBetween(reminder, dueAt)).toBe(k + 1);
        expect(cal.addWorkingDays(reminder, k + 1).dueAt).toBe(dueAt);
        if (k < n) expect(Date.parse(reminder) >= Date.parse(from)).toBe(true); // never before the event
      }),
      runs,
    );
  });
});
