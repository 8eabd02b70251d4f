// Working-day deadlines on the 2026 mainland calendar (DOMAIN §6), with worked examples checked
// by hand against the State Council's 2026 notice.
import { describe, expect, it } from 'vitest';
import { createCalendar, shanghaiDate } from '../../domain/calendar/working-days';
import { firstPublishedYear, lastPublishedYear } from '../../domain/calendar/published';

const cal = createCalendar([]);
/** The n-th counted day for n = 1..count: the days a period runs through. */
const countedDays = (from: string, count: number, c = cal) =>
  Array.from({ length: count }, (_, i) => c.addWorkingDays(from, i + 1).lastDay);

describe('the DOMAIN example: a 5-working-day notice published on 2026-09-28', () => {
  const publishedAt = '2026-09-28T02:00:00.000Z'; // 10:00 in Shanghai

  it('counts 09-29, 09-30, 10-08, 10-09 and the make-up Saturday 10-10', () => {
    expect(countedDays(publishedAt, 5)).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('closes at 24:00 Shanghai on 2026-10-10, i.e. 16:00Z, with no warning', () => {
    expect(cal.addWorkingDays(publishedAt, 5)).toEqual({ dueAt: '2026-10-10T16:00:00.000Z', lastDay: '2026-10-10', warnings: [] });
  });

  it('puts the reminders 3 and 1 working days before at 00:00 on 09-30 and 10-09', () => {
    const { dueAt } = cal.addWorkingDays(publishedAt, 5);
    expect(cal.subtractWorkingDays(dueAt, 3)).toBe('2026-09-29T16:00:00.000Z');
    expect(cal.subtractWorkingDays(dueAt, 1)).toBe('2026-10-08T16:00:00.000Z');
  });
});

describe('Spring Festival 2026: off 02-15..02-23, make-up Saturdays 02-14 and 02-28', () => {
  it('counts the make-up Saturdays and skips the nine days off', () => {
    expect(countedDays('2026-02-12T03:00:00Z', 8)).toEqual([
      '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-02',
    ]);
  });

  it('knows each day of the period', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
  });
});

describe('National Day 2026: Mid-Autumn 09-25..27, National Day 10-01..07, make-up 09-20 (Sun) and 10-10 (Sat)', () => {
  it('counts the make-up Sunday and skips Mid-Autumn', () => {
    expect(countedDays('2026-09-18T03:00:00Z', 6)).toEqual(['2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24', '2026-09-28']);
  });

  it('an event during the holiday starts counting after it', () => {
    expect(cal.addWorkingDays('2026-10-03T03:00:00Z', 1).lastDay).toBe('2026-10-08');
  });
});

describe('dates are Shanghai dates', () => {
  it('an event at 17:30Z on 09-28 happened on 09-29 in Shanghai, so counting starts 09-30', () => {
    expect(shanghaiDate('2026-09-28T17:30:00Z')).toBe('2026-09-29');
    expect(countedDays('2026-09-28T17:30:00Z', 5)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
    expect(cal.addWorkingDays('2026-09-28T17:30:00Z', 5).dueAt).toBe('2026-10-12T16:00:00.000Z');
  });

  it('one millisecond before Shanghai midnight is still 09-28; offsets other than Z are honoured', () => {
    expect(cal.addWorkingDays('2026-09-28T15:59:59.999Z', 5).lastDay).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-28T23:59:00+08:00', 5).lastDay).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-28T12:30:00-04:00', 5).lastDay).toBe('2026-10-12'); // 00:30 on 09-29
  });

  it('exactly 00:00 Shanghai is 24:00 of the day before, so a dueAt passed back in loses nothing', () => {
    const first = cal.addWorkingDays('2026-09-28T02:00:00Z', 2); // ends 09-30
    expect(cal.addWorkingDays(first.dueAt, 3)).toEqual(cal.addWorkingDays('2026-09-28T02:00:00Z', 5));
  });

  it('rejects instants without an offset (they would be read in the machine zone) and impossible dates', () => {
    expect(() => cal.addWorkingDays('2026-09-28T10:00:00', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30T10:00:00Z', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-09-28T10:00:00Z', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-09-28T10:00:00Z', -1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-9-28')).toThrow(RangeError);
  });
});

describe('administrator overrides win over the package data', () => {
  const from = '2026-09-28T02:00:00Z';

  it('a weekday declared a holiday pushes the deadline by one working day', () => {
    const c = createCalendar([{ date: '2026-09-30', kind: 'holiday' }]);
    expect(countedDays(from, 5, c)).toEqual(['2026-09-29', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });

  it('a Saturday declared a working day pulls the deadline in by one working day', () => {
    const start = '2026-09-16T02:00:00Z';
    expect(cal.addWorkingDays(start, 5).lastDay).toBe('2026-09-22'); // 17, 18, 20 (make-up), 21, 22
    const c = createCalendar([{ date: '2026-09-19', kind: 'workday' }]);
    expect(countedDays(start, 5, c)).toEqual(['2026-09-17', '2026-09-18', '2026-09-19', '2026-09-20', '2026-09-21']);
  });

  it('a published make-up day can be cancelled', () => {
    const c = createCalendar([{ date: '2026-10-10', kind: 'holiday' }]);
    expect(c.isWorkingDay('2026-10-10')).toBe(false);
    expect(c.addWorkingDays(from, 5).lastDay).toBe('2026-10-12');
  });

  it('rejects malformed overrides', () => {
    expect(() => createCalendar([{ date: '2026-10-32', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => createCalendar([{ date: '2026-10-10', kind: 'day-off' as 'holiday' }])).toThrow(RangeError);
  });
});

describe('years without a published calendar', () => {
  it(`the package covers ${firstPublishedYear}–${lastPublishedYear}, 2026 included`, () => {
    expect([firstPublishedYear, lastPublishedYear]).toEqual([2004, 2026]);
  });

  it('count weekends only and warn once per unpublished year', () => {
    // 2027-01-01 is a Friday; the real calendar will surely make it New Year's Day, we cannot know.
    const d = cal.addWorkingDays('2026-12-31T02:00:00Z', 1);
    expect(d.lastDay).toBe('2027-01-01');
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/^2027: no published .*weekends only/);
    expect(cal.addWorkingDays('2027-01-04T02:00:00Z', 30).warnings).toHaveLength(1);
    expect(cal.addWorkingDays('2003-12-30T02:00:00Z', 5).warnings[0]).toMatch(/^2003:/);
  });

  it('do not warn for a period that stays inside published years', () => {
    expect(cal.addWorkingDays('2026-12-29T02:00:00Z', 2)).toMatchObject({ lastDay: '2026-12-31', warnings: [] });
  });

  it('still apply overrides, and still warn', () => {
    const c = createCalendar([{ date: '2027-01-01', kind: 'holiday' }]);
    const d = c.addWorkingDays('2026-12-31T02:00:00Z', 1);
    expect(d.lastDay).toBe('2027-01-04');
    expect(d.warnings).toHaveLength(1);
  });
});

describe('workingDaysBetween and subtractWorkingDays', () => {
  it('counts the working days a paused case lost: after the pause day, through the resume day', () => {
    // Paused Monday 09-28, resumed Friday 10-09: 09-29, 09-30, 10-08, 10-09.
    expect(cal.workingDaysBetween('2026-09-28T02:00:00Z', '2026-10-09T01:00:00Z')).toBe(4);
    expect(cal.workingDaysBetween('2026-09-28T02:00:00Z', '2026-09-28T09:00:00Z')).toBe(0);
    expect(() => cal.workingDaysBetween('2026-09-28T02:00:00Z', '2026-09-27T02:00:00Z')).toThrow(RangeError);
  });

  it('shifting a deadline by the days lost equals counting them on from it', () => {
    const due = cal.addWorkingDays('2026-09-21T02:00:00Z', 5); // 22, 23, 24, 28, 29
    const lost = cal.workingDaysBetween('2026-09-28T02:00:00Z', '2026-10-09T01:00:00Z');
    expect(due.lastDay).toBe('2026-09-29');
    expect(cal.addWorkingDays(due.dueAt, lost).lastDay).toBe('2026-10-10');
  });

  it('are inverse: at a reminder n working days before, n + 1 remain (its own day and n more)', () => {
    // The reminder is 00:00 of its day, which as an instant is also 24:00 of the day before.
    const due = cal.addWorkingDays('2026-02-10T02:00:00Z', 7); // 11, 12, 13, 14, 24, 25, 26
    expect(due.lastDay).toBe('2026-02-26');
    for (const [n, day] of [[0, '2026-02-26'], [1, '2026-02-25'], [3, '2026-02-14'], [7, '2026-02-10'], [10, '2026-02-05']] as const) {
      const reminder = cal.subtractWorkingDays(due.dueAt, n);
      expect(shanghaiDate(reminder)).toBe(day);
      expect(cal.workingDaysBetween(reminder, due.dueAt)).toBe(n + 1);
      expect(cal.addWorkingDays(reminder, n + 1).dueAt).toBe(due.dueAt);
    }
  });

  it('land reminders on working days, even before a deadline that ends on a weekend', () => {
    // A deadline extended to Sunday 2026-10-11 effectively ends with Saturday 10-10 (make-up day):
    // 1 working day before is Friday 10-09; 0 before is the Saturday itself.
    expect(cal.subtractWorkingDays('2026-10-11T16:00:00.000Z', 1)).toBe('2026-10-08T16:00:00.000Z');
    expect(cal.subtractWorkingDays('2026-10-11T16:00:00.000Z', 0)).toBe('2026-10-09T16:00:00.000Z');
  });
});
