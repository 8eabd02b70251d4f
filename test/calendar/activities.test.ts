// The calendar activities: against a migrated SQLite database once, then against a stand-in for
// the CalendarDay table: overrides are read on every call, bad arguments fail for good, a bad
// row fails retryably until it is fixed.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createCalendarActivities } from '../../activities/calendar/activities';
import type { Db } from '../../prisma/client';
import { freshSqliteDb } from '../support/db';

describe('calendar activities on a real database', () => {
  it('read CalendarDay overrides, added by an administrator between two calls', async () => {
    const { prisma: db, cleanup } = await freshSqliteDb();
    try {
      const acts = createCalendarActivities({ db });
      const args = { from: '2026-09-28T02:00:00.000Z', workingDays: 5 };
      expect((await acts.deadlineAfter(args)).lastDay).toBe('2026-10-10');
      await db.calendarDay.create({ data: { date: '2026-09-30', kind: 'holiday', createdBy: 'u-admin', note: 'test' } });
      expect(await acts.deadlineAfter(args)).toEqual({ dueAt: '2026-10-12T16:00:00.000Z', lastDay: '2026-10-12', warnings: [] });
    } finally {
      await cleanup();
    }
  });
});

function fakeDb(rows: { date: string; kind: string }[]) {
  let reads = 0;
  const db = { calendarDay: { findMany: async () => (reads++, rows.map((r) => ({ ...r }))) } } as unknown as Db;
  return { db, rows, reads: () => reads };
}

describe('calendar activities', () => {
  it('deadlineAfter: the DOMAIN example, then again after an administrator adds a holiday', async () => {
    const table = fakeDb([]);
    const acts = createCalendarActivities({ db: table.db });
    const args = { from: '2026-09-28T02:00:00.000Z', workingDays: 5 };
    expect(await acts.deadlineAfter(args)).toEqual({ dueAt: '2026-10-10T16:00:00.000Z', lastDay: '2026-10-10', warnings: [] });
    table.rows.push({ date: '2026-09-30', kind: 'holiday' });
    expect(await acts.deadlineAfter(args)).toMatchObject({ dueAt: '2026-10-12T16:00:00.000Z', lastDay: '2026-10-12' });
    expect(table.reads()).toBe(2);
  });

  it('deadlineAfter warns for a year without a published calendar', async () => {
    const acts = createCalendarActivities({ db: fakeDb([]).db });
    const d = await acts.deadlineAfter({ from: '2027-03-01T02:00:00.000Z', workingDays: 10 });
    expect(d.lastDay).toBe('2027-03-15');
    expect(d.warnings).toEqual([expect.stringMatching(/^2027: /)]);
  });

  it('remindersBefore: 3 and 1 working days before, in the order asked', async () => {
    const acts = createCalendarActivities({ db: fakeDb([]).db });
    expect(await acts.remindersBefore({ dueAt: '2026-10-10T16:00:00.000Z', workingDaysBefore: [3, 1] })).toEqual([
      '2026-09-29T16:00:00.000Z',
      '2026-10-08T16:00:00.000Z',
    ]);
  });

  it('workingDaysBetween: working days lost over a pause, with overrides', async () => {
    const acts = createCalendarActivities({ db: fakeDb([{ date: '2026-10-08', kind: 'holiday' }]).db });
    expect(await acts.workingDaysBetween({ from: '2026-09-28T02:00:00Z', to: '2026-10-09T01:00:00Z' })).toBe(3);
  });

  it('bad arguments are a non-retryable InvalidRequest', async () => {
    const acts = createCalendarActivities({ db: fakeDb([]).db });
    const err = await acts.deadlineAfter({ from: '2026-09-28 10:00', workingDays: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'InvalidRequest', nonRetryable: true });
  });

  it('a malformed CalendarDay row is a plain, retryable error naming the row', async () => {
    const acts = createCalendarActivities({ db: fakeDb([{ date: '2026-10-08', kind: 'off' }]).db });
    const err = await acts.deadlineAfter({ from: '2026-09-28T02:00:00Z', workingDays: 5 }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect((err as Error).message).toMatch(/CalendarDay 2026-10-08/);
  });
});
