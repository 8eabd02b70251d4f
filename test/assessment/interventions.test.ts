// The administrator's interventions where time must pass, on a time-skipping server: one of a
// membership's parallel evaluation deadlines extended (it alone moves, and escalates at its new
// end), a reassigned evaluation, the validators' refusals; an exit review's defence window
// extended (it closes at the new end), then the review cancelled and the membership told.
import type { WorkflowHandle } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendDeadline, reassign, status } from '../../workflows/assessment/messages';
import { status as reviewStatus } from '../../workflows/exit/messages';
import type { Actor } from '../../domain/types';
import { poll } from '../api/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { saveHistory } from '../support/histories';
import { sleepUntil } from '../support/temporal-env';
import { expectRefused } from '../support/workflow-helpers';
import { waitForStatus } from './support/drive';
import { admin, hr } from './support/env';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
});
afterAll(async () => {
  await h?.stop();
});

const post = async (userId: string, path: string, body: object) => request(h.app).post(path).set('Authorization', `Bearer ${await h.tokenFor(userId)}`).set('Accept-Language', 'en').send(body);
const audited = (caseId: string, action: string) => h.db.auditEvent.findFirst({ where: { caseId, action } });
const scores = { achievements: 80, contribution: 80, ethics: 80 };

let membershipId = '';
let membership: WorkflowHandle;

describe('a membership’s parallel deadlines', () => {
  it('extends the expert’s evaluation alone; the others escalate at their end, the expert at its new one; a reassigned evaluation is the new assignee’s', async () => {
    const admitted = await post('u-admin', '/api/programmes/leading-talent/members', { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'interventions' });
    membershipId = admitted.body.id;
    membership = h.temporal.workflow.getHandle(`assessment-${membershipId}`);
    const running = await waitForStatus(membership, (s) => s.cycle.windowOpensAt !== undefined);
    await sleepUntil(h.env!, running.cycle.windowOpensAt!);
    await waitForStatus(membership, (s) => s.stage === 'self-report');
    const selfReport = await poll('the self-report task', () => h.db.task.findFirst({ where: { caseId: membershipId, kind: 'self-report', closedAt: null } }));
    const own = await post('u-admin', `/api/admin/cases/${membershipId}/reassignment`, { taskKey: selfReport.taskKey, assigneeId: 'u-hr-zhangjiang', reason: '代为填报' });
    expect([own.status, own.body.detail]).toEqual([409, 'the self-report is the talent’s own: it cannot be reassigned']);
    const report = { summary: '完成年度目标', milestones: [{ title: '关键技术攻关', status: 'met', evidence: ['report.pdf'] }], outputs: [] };
    expect((await post('u-li-ming', `/api/memberships/${membershipId}/self-report`, report)).body).toEqual({ id: membershipId, stage: 'evaluation' });
    const opened = await waitForStatus(membership, (s) => s.deadlines.length === 3);
    const due = Object.fromEntries(opened.deadlines.map((d) => [d.purpose, d.dueAt]));
    // Industry and expert evaluations have the same number of working days: the same end.
    expect(due['evaluation-industry']).toBe(due['evaluation-expert']);

    // The workflow's validators: administrators only, with a reason, a deadline that runs and is named when several do.
    const ask = { actor: admin, reason: '专家出国访问', workingDays: 5, deadline: 'evaluation-expert' };
    await expectRefused(membership.executeUpdate(extendDeadline, { args: [{ ...ask, actor: hr }] }), 'Forbidden');
    await expectRefused(membership.executeUpdate(extendDeadline, { args: [{ ...ask, reason: ' ' }] }), 'InvalidRequest');
    await expectRefused(membership.executeUpdate(extendDeadline, { args: [{ ...ask, workingDays: 0 }] }), 'InvalidRequest');
    await expectRefused(membership.executeUpdate(extendDeadline, { args: [{ ...ask, deadline: 'evaluation-astrologer' }] }), 'Conflict');
    const { deadline: _, ...unnamed } = ask;
    await expectRefused(membership.executeUpdate(extendDeadline, { args: [unnamed] }), 'Conflict');
    const several = await post('u-admin', `/api/admin/cases/${membershipId}/deadline-extension`, { workingDays: 5, reason: '顺延' });
    expect([several.status, several.body.detail]).toEqual([409, 'several deadlines are running: name one of employer evaluation, industry evaluation or expert evaluation']);
    await expectRefused(membership.executeUpdate(reassign, { args: [{ actor: hr, reason: 'x', taskKey: 'x', assigneeId: 'u-talent-centre' }] }), 'Forbidden');

    const extended = await post('u-admin', `/api/admin/cases/${membershipId}/deadline-extension`, { deadline: 'evaluation-expert', workingDays: 5, reason: '专家出国访问' });
    expect(extended.body).toEqual({ id: membershipId, stage: 'evaluation' });
    const after = await membership.query(status);
    const dueAfter = Object.fromEntries(after.deadlines.map((d) => [d.purpose, d]));
    expect(dueAfter['evaluation-industry']!.dueAt).toBe(due['evaluation-industry']);
    expect(Date.parse(dueAfter['evaluation-expert']!.dueAt) - Date.parse(due['evaluation-expert']!)).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(dueAfter['evaluation-expert']!.workingDays).toBe(20);
    const tasks = Object.fromEntries((await h.db.task.findMany({ where: { caseId: membershipId, closedAt: null } })).map((t) => [t.kind, t]));
    expect(tasks['evaluation-industry']!.dueAt!.toISOString()).toBe(due['evaluation-industry']);
    expect(tasks['evaluation-expert']!.dueAt!.toISOString()).toBe(dueAfter['evaluation-expert']!.dueAt);

    // The employer's evaluation goes to the talent service centre: the employer's reviewer may no longer file it.
    const employerTask = tasks['evaluation-employer']!;
    expect((await post('u-admin', `/api/admin/cases/${membershipId}/reassignment`, { taskKey: employerTask.taskKey, assigneeId: 'u-talent-centre', reason: '用人单位人事空缺，委托人才服务中心' })).body).toEqual({ id: membershipId, stage: 'evaluation' });
    expect((await post('u-hr-zhangjiang', `/api/memberships/${membershipId}/evaluation`, { as: 'employer', scores, opinion: '良好' })).status).toBe(403);
    expect((await post('u-talent-centre', `/api/memberships/${membershipId}/evaluation`, { as: 'employer', scores, opinion: '良好' })).body).toEqual({ id: membershipId, stage: 'evaluation' });

    // Past the industry's end: it escalates; the expert, extended, does not yet.
    await sleepUntil(h.env!, due['evaluation-industry']!);
    await poll('the industry escalation', () => audited(membershipId, 'escalate-evaluation-industry'));
    expect(await audited(membershipId, 'escalate-evaluation-expert')).toBeNull();
    expect(await audited(membershipId, 'remind-evaluation-expert-1')).toBeNull();
    await sleepUntil(h.env!, dueAfter['evaluation-expert']!.dueAt);
    await poll('the expert escalation', () => audited(membershipId, 'escalate-evaluation-expert'));
    expect(await audited(membershipId, 'remind-evaluation-expert-1')).not.toBeNull();
  });
});

describe('an exit review’s deadline and its cancellation', () => {
  it('closes the defence window at its extended end; cancelled, it ends without a decision and the membership goes on', async () => {
    const opened = await post('u-admin', `/api/memberships/${membershipId}/exit-review`, { trigger: 'admin', reason: '群众举报，启动核查' });
    const reviewId: string = opened.body.exitReviewId;
    const review = h.temporal.workflow.getHandle(`exit-${reviewId}`);
    const before = (await poll('the defence window', async () => (await review.query(reviewStatus).catch(() => undefined))?.deadlines[0]))!;
    expect(before.purpose).toBe('defence');
    // Unnamed: the one deadline the review runs.
    expect((await post('u-admin', `/api/admin/cases/${reviewId}/deadline-extension`, { workingDays: 3, reason: '当事人住院' })).body).toEqual({ id: reviewId, stage: 'defence' });
    const extended = (await review.query(reviewStatus)).deadlines[0]!;
    expect(extended).toMatchObject({ purpose: 'defence', workingDays: before.workingDays + 3 });

    // Past the first end the window is still open; it closes at the extended end, not before.
    await sleepUntil(h.env!, before.dueAt);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await review.query(reviewStatus)).stage).toBe('defence');
    await sleepUntil(h.env!, extended.dueAt);
    const committee = await poll('the committee', async () => {
      const s = await review.query(reviewStatus);
      return s.stage === 'committee' ? s : undefined;
    });
    expect(committee.timeline.map((e) => e.action).slice(-1)).toEqual(['defence-window-closed']);
    const missedAt = (await audited(reviewId, 'defence-window-closed'))!.at;
    expect(missedAt.getTime()).toBeGreaterThanOrEqual(Date.parse(extended.dueAt));

    const secretary: Actor = { id: 'u-authority', roles: ['authority'], organisationId: 'org-hrss-bureau' };
    const cancelled = await post('u-admin', `/api/admin/cases/${reviewId}/cancellation`, { reason: '举报经核查不属实，撤销程序' });
    expect(cancelled.body).toEqual({ id: reviewId, stage: 'cancelled' });
    expect((await post(secretary.id, `/api/exit-reviews/${reviewId}/decision`, { decision: 'exit', reason: 'x' })).status).toBe(409);
    expect(await review.result()).toEqual({ stage: 'cancelled' });
    expect(await h.db.task.count({ where: { caseId: reviewId, closedAt: null } })).toBe(0);
    expect(await h.db.runningDeadline.count({ where: { workflowId: review.workflowId, endedAt: null } })).toBe(0);
    await poll('the membership to record it', () => audited(membershipId, 'exit-review-cancelled'));
    const live = await waitForStatus(membership, (s) => s.exitReview === undefined);
    expect(live.stage).toBe('evaluation');
    await saveHistory('exit-extended-cancelled', review);
    await saveHistory('assessment-interventions', membership);
  });
});
