// Working-day deadlines of a membership (DOMAIN §3, §6, §8): reminders 3 and 1 working days
// before, escalation after, a missing self-report graded 不合格, and pause/resume moving the clocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDay, isoDate } from '../../domain/calendar/shanghai';
import { createCalendar } from '../../domain/calendar/working-days';
import { changeDays, loadOverrides } from '../../records/calendar';
import { evaluate, pause, reassign, resume, submitSelfReport } from '../../workflows/assessment/messages';
import { recomputeDeadlines } from '../../workflows/shared/calendar-messages';
import { justBefore } from '../../workflows/shared/clock';
import { saveHistory } from '../support/histories';
import { expectRefused } from '../support/workflow-helpers';
import { actions, cycleStarted, openWindow, selfReportOf, uniform, waitForStatus } from './support/drive';
import { admin, expert, hr, industry, startAssessmentEnv, type AssessmentEnv } from './support/env';
import { testCalendar } from '../support/run-start';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
});
afterAll(async () => {
  await t?.stop();
});

/** The calendar the workflows count on in this run (the date matrix may add entries). */
const calendar = testCalendar();
const HOUR = 3600_000;

describe('a missing self-report', () => {
  it('is reminded 3 and 1 working days before its deadline, escalated after it, and graded 不合格 after the grace period', async () => {
    const [id] = await t.talents(1);
    const h = await t.admit({ talentId: id!, programmeId: 'youth-innovator', intake: 'missing-self-report' });
    const firstRun = (await h.describe()).runId;
    const opened = await openWindow(t, h, 1);
    const due = opened.deadlines.find((d) => d.purpose === 'self-report')!;
    expect(due).toMatchObject({ workingDays: 10, dueAt: calendar.addWorkingDays(opened.cycle.windowOpensAt!, 10).dueAt });
    await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('请提交述职报告'));

    await t.sleepUntil(due.dueAt, HOUR);
    const escalated = await waitForStatus(h, (s) => actions(s).includes('escalate-self-report'));
    expect(actions(escalated).filter((a) => a.startsWith('remind-self-report'))).toEqual(['remind-self-report-3', 'remind-self-report-1']);
    const reminders = escalated.timeline.filter((e) => e.action.startsWith('remind-self-report')).map((e) => e.at);
    // At 00:00 Shanghai of the 3rd and the 1st working day before the deadline's day (to the second).
    expect(reminders.map((at) => Math.floor(Date.parse(at) / 1000))).toEqual([3, 1].map((n) => Date.parse(calendar.subtractWorkingDays(due.dueAt, n)) / 1000));
    expect(escalated.pendingTasks.map((p) => p.kind).sort()).toEqual(['escalation-self-report', 'self-report']);
    expect(escalated.deadlines).toEqual([expect.objectContaining({ purpose: 'self-report-grace', workingDays: 5 })]);
    await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.startsWith('提醒：'), 2);
    await t.smtp.waitFor((m) => m.to.includes('admin@hrss.example.cn') && m.subject.startsWith('逾期督办：考核述职报告（青年创新英才）') && m.text.includes(opened.membershipId));

    const grace = escalated.deadlines[0]!;
    await t.sleepUntil(grace.dueAt, HOUR);
    const rows = await waitForRow(h.workflowId);
    expect(rows).toMatchObject({ score: null, baseGrade: 'fail', grade: 'fail' });
    // 不合格 once opens an exit review (DOMAIN §4).
    const review = await waitForReview(h.workflowId.slice('assessment-'.length));
    expect(review).toMatchObject({ trigger: 'grade-fail', n: 1, stage: 'defence', status: 'open' });
    const audit = await t.db.auditEvent.findMany({ where: { workflowId: h.workflowId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['self-report-missed', 'score', 'grade', 'open-exit-review']));
    await cycleStarted(t, h, 2);
    await saveHistory('assessment-self-report-missed', t.env.client.workflow.getHandle(h.workflowId, firstRun));
  });
});

describe('evaluations', () => {
  it('run in parallel, each with its own deadline; a late expert is escalated and the administrator reassigns the evaluation', async () => {
    const [id] = await t.talents(1);
    const h = await t.admit({ talentId: id!, programmeId: 'youth-innovator', intake: 'late-expert' });
    await openWindow(t, h, 1);
    await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] });
    const open = await waitForStatus(h, (s) => s.stage === 'evaluation');
    expect(open.deadlines.map((d) => [d.purpose, d.workingDays])).toEqual([['evaluation-employer', 10], ['evaluation-industry', 15], ['evaluation-expert', 15]]);
    expect(open.pendingTasks.map((p) => [p.kind, p.assigneeOrg ?? p.assigneeId ?? p.assigneeRole])).toEqual([
      ['evaluation-employer', 'org-zhangjiang-tech'],
      ['evaluation-industry', 'industry'],
      ['evaluation-expert', open.expertId],
    ]);
    // The assigned expert is never from the talent's employer (回避).
    expect((await t.db.expert.findUniqueOrThrow({ where: { id: open.expertId! } })).organisationId).not.toBe('org-zhangjiang-tech');
    await expectRefused(h.executeUpdate(evaluate, { args: [{ actor: industry, as: 'employer', scores: uniform(80), opinion: 'x' }] }), 'Forbidden');
    await h.executeUpdate(evaluate, { args: [{ actor: hr, as: 'employer', scores: uniform(80), opinion: '良好' }] });
    await h.executeUpdate(evaluate, { args: [{ actor: industry, as: 'industry', scores: uniform(80), opinion: '良好' }] });

    const due = open.deadlines.find((d) => d.purpose === 'evaluation-expert')!;
    await t.sleepUntil(due.dueAt, HOUR);
    const late = await waitForStatus(h, (s) => actions(s).includes('escalate-evaluation-expert'));
    expect(actions(late).filter((a) => a.includes('evaluation-expert'))).toEqual(['remind-evaluation-expert-3', 'remind-evaluation-expert-1', 'escalate-evaluation-expert']);
    const task = late.pendingTasks.find((p) => p.kind === 'evaluation-expert')!;
    const other = ['x-engineering-1', 'x-engineering-2'].find((x) => x !== open.expertId)!;
    await h.executeUpdate(reassign, { args: [{ actor: admin, reason: '原专家出国', taskKey: task.taskKey, assigneeId: other }] });
    await expectRefused(h.executeUpdate(evaluate, { args: [{ actor: expert(open.expertId!), as: 'expert', scores: uniform(80), opinion: 'x' }] }), 'Forbidden');
    // The last evaluation answers with the stage it leads to.
    expect(await h.executeUpdate(evaluate, { args: [{ actor: expert(other), as: 'expert', scores: uniform(80), opinion: '良好' }] })).toBe('grading');
    expect((await cycleStarted(t, h, 2)).past).toEqual([{ cycle: 1, score: 8000, grade: 'pass' }]);
  });
});

describe('pause and resume', () => {
  it('stop every clock; on resume each deadline moves by the working days paused', async () => {
    const [id] = await t.talents(1);
    const h = await t.admit({ talentId: id!, programmeId: 'youth-innovator', intake: 'pause' });
    const opened = await openWindow(t, h, 1);
    const before = opened.deadlines.find((d) => d.purpose === 'self-report')!;
    await expectRefused(h.executeUpdate(pause, { args: [{ actor: hr, reason: '借调' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(pause, { args: [{ actor: admin, reason: ' ' }] }), 'InvalidRequest');
    expect(await h.executeUpdate(pause, { args: [{ actor: admin, reason: '借调至市科委三个月' }] })).toBe('self-report');
    const pausedAt = (await waitForStatus(h, (s) => !!s.paused)).paused!.since;
    expect((await t.db.membership.findFirstOrThrow({ where: { workflowId: h.workflowId } })).status).toBe('paused');
    await expectRefused(h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] }), 'Conflict');
    await expectRefused(h.executeUpdate(pause, { args: [{ actor: admin, reason: '再次' }] }), 'Conflict');

    // Paused past the deadline: nothing is due, nobody is reminded.
    await t.sleepUntil(before.dueAt, 5 * 24 * HOUR);
    const paused = await waitForStatus(h, (s) => s.stage === 'self-report');
    expect(actions(paused).filter((a) => a.startsWith('remind') || a.startsWith('escalate'))).toEqual([]);

    expect(await h.executeUpdate(resume, { args: [{ actor: admin, reason: '借调结束' }] })).toBe('self-report');
    const resumed = await waitForStatus(h, (s) => !s.paused);
    const resumedAt = resumed.timeline.find((e) => e.action === 'resume')!.at;
    const pausedDays = calendar.workingDaysBetween(pausedAt, resumedAt);
    expect(pausedDays).toBeGreaterThan(10);
    const after = resumed.deadlines.find((d) => d.purpose === 'self-report')!;
    expect(after).toMatchObject({ workingDays: 10 + pausedDays, dueAt: calendar.addWorkingDays(justBefore(before.dueAt), pausedDays).dueAt });
    const task = await t.db.task.findFirstOrThrow({ where: { workflowId: h.workflowId, kind: 'self-report', closedAt: null } });
    expect(task.dueAt?.toISOString()).toBe(after.dueAt);
    expect((await t.db.membership.findFirstOrThrow({ where: { workflowId: h.workflowId } })).status).toBe('active');
    // The talent may act again.
    expect(await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] })).toBe('evaluation');
    await saveHistory('assessment-paused', h);
  });
});

describe('a calendar change', () => {
  it('moves the parallel evaluation deadlines and their tasks once an administrator recomputes them, and not before', async () => {
    const [id] = await t.talents(1);
    const h = await t.admit({ talentId: id!, programmeId: 'youth-innovator', intake: 'recompute' });
    await openWindow(t, h, 1);
    await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] });
    const open = await waitForStatus(h, (s) => s.stage === 'evaluation');
    const opened = open.timeline.find((e) => e.action === 'open-evaluation')!.at;
    // The first working day the evaluations count becomes a holiday.
    let day = countingDay(opened) + 1;
    while (!calendar.isWorkingDay(isoDate(day))) day++;
    await changeDays(t.db, [{ date: isoDate(day), kind: 'holiday' }], { actorId: 'u-admin', reason: '临时调整', at: t.clock() });
    const corrected = createCalendar(await loadOverrides(t.db));
    // Running deadlines keep their end until an administrator asks.
    expect((await waitForStatus(h, () => true)).deadlines).toEqual(open.deadlines);
    await expectRefused(h.executeUpdate(recomputeDeadlines, { args: [{ actor: hr, reason: 'x' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(recomputeDeadlines, { args: [{ actor: admin, reason: ' ' }] }), 'InvalidRequest');

    const result = await h.executeUpdate(recomputeDeadlines, { args: [{ actor: admin, reason: '按更正后的日历重新计算' }] });
    const expected = open.deadlines.map((d) => ({ purpose: d.purpose, from: d.dueAt, to: corrected.addWorkingDays(opened, d.workingDays).dueAt }));
    expect(result).toEqual({ stage: 'evaluation', moved: expected });
    const after = await waitForStatus(h, () => true);
    expect(after.deadlines.map((d) => d.dueAt)).toEqual(expected.map((m) => m.to));
    const tasks = await t.db.task.findMany({ where: { workflowId: h.workflowId, closedAt: null, kind: { startsWith: 'evaluation-' } }, orderBy: { kind: 'asc' } });
    expect(Object.fromEntries(tasks.map((x) => [x.kind, x.dueAt?.toISOString()]))).toEqual(Object.fromEntries(expected.map((m) => [m.purpose, m.to])));
    const rows = await t.db.runningDeadline.findMany({ where: { workflowId: h.workflowId, endedAt: null, purpose: { startsWith: 'evaluation-' } } });
    expect(Object.fromEntries(rows.map((r) => [r.purpose, r.dueAt.toISOString()]))).toEqual(Object.fromEntries(expected.map((m) => [m.purpose, m.to])));
    expect(await t.db.auditEvent.findFirst({ where: { workflowId: h.workflowId, action: 'recompute-deadlines' } })).toMatchObject({ actorId: 'u-admin', detail: expect.objectContaining({ moved: expected }) });
    // Counted again on the same calendar, nothing moves and nothing is recorded.
    expect(await h.executeUpdate(recomputeDeadlines, { args: [{ actor: admin, reason: 'again' }] })).toEqual({ stage: 'evaluation', moved: [] });
    expect(await t.db.auditEvent.count({ where: { workflowId: h.workflowId, action: 'recompute-deadlines' } })).toBe(1);
    await saveHistory('assessment-recompute', h);
  });
});

async function waitForRow(workflowId: string) {
  const membershipId = workflowId.slice('assessment-'.length);
  for (let i = 0; i < 300; i++) {
    const row = await t.db.cycleResult.findUnique({ where: { membershipId_cycleIndex: { membershipId, cycleIndex: 1 } } });
    if (row?.grade) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never graded');
}

async function waitForReview(membershipId: string) {
  for (let i = 0; i < 300; i++) {
    const row = await t.db.exitReview.findFirst({ where: { membershipId } });
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no exit review');
}
