// Run by timezone.test.ts in a child process with TZ set: prints what the calendar computes, so
// the parent can compare machines in different zones. Not a test file itself.
import { createHash } from 'node:crypto';
// Default import: the package is CommonJS, so Node's ESM loader finds no named exports.
import chineseDays from 'chinese-days';
import { createCalendar } from '../../domain/calendar/working-days';
import { say } from '../../domain/words/say';

const DAY = 86_400_000;
const cal = createCalendar([{ date: '2026-09-30', kind: 'holiday' }, { date: '2027-01-01', kind: 'holiday' }]);
const plain = createCalendar([]);

// Every day 2004–2027: working or not, and (without overrides) whether the package's own
// isWorkday agrees; it only does when the process runs in UTC, which is why we read its JSON.
let flags = '';
let packageDisagreements = 0;
for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2027, 11, 31); t += DAY) {
  const date = new Date(t).toISOString().slice(0, 10);
  flags += cal.isWorkingDay(date) ? '1' : '0';
  if (t < Date.UTC(2027, 0, 1) && plain.isWorkingDay(date) !== chineseDays.isWorkday(date)) packageDisagreements += 1;
}

// Deadlines, reminders and counts from events every 7 hours across 2026 into 2027.
const lines: string[] = [];
for (let t = Date.UTC(2025, 11, 1); t < Date.UTC(2027, 1, 1); t += 7 * 3_600_000) {
  const from = new Date(t).toISOString();
  const d = cal.addWorkingDays(from, 5);
  lines.push([from, d.dueAt, d.warnings.length, cal.subtractWorkingDays(d.dueAt, 3), cal.workingDaysBetween(from, d.dueAt)].join(' '));
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
console.log(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
    example: plain.addWorkingDays('2026-09-28T02:00:00.000Z', 5),
    lateNight: plain.addWorkingDays('2026-09-28T17:30:00.000Z', 5).lastDay,
    reminders: [3, 1].map((n) => plain.subtractWorkingDays('2026-10-10T16:00:00.000Z', n)),
    // The words of a deadline and of a meeting's start, as mail says them.
    words: (['zh-CN', 'en'] as const).flatMap((l) => [say(l, 'mail.due.working-days', { dueAt: '2026-10-10T16:00:00.000Z', days: 5 }), say(l, 'mail.due.at', { at: '2026-10-09T23:30:00.000Z' })]),
    flags: sha(flags),
    deadlines: sha(lines.join('\n')),
    deadlineCount: lines.length,
    packageDisagreements,
  }),
);
