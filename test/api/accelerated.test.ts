// The development clock (TL_DEV_WORKING_DAY_SECONDS) on the real dev server: one working day lasts
// a second, so a case gets past its 5-working-day notice while you watch. The workflows and the
// policy are the production ones; only the calendar activity's arithmetic is compressed.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { bearer, poll, submitAs } from './fixtures';

const WORKING_DAY_MS = 1_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ calendarMode: { acceleratedWorkingDayMs: WORKING_DAY_MS } });
});
afterAll(async () => {
  await h?.stop();
});

const detailOf = async (id: string) => (await request(h.app).get(`/api/applications/${id}`).set('Authorization', await bearer(h, 'u-li-ming'))).body;

describe('a development deployment with compressed working days', () => {
  it('counts every working-day deadline in seconds: the 5-working-day employer notice closes 5 seconds after the approval', async () => {
    const app = await submitAs(h, 'u-li-ming');
    const review = (await detailOf(app.id)).deadline;
    expect(review).toMatchObject({ purpose: 'employer-review', workingDays: 10, warnings: [] });
    expect(Date.parse(review.dueAt) - Date.parse(review.from)).toBe(10 * WORKING_DAY_MS);

    const approved = await request(h.app).post(`/api/applications/${app.id}/employer-decision`).set('Authorization', await bearer(h, 'u-hr-zhangjiang')).send({ decision: 'approve' });
    expect(approved.body.stage).toBe('employer-notice');
    const notice = (await detailOf(app.id)).deadline;
    expect(notice).toMatchObject({ purpose: 'employer-notice', workingDays: 5 });
    expect(Date.parse(notice.dueAt) - Date.parse(notice.from)).toBe(5 * WORKING_DAY_MS);

    const closed = await poll('the notice to close', async () => {
      const d = await detailOf(app.id);
      // The stage is the workflow's; the timeline is the audit trail, written a moment later.
      return d.stage === 'formal-review' && d.timeline.some((e: { action: string }) => e.action === 'notice-closed') ? d : undefined;
    }, 30_000);
    const closedAt = closed.timeline.find((e: { action: string }) => e.action === 'notice-closed').at;
    expect(Date.parse(closedAt)).toBeGreaterThanOrEqual(Date.parse(notice.dueAt));
    // The formal review's 10 working days are 10 seconds from when it opened.
    expect(closed.deadline).toMatchObject({ purpose: 'formal-review', workingDays: 10 });
    expect(Date.parse(closed.deadline.dueAt) - Date.parse(closed.deadline.from)).toBe(10 * WORKING_DAY_MS);
  });
});
