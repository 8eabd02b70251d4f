// Employer review and the employer's notice (DOMAIN §1.2), under time skipping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastPublishedYear } from '../../domain/calendar/published';
import { countingDay, dayNumber, startOfDay, yearOf } from '../../domain/calendar/shanghai';
import { decideAsEmployer, object, resolveObjection, resubmit, status } from '../../workflows/appraisal/messages';
import { actor, startAppraisalEnv, type AppraisalEnv } from '../support/appraisal-env';
import { saveHistory } from '../support/histories';
import { sleepUntil } from '../support/temporal-env';
import { actions, expectRefused, waitForStage, waitForStatus } from '../support/workflow-helpers';
import { testCalendar } from '../support/run-start';

let t: AppraisalEnv;
beforeAll(async () => {
  t = await startAppraisalEnv();
});
afterAll(async () => {
  await t?.stop();
});

const hr = actor('u-hr-zhangjiang');
const applicant = actor('u-li-ming');
/** The calendar the workflows count on in this run (the date matrix may add entries). */
const calendar = testCalendar();

describe('employer review', () => {
  it('rejection ends the case, with the reason on record and mailed', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await expectRefused(h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'reject' }] }), 'InvalidRequest');
    const stage = await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'reject', reason: '不符合单位推荐条件' }] });
    expect(stage).toBe('rejected');
    expect((await h.result()).stage).toBe('rejected');
    const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row.status).toBe('rejected');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'employer-reject' } });
    expect(audit.actorId).toBe('u-hr-zhangjiang');
    expect(audit.detail).toMatchObject({ note: '不符合单位推荐条件' });
    await t.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.text.includes('不符合单位推荐条件'));
  });

  it('refuses another organisation’s reviewer and the applicant, changing nothing', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await expectRefused(h.executeUpdate(decideAsEmployer, { args: [{ actor: actor('u-hr-hospital'), decision: 'approve' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(decideAsEmployer, { args: [{ actor: applicant, decision: 'approve' }] }), 'Forbidden');
    const s = await h.query(status);
    expect(s.stage).toBe('employer-review');
    expect(actions(s)).toEqual(['submit', 'open-employer-review']);
  });

  it('return for changes, then resubmission goes back to the employer', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    expect(await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'return', reason: '请补充专利证书' }] })).toBe('returned');
    const revised = { education: 'master' as const, achievements: [{ kind: 'patent' as const, title: '一种图像识别方法', year: 2024, evidence: ['patent.pdf', 'certificate.pdf'] }], currentTitle: { level: 'junior' as const, series: 'engineering', since: '2019-07-01' } };
    await expectRefused(h.executeUpdate(resubmit, { args: [{ actor: hr, submission: revised }] }), 'Forbidden');
    expect(await h.executeUpdate(resubmit, { args: [{ actor: applicant, submission: revised }] })).toBe('employer-review');
    const s = await h.query(status);
    expect(actions(s)).toEqual(['submit', 'open-employer-review', 'employer-return', 'resubmit']);
    expect(s.pendingTasks).toEqual([expect.objectContaining({ kind: 'employer-review', assigneeOrg: 'org-zhangjiang-tech' })]);
  });

  it('a return not resubmitted within the deadline is withdrawn (视为放弃)', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'return', reason: '材料不全' }] });
    const s = await h.query(status);
    expect(s.deadline?.purpose).toBe('resubmit');
    await sleepUntil(t.env, s.deadline!.dueAt);
    expect((await h.result()).stage).toBe('withdrawn');
    const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    // Reminders went out 3 and 1 working days before the deadline.
    const reminders = await t.db.auditEvent.findMany({ where: { workflowId: h.workflowId, action: { startsWith: 'remind-resubmit' } } });
    expect(reminders.map((r) => r.action).sort()).toEqual(['remind-resubmit-1', 'remind-resubmit-3']);
  });
});

describe('deadlines beyond the published calendar', () => {
  it('an overdue review escalates; a notice in a year without calendar data counts weekends only and records a warning', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    // Past the 10-working-day review deadline, and into the first year chinese-days has no calendar for.
    const review = (await h.query(status)).deadline!;
    const unpublished = startOfDay(dayNumber(`${lastPublishedYear + 1}-01-01`));
    await sleepUntil(t.env, Date.parse(review.dueAt) > Date.parse(unpublished) ? review.dueAt : unpublished);
    const overdue = await waitForStatus(h, (s) => actions(s).includes('escalate-employer-review'));
    expect(overdue.pendingTasks.map((p) => p.kind).sort()).toEqual(['employer-review', 'escalation-employer-review']);
    await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'approve' }] });
    const s = await h.query(status);
    // One warning per unpublished year the notice counts days in: the days after the approval's
    // up to its last day, as the workflow reports them (the skipped clock may cross a year end).
    const approvedAt = s.timeline.find((e) => e.action === 'employer-approve')!.at;
    const first = yearOf(countingDay(approvedAt) + 1);
    const last = yearOf(countingDay(s.deadline!.dueAt));
    const unpublishedYears = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => y > lastPublishedYear);
    expect(unpublishedYears.length).toBeGreaterThan(0);
    const warned = unpublishedYears.map((y) => expect.stringContaining(`${y}: no published`));
    expect(s.deadline!.warnings).toEqual(warned);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'employer-approve' } });
    expect(audit.detail).toMatchObject({ deadline: { purpose: 'employer-notice', warnings: warned } });
    // Both the review task and its escalation are closed by the decision.
    expect(await t.db.task.count({ where: { workflowId: h.workflowId, closedAt: null } })).toBe(0);
  });
});

describe('employer notice (公示)', () => {
  it('lasts 5 working days from the approval, counted on the mainland calendar', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'approve' }] });
    const s = await h.query(status);
    const approval = s.timeline.find((e) => e.action === 'employer-approve')!;
    expect(s.deadline).toMatchObject({ purpose: 'employer-notice', workingDays: 5, dueAt: calendar.addWorkingDays(approval.at, 5).dueAt });
    await sleepUntil(t.env, s.deadline!.dueAt);
    const after = await waitForStage(h, 'formal-review');
    const opened = after.timeline.find((e) => e.action === 'notice-closed')!;
    expect(new Date(opened.at).getTime()).toBeGreaterThanOrEqual(new Date(s.deadline!.dueAt).getTime());
  });

  it('a real-name objection pauses the notice; dismissed, it resumes for the paused working days', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'approve' }] });
    const before = await h.query(status);
    await expectRefused(h.executeUpdate(object, { args: [{ actor: actor('u-anna-chen'), reason: ' ' }] }), 'InvalidRequest');
    await h.executeUpdate(object, { args: [{ actor: actor('u-anna-chen'), reason: '论文涉嫌抄袭' }] });
    const paused = await h.query(status);
    expect(paused.objection).toMatchObject({ objectorId: 'u-anna-chen', reason: '论文涉嫌抄袭' });
    expect(paused.pendingTasks).toEqual([expect.objectContaining({ kind: 'objection', assigneeOrg: 'org-zhangjiang-tech' })]);
    const row = await t.db.objection.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row.outcome).toBeNull();

    // The notice's end passes while the objection is open: the case does not move on.
    await sleepUntil(t.env, before.deadline!.dueAt);
    expect((await h.query(status)).stage).toBe('employer-notice');
    await expectRefused(h.executeUpdate(resolveObjection, { args: [{ actor: actor('u-authority'), outcome: 'dismissed', reason: 'x' }] }), 'Forbidden');
    await h.executeUpdate(resolveObjection, { args: [{ actor: hr, outcome: 'dismissed', reason: '经核查不属实' }] });
    const resumed = await h.query(status);
    const lost = calendar.workingDaysBetween(paused.objection!.raisedAt, resumed.timeline.at(-1)!.at);
    expect(lost).toBeGreaterThan(0);
    expect(resumed.deadline).toMatchObject({ purpose: 'employer-notice', workingDays: 5 + lost, dueAt: calendar.addWorkingDays(before.deadline!.dueAt, lost).dueAt });
    expect((await t.db.objection.findFirstOrThrow({ where: { workflowId: h.workflowId } })).outcome).toBe('dismissed');
    await saveHistory('appraisal-objection', h);
  });

  it('an upheld objection ends the case', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'approve' }] });
    await h.executeUpdate(object, { args: [{ actor: actor('u-anna-chen'), reason: '业绩造假' }] });
    await expectRefused(h.executeUpdate(object, { args: [{ actor: actor('u-anna-chen'), reason: '再次异议' }] }), 'Conflict');
    expect(await h.executeUpdate(resolveObjection, { args: [{ actor: hr, outcome: 'upheld', reason: '经核查属实' }] })).toBe('rejected');
    expect((await h.result()).stage).toBe('rejected');
  });
});
