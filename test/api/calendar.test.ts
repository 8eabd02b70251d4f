// The administrators' calendar over HTTP (DOMAIN §6), on a time-skipping server so a notice can
// run out: a year's days, which years lack data, entering and correcting days with a reason
// (audited), what a change would move, and recomputing a running deadline. Dates are taken from
// what the server's clock and the workflow report, never from a calendar year.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastPublishedYear, publishedDaysOf } from '../../domain/calendar/published';
import { countingDay, isoDate, shanghaiDate } from '../../domain/calendar/shanghai';
import { createCalendar } from '../../domain/calendar/working-days';
import { startHarness, type Harness } from '../support/harness';
import { saveHistory } from '../support/histories';
import { sleepUntil } from '../support/temporal-env';
import { bearer, engineeringBody, poll, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const as = async (userId: string, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'get' ? r : r.send(body ?? {});
};
const admin = (method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => as('u-admin', method, url, body);
const detailOf = async (id: string) => (await as('u-li-ming', 'get', `/api/applications/${id}`)).body;

/** The first working day (published data, no entries) after the Shanghai day of `instant`. */
function nextWorkingDay(instant: string): string {
  const cal = createCalendar([]);
  for (let day = countingDay(instant) + 1; ; day++) if (cal.isWorkingDay(isoDate(day))) return isoDate(day);
}

describe('a year and its coverage', () => {
  it("lists a published year's days off and make-up days, and says which years have no data", async () => {
    const year = await admin('get', `/api/admin/calendar/years/${lastPublishedYear}`);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: lastPublishedYear, published: true, entries: 0 });
    const published = publishedDaysOf(lastPublishedYear);
    expect(published.length).toBeGreaterThan(10);
    expect(year.body.days).toEqual(published.map((p) => ({ date: p.date, kind: p.kind, name: p.name, source: 'published' })));

    const coverage = await admin('get', `/api/admin/calendar/coverage?from=${lastPublishedYear}&to=${lastPublishedYear + 1}`);
    expect(coverage.body.years).toEqual([
      expect.objectContaining({ year: lastPublishedYear, coverage: 'published' }),
      expect.objectContaining({ year: lastPublishedYear + 1, coverage: 'missing', entries: 0 }),
    ]);
    expect((await admin('get', '/api/admin/calendar/years/1066')).status).toBe(400);
  });
});

describe('entering days', () => {
  const first = `${lastPublishedYear + 1}-01-01`;
  const makeUp = `${lastPublishedYear + 1}-01-02`;

  it('refuses bad input with the failing field paths, and changes nothing', async () => {
    const bad = await admin('post', '/api/admin/calendar/days', { reason: ' ', days: [{ date: `${lastPublishedYear + 1}-02-30`, kind: 'holiday' }, { date: first, kind: 'weekend' }] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.days.0.date', 'body.days.1.kind', 'body.reason']);
    expect((await admin('put', `/api/admin/calendar/days/${first}`, { kind: 'holiday' })).body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    expect((await admin('put', '/api/admin/calendar/days/tomorrow', { kind: 'holiday', reason: 'x' })).body.errors).toEqual([expect.objectContaining({ path: 'params.date' })]);
    expect((await as('u-authority', 'put', `/api/admin/calendar/days/${first}`, { kind: 'holiday', reason: 'x' })).status).toBe(403);
    expect(await h.db.calendarDay.count()).toBe(0);
  });

  it("enters next year's days with a reason, corrects and removes them, each change in the log", async () => {
    const entered = await admin('post', '/api/admin/calendar/days', {
      reason: '国务院办公厅关于下一年部分节假日安排的通知',
      days: [
        { date: first, kind: 'holiday', name: '元旦' },
        { date: makeUp, kind: 'holiday', name: '元旦' },
      ],
    });
    expect(entered.status).toBe(200);
    expect(entered.body.changes).toEqual([
      expect.objectContaining({ date: first, before: null, after: 'holiday', name: '元旦', actorId: 'u-admin', reason: expect.stringContaining('国务院') }),
      expect.objectContaining({ date: makeUp, before: null, after: 'holiday' }),
    ]);
    // Setting a day to what it already is changes and logs nothing.
    expect((await admin('put', `/api/admin/calendar/days/${first}`, { kind: 'holiday', name: '元旦', reason: 'again' })).body.changes).toEqual([]);
    // A correction, and a removal.
    const corrected = await admin('put', `/api/admin/calendar/days/${makeUp}`, { kind: 'workday', reason: '更正：调休上班' });
    expect(corrected.body.changes).toEqual([expect.objectContaining({ date: makeUp, before: 'holiday', after: 'workday', reason: '更正：调休上班' })]);
    const removed = await admin('delete', `/api/admin/calendar/days/${makeUp}`, { reason: '录入错误' });
    expect(removed.body.changes).toEqual([expect.objectContaining({ date: makeUp, before: 'workday', after: null })]);
    expect((await admin('delete', `/api/admin/calendar/days/${makeUp}`, { reason: '录入错误' })).status).toBe(409);

    const year = await admin('get', `/api/admin/calendar/years/${lastPublishedYear + 1}`);
    expect(year.body).toMatchObject({ published: false, entries: 1 });
    expect(year.body.days).toEqual([expect.objectContaining({ date: first, kind: 'holiday', name: '元旦', source: 'entry', enteredBy: 'u-admin' })]);
    const log = await admin('get', `/api/admin/calendar/changes?year=${lastPublishedYear + 1}`);
    expect(log.body.items.map((c: { date: string; after: string | null }) => [c.date, c.after])).toEqual([
      [first, 'holiday'],
      [makeUp, 'holiday'],
      [makeUp, 'workday'],
      [makeUp, null],
    ]);
    const coverage = await admin('get', `/api/admin/calendar/coverage?from=${lastPublishedYear + 1}&to=${lastPublishedYear + 1}`);
    expect(coverage.body.years).toEqual([expect.objectContaining({ coverage: 'entered', entries: 1 })]);
    await admin('delete', `/api/admin/calendar/days/${first}`, { reason: 'clean up' });
  });
});

describe('running deadlines and a calendar change', () => {
  it('a change applies to deadlines counted after it; a running one keeps its end until an administrator recomputes it', async () => {
    const app = await submitAs(h, 'u-li-ming');
    const url = `/api/applications/${app.id}`;
    expect((await as('u-hr-zhangjiang', 'post', `${url}/employer-decision`, { decision: 'approve' })).body.stage).toBe('employer-notice');
    const before = (await detailOf(app.id)).deadline;
    expect(before).toMatchObject({ purpose: 'employer-notice', workingDays: 5 });
    const approvedAt = (await detailOf(app.id)).timeline.find((e: { action: string }) => e.action === 'employer-approve').at;

    // A day inside the notice becomes a holiday: the notice would end one working day later.
    const day = nextWorkingDay(approvedAt);
    const cal = createCalendar([{ date: day, kind: 'holiday' }]);
    const wouldBe = cal.addWorkingDays(approvedAt, 5).dueAt;
    expect(Date.parse(wouldBe)).toBeGreaterThan(Date.parse(before.dueAt));
    const expected = expect.objectContaining({ workflowId: app.workflowId, caseId: app.id, process: 'appraisal', purpose: 'employer-notice', dueAt: before.dueAt, wouldBe });

    const preview = await admin('post', '/api/admin/calendar/preview', { days: [{ date: day, kind: 'holiday' }] });
    expect(preview.body.moves).toContainEqual(expected);
    expect(await h.db.calendarDay.count()).toBe(0); // a preview writes nothing

    const entered = await admin('put', `/api/admin/calendar/days/${day}`, { kind: 'holiday', name: '临时调整', reason: '市政府通知' });
    expect(entered.body.moves).toContainEqual(expected);
    // The running notice keeps its end; the pending list shows it.
    expect((await detailOf(app.id)).deadline.dueAt).toBe(before.dueAt);
    expect((await admin('get', '/api/admin/calendar/pending')).body.items).toContainEqual(expected);

    // A case whose notice starts now counts the new holiday at once.
    const later = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '芯片' });
    await as('u-hr-zhangjiang', 'post', `/api/applications/${later.id}/employer-decision`, { decision: 'approve' });
    const laterDetail = await detailOf(later.id);
    const laterApproved = laterDetail.timeline.find((e: { action: string }) => e.action === 'employer-approve').at;
    expect(laterDetail.deadline.dueAt).toBe(cal.addWorkingDays(laterApproved, 5).dueAt);

    // Recomputed: the case moves its notice and records why.
    expect((await admin('post', '/api/admin/calendar/recompute', {})).body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const recomputed = await admin('post', '/api/admin/calendar/recompute', { reason: '按更正后的日历重新计算' });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.results).toContainEqual({ workflowId: app.workflowId, outcome: 'moved', stage: 'employer-notice', moved: [{ purpose: 'employer-notice', from: before.dueAt, to: wouldBe }] });
    expect((await detailOf(app.id)).deadline.dueAt).toBe(wouldBe);
    const audit = await admin('get', `/api/admin/cases/${app.id}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'recompute-deadlines', actorId: 'u-admin', detail: expect.objectContaining({ note: '按更正后的日历重新计算', moved: [{ purpose: 'employer-notice', from: before.dueAt, to: wouldBe }] }) }));
    expect((await admin('get', '/api/admin/calendar/pending')).body.items.filter((m: { workflowId: string }) => m.workflowId === app.workflowId)).toEqual([]);
    // Again: nothing left to move.
    expect((await admin('post', '/api/admin/calendar/recompute', { reason: 'again', workflowIds: [app.workflowId] })).body.results).toEqual([{ workflowId: app.workflowId, outcome: 'unchanged', stage: 'employer-notice', moved: [] }]);

    // The old end passes and the notice runs on; at the new end it closes.
    await sleepUntil(h.env!, before.dueAt);
    expect((await detailOf(app.id)).stage).toBe('employer-notice');
    expect(shanghaiDate(wouldBe)).not.toBe(shanghaiDate(before.dueAt));
    await sleepUntil(h.env!, wouldBe);
    await poll('the notice to close', async () => (await detailOf(app.id)).stage === 'formal-review');
    const rows = await h.db.runningDeadline.findMany({ where: { workflowId: app.workflowId }, orderBy: { seq: 'asc' } });
    expect(rows.find((r) => r.purpose === 'employer-notice')).toMatchObject({ endedAt: expect.any(Date) });
    expect(rows.find((r) => r.purpose === 'formal-review')).toMatchObject({ endedAt: null, workingDays: expect.any(Number) });
    await saveHistory('appraisal-recompute', h.temporal.workflow.getHandle(app.workflowId));
  });
});
