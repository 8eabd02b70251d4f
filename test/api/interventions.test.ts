// The administrator's interventions on a case of every process, addressed by case id over HTTP:
// extend a running deadline, reassign a task, cancel — the workflow's verdict as 200 with the
// stage, 403, 409 (problem+json), 404 for an unknown case. Time does not pass here (dev server);
// the deadlines that must pass are in test/assessment/interventions.test.ts.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens';
import { status as membershipStatus } from '../../workflows/assessment/messages';
import { status as reviewStatus } from '../../workflows/exit/messages';
import type { Actor } from '../../domain/types';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';
import { bearer, engineeringBody, meetingFor, poll, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** A demo user by id, or any actor (a user added in the test). */
const auth = async (who: string | Actor) => (typeof who === 'string' ? bearer(h, who) : `Bearer ${await mintToken(who, JWT_SECRET)}`);
const post = async (url: string, body: object, who: string | Actor = 'u-admin') => request(h.app).post(url).set('Authorization', await auth(who)).set('Accept-Language', 'en').send(body);
const get = async (url: string, who: string | Actor = 'u-admin') => request(h.app).get(url).set('Authorization', await auth(who)).set('Accept-Language', 'en');
const at = (id: string) => `/api/admin/cases/${encodeURIComponent(id)}`;
const openTask = (caseId: string, kind: string) => poll(`an open ${kind} task`, () => h.db.task.findFirst({ where: { caseId, kind, closedAt: null } }));

describe('any case, by its id', () => {
  it('answers 404 for an unknown case, 409 for a meeting, 403 to others than administrators, 400 without a reason', async () => {
    const unknown = await post(`${at('no-such-case')}/cancellation`, { reason: '重复' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const app = await submitAs(h, 'u-li-ming');
    const { meetingId } = await meetingFor(h, app);
    const meeting = await post(`${at(meetingId)}/deadline-extension`, { workingDays: 2, reason: '顺延' });
    expect(meeting.status).toBe(409);
    expect(meeting.body.detail).toContain(`/api/meetings/${meetingId}/`);
    for (const who of ['u-authority', 'u-hr-zhangjiang', 'u-li-ming']) expect((await post(`${at(app.id)}/cancellation`, { reason: 'x' }, who)).status).toBe(403);
    const noReason = await post(`${at(app.id)}/deadline-extension`, { workingDays: 2, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ path: 'body.reason', message: 'a reason is required' }]);
  });

  it('an application: the extension may name the running deadline by purpose or task key; another is refused', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '具身智能' });
    const task = await openTask(app.id, 'employer-review');
    const byKey = await post(`${at(app.id)}/deadline-extension`, { deadline: task.taskKey, workingDays: 2, reason: '单位人事调整' });
    expect(byKey.body).toEqual({ id: app.id, stage: 'employer-review' });
    expect((await post(`${at(app.id)}/deadline-extension`, { deadline: 'employer-review', workingDays: 1, reason: '再顺延' })).status).toBe(200);
    const other = await post(`${at(app.id)}/deadline-extension`, { deadline: 'formal-review', workingDays: 2, reason: 'x' });
    expect(other.status).toBe(409);
    expect(other.body.detail).toBe('no running deadline "formal review" (running: employer review)');
  });
});

describe('a membership and its exit review', () => {
  let membershipId = '';

  it('a membership: no working-day deadline while the cycle runs, no such task; cancelling it points at its exit review', async () => {
    const admitted = await post('/api/programmes/youth-innovator/members', { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'interventions' });
    expect(admitted.status).toBe(201);
    membershipId = admitted.body.id;
    await poll('the cycle to run', async () => ((await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } })).stage === 'running' ? true : undefined));
    const base = at(membershipId);

    const none = await post(`${base}/deadline-extension`, { workingDays: 3, reason: '顺延' });
    expect([none.status, none.body.detail]).toEqual([409, 'no deadline is running']);
    const cycleEnd = await post(`${base}/deadline-extension`, { deadline: 'cycle-end', workingDays: 3, reason: '顺延' });
    expect([cycleEnd.status, cycleEnd.body.detail]).toEqual([409, '"assessment cycle" is a fixed instant, not a working-day deadline: it cannot be extended']);
    const noTask = await post(`${base}/reassignment`, { taskKey: 'self-report-1', assigneeId: 'u-talent-centre', reason: '转办' });
    expect([noTask.status, noTask.body.detail]).toEqual([409, 'no pending task self-report-1']);
    const nobody = await post(`${base}/reassignment`, { taskKey: 'self-report-1', assigneeId: 'u-nobody', reason: '转办' });
    expect(nobody.body.errors).toEqual([{ path: 'body.assigneeId', message: 'no user u-nobody' }]);
    expect((await post(`${base}/cancellation`, {})).body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const cancel = await post(`${base}/cancellation`, { reason: '人才计划调整' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toContain(`POST /api/memberships/${membershipId}/exit-review`);
    expect((await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status).toBe('active');
  });

  it('an exit review: its deadline extended, the industry body’s opinion reassigned, then cancelled — tasks close, the talent is told, the membership goes on', async () => {
    const opened = await post(`/api/memberships/${membershipId}/exit-review`, { trigger: 'admin', reason: '群众举报，启动核查' });
    const reviewId: string = opened.body.exitReviewId;
    expect(reviewId).toBe(`${membershipId}-1`);
    const base = at(reviewId);
    const review = h.temporal.workflow.getHandle(`exit-${reviewId}`);
    const defence = await openTask(reviewId, 'defence');

    const own = await post(`${base}/reassignment`, { taskKey: defence.taskKey, assigneeId: 'u-hr-zhangjiang', reason: '代为申辩' });
    expect([own.status, own.body.detail]).toEqual([409, 'the statement of defence is the talent’s own: it cannot be reassigned']);
    const notYet = await post(`${base}/deadline-extension`, { deadline: 'exit-decision', workingDays: 5, reason: 'x' });
    expect([notYet.status, notYet.body.detail]).toEqual([409, 'no running deadline "exit review decision" (running: statement of defence)']);
    expect((await post(`${base}/deadline-extension`, { deadline: 'defence', workingDays: 5, reason: 'x' }, 'u-authority')).status).toBe(403);

    const extended = await post(`${base}/deadline-extension`, { deadline: 'defence', workingDays: 5, reason: '当事人出差，申请延期申辩' });
    expect(extended.body).toEqual({ id: reviewId, stage: 'defence' });
    const moved = await h.db.task.findUniqueOrThrow({ where: { id: defence.id } });
    expect(moved.dueAt!.getTime() - defence.dueAt!.getTime()).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect((await review.query(reviewStatus)).deadlines).toEqual([expect.objectContaining({ purpose: 'defence', workingDays: 15, dueAt: moved.dueAt!.toISOString() })]);

    // The talent files a defence; the industry body's opinion goes to another evaluator, and the first may no longer give it.
    expect((await post(`/api/exit-reviews/${reviewId}/defence`, { statement: '举报内容与事实不符', evidence: ['说明.pdf'] }, 'u-li-ming')).body).toEqual({ id: reviewId, stage: 'defence' });
    const evaluator: Actor = { id: 'u-industry-2', roles: ['industry'], organisationId: 'org-ai-association' };
    expect((await post('/api/admin/users', { id: evaluator.id, name: '行业协会二', email: 'industry2@ai-association.example.cn', organisationId: 'org-ai-association', roles: ['industry'], reason: '协会增派评价人' })).status).toBe(201);
    const asked = await openTask(reviewId, 'exit-opinion-industry');
    const reassigned = await post(`${base}/reassignment`, { taskKey: asked.taskKey, assigneeId: evaluator.id, reason: '原评价人回避' });
    expect(reassigned.body).toEqual({ id: reviewId, stage: 'defence' });
    const refused = await post(`/api/exit-reviews/${reviewId}/opinion`, { as: 'industry', opinion: '不成立' }, 'u-industry');
    expect([refused.status, refused.body.detail]).toEqual([403, 'an administrator gave this task to someone else']);
    const inbox = (await get('/api/inbox', evaluator)).body.items.map((t: { caseId: string; kind: string }) => `${t.kind}/${t.caseId}`);
    expect(inbox).toContain(`exit-opinion-industry/${reviewId}`);
    const now = await openTask(reviewId, 'exit-opinion-industry');
    expect(now.assigneeId).toBe(evaluator.id);

    const cancelled = await post(`${base}/cancellation`, { reason: '举报经核查不属实，撤销程序' });
    expect(cancelled.body).toEqual({ id: reviewId, stage: 'cancelled' });
    expect(await review.result()).toEqual({ stage: 'cancelled' });
    for (const [suffix, body] of [['cancellation', { reason: 'twice' }], ['deadline-extension', { workingDays: 1, reason: 'x' }], ['reassignment', { taskKey: now.taskKey, assigneeId: 'u-authority', reason: 'x' }]] as const) {
      expect((await post(`${base}/${suffix}`, body)).status, suffix).toBe(409);
    }

    // Its tasks closed, its row says so, the talent was told why.
    expect(await h.db.task.count({ where: { caseId: reviewId, closedAt: null } })).toBe(0);
    expect(await h.db.exitReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    const [mail] = await h.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.subject.includes('考评退出程序已撤销'));
    expect(mail!.text).toContain('举报经核查不属实，撤销程序');
    const audit = (await get(`${base}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['open-exit-review', 'extend-deadline', 'file-defence', 'reassign', 'cancel']);

    // The membership was told and goes on: no review running, active, and it may be reviewed again.
    const told = await poll('the membership to record it', () => h.db.auditEvent.findFirst({ where: { caseId: membershipId, action: 'exit-review-cancelled' } }));
    expect(told.detail).toMatchObject({ n: 1, note: '举报经核查不属实，撤销程序' });
    const live = await h.temporal.workflow.getHandle(`assessment-${membershipId}`).query(membershipStatus);
    expect(live.exitReview).toBeUndefined();
    expect((await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status).toBe('active');
    expect((await post(`/api/memberships/${membershipId}/exit-review`, { trigger: 'admin', reason: '新线索' })).body.exitReviewId).toBe(`${membershipId}-2`);
  });
});
