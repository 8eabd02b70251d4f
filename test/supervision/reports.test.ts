// 日常监管 (DOMAIN §5): reports act on the talent's running memberships by policy, through the
// membership's workflow — a transfer, a pause until the return, an exit review, a close — and an
// overturned report is undone where it can be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySupervisionReport, evaluate, status, submitSelfReport } from '../../workflows/assessment/messages';
import { justBefore } from '../../workflows/shared/clock';
import { addMonthsToDay } from '../../domain/supervision/effects';
import { saveHistory } from '../support/histories';
import { expectRefused } from '../support/workflow-helpers';
import { testCalendar } from '../support/run-start';
import { openWindow, selfReportOf, uniform, waitForStatus } from '../assessment/support/drive';
import { authority, hr, startAssessmentEnv, talent, type AssessmentEnv } from '../assessment/support/env';
import { reporting } from './support';

let t: AssessmentEnv;
let s: ReturnType<typeof reporting>;
beforeAll(async () => {
  t = await startAssessmentEnv();
  s = reporting(t);
});
afterAll(async () => {
  await t?.stop();
});

const calendar = testCalendar();
const HOUR = 3600_000;
const hospitalHr = { id: 'u-hr-hospital', roles: ['employer' as const], organisationId: 'org-district-hospital' };
const membershipOf = (workflowId: string) => workflowId.slice('assessment-'.length);

describe('an in-district move', () => {
  it('transfers the membership: the pending employer evaluation goes to the new employer, the old one can no longer evaluate', async () => {
    const [id] = await t.talents(1, 'u-sup-move');
    const h = await t.admit({ talentId: id!, intake: 'sup-move' });
    await openWindow(t, h, 1);
    await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] });
    const before = await waitForStatus(h, (x) => x.stage === 'evaluation');
    await t.syncClock();
    const task = before.pendingTasks.find((x) => x.kind === 'evaluation-employer')!;
    expect(task.assigneeOrg).toBe('org-zhangjiang-tech');

    const r = await s.report(talent(id!), { talentId: id!, kind: 'employer-move', occurredOn: s.today(), statement: '调入区中心医院', facts: { newEmployerId: 'org-district-hospital' } });
    const { effects } = await s.applied(r.id);
    expect(effects).toEqual([expect.objectContaining({ membershipId: membershipOf(h.workflowId), result: { effect: 'transfer', from: 'org-zhangjiang-tech', to: 'org-district-hospital', moved: ['evaluation-employer'] } })]);

    const after = await h.query(status);
    const moved = after.pendingTasks.find((x) => x.kind === 'evaluation-employer')!;
    expect(moved).toMatchObject({ assigneeOrg: 'org-district-hospital', dueAt: task.dueAt });
    const rows = await t.db.task.findMany({ where: { workflowId: h.workflowId, kind: 'evaluation-employer' }, orderBy: { openedAt: 'asc' } });
    expect(rows.map((x) => [x.assigneeOrg, x.closedAt !== null])).toEqual([['org-zhangjiang-tech', true], ['org-district-hospital', false]]);
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } })).employerId).toBe('org-district-hospital');
    // The talent was told what was reported and until when they may contest.
    const [mail] = await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('日常监管报告告知'));
    expect(mail!.text).toContain('本人报告了您的情况：调动至其他单位');

    await expectRefused(h.executeUpdate(evaluate, { args: [{ actor: hr, as: 'employer', scores: uniform(80), opinion: '原单位评价' }] }), 'Forbidden');
    expect(await h.executeUpdate(evaluate, { args: [{ actor: hospitalHr, as: 'employer', scores: uniform(80), opinion: '新单位评价' }] })).toBe('evaluation');
    // The membership refuses the same report a second time.
    await expectRefused(h.executeUpdate(applySupervisionReport, { args: [{ reportId: r.id, kind: 'employer-move', reporterId: id!, statement: 'again', facts: { newEmployerId: 'org-district-hospital' } }] }), 'Conflict');
    await saveHistory('assessment-supervised', h);
  });
});

describe('a change of post', () => {
  it('records the post; a new series redraws the pending expert evaluation; an ineligible post opens an exit review', async () => {
    const [id] = await t.talents(1, 'u-sup-post');
    const h = await t.admit({ talentId: id!, intake: 'sup-post' });
    await openWindow(t, h, 1);
    await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id!)] });
    const before = await waitForStatus(h, (x) => x.stage === 'evaluation');
    expect(before.expertId).toMatch(/^x-engineering-/);
    await t.syncClock();
    const r = await s.report(hr, { talentId: id!, kind: 'post-change', occurredOn: s.today(), statement: '转岗至财务管理', facts: { post: '财务总监', eligible: true, series: 'economics' } });
    const result = (await s.applied(r.id)).effects[0]!.result;
    expect(result).toEqual({ effect: 'post', post: '财务总监', series: 'economics', moved: ['evaluation-expert'] });
    const after = await h.query(status);
    expect(after.expertId).toMatch(/^x-economics-/);
    expect(after.pendingTasks.find((x) => x.kind === 'evaluation-expert')).toMatchObject({ assigneeId: after.expertId, dueAt: before.pendingTasks.find((x) => x.kind === 'evaluation-expert')!.dueAt });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } })).series).toBe('economics');

    const ineligible = await s.report(hr, { talentId: id!, kind: 'post-change', occurredOn: s.today(), statement: '调至后勤岗位', facts: { post: '后勤', eligible: false } });
    expect((await s.applied(ineligible.id)).effects[0]!.result).toMatchObject({ effect: 'exit-review', trigger: 'ineligible-move', n: 1 });
  });
});

describe('a long absence', () => {
  it('pauses the membership until the employer reports the return; the deadlines move by the working days paused', async () => {
    const [id] = await t.talents(1, 'u-sup-absence');
    const h = await t.admit({ talentId: id!, intake: 'sup-absence' });
    const opened = await openWindow(t, h, 1);
    const before = opened.deadlines.find((d) => d.purpose === 'self-report')!;
    await t.syncClock();
    const short = await s.report(hr, { talentId: id!, kind: 'long-absence', occurredOn: s.today(), statement: '病假一个月', facts: { from: s.today(), expectedUntil: addMonthsToDay(s.today(), 1) } });
    expect((await s.applied(short.id)).effects[0]!.result).toEqual({ effect: 'none', why: 'short-absence' });

    const r = await s.report(hr, { talentId: id!, kind: 'long-absence', occurredOn: s.today(), statement: '借调外省四个月', facts: { from: s.today(), expectedUntil: addMonthsToDay(s.today(), 4) } });
    expect((await s.applied(r.id)).effects[0]!.result).toEqual({ effect: 'pause' });
    const paused = await waitForStatus(h, (x) => !!x.paused);
    expect(paused.paused).toMatchObject({ reportId: r.id });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } })).status).toBe('paused');

    await t.sleepUntil(before.dueAt, 5 * 24 * HOUR);
    await t.syncClock();
    const back = await s.report(hr, { talentId: id!, kind: 'absence-return', occurredOn: s.today(), statement: '已返岗' });
    const result = (await s.applied(back.id)).effects[0]!.result;
    expect(result.effect).toBe('resume');
    const resumed = await waitForStatus(h, (x) => !x.paused);
    const resumedAt = resumed.timeline.find((e) => e.action === 'resume')!.at;
    const pausedDays = calendar.workingDaysBetween(paused.paused!.since, resumedAt);
    expect(result).toEqual({ effect: 'resume', pausedWorkingDays: pausedDays });
    expect(pausedDays).toBeGreaterThan(10);
    const after = resumed.deadlines.find((d) => d.purpose === 'self-report')!;
    expect(after).toMatchObject({ workingDays: before.workingDays + pausedDays, dueAt: calendar.addWorkingDays(justBefore(before.dueAt), pausedDays).dueAt });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } })).status).toBe('active');
  });

  it('contested and overturned, the pause it caused resumes', async () => {
    const [id] = await t.talents(1, 'u-sup-overturn');
    const h = await t.admit({ talentId: id!, intake: 'sup-overturn' });
    await openWindow(t, h, 1);
    await t.syncClock();
    const r = await s.report(hr, { talentId: id!, kind: 'long-absence', occurredOn: s.today(), statement: '长期离岗', facts: { from: s.today(), expectedUntil: addMonthsToDay(s.today(), 6) } });
    await s.applied(r.id);
    await waitForStatus(h, (x) => !!x.paused);
    await expect(s.service.contest(hr, r.id, () => ({ grounds: '不是本人' }))).rejects.toMatchObject({ status: 403 });

    expect((await s.service.contest(talent(id!), r.id, () => ({ grounds: '本人在岗，考勤记录为证' }))).stage).toBe('contested');
    expect((await t.db.supervisionReport.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('contested');
    expect((await s.service.resolve(authority, r.id, () => ({ resolution: 'overturned', reason: '考勤记录显示在岗' }))).stage).toBe('overturned');
    await waitForStatus(h, (x) => !x.paused);
    const row = await t.db.supervisionReport.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: 'overturned', resolution: 'overturned', resolutionReason: '考勤记录显示在岗', contestGrounds: '本人在岗，考勤记录为证' });
    expect((row.effects as { undone?: { how: string } }[])[0]!.undone?.how).toBe('resumed');
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } })).status).toBe('active');
  });
});

describe('an integrity violation', () => {
  it('opens an exit review mid-cycle with the trigger and the report recorded; overturned, the review is cancelled', async () => {
    const [id] = await t.talents(1, 'u-sup-integrity');
    const h = await t.admit({ talentId: id!, intake: 'sup-integrity' });
    await openWindow(t, h, 1);
    await t.syncClock();
    const r = await s.report(authority, { talentId: id!, kind: 'integrity-violation', occurredOn: s.today(), statement: '论文数据造假', facts: { finding: '经核查，2025 年论文数据造假' } });
    const { effects } = await s.applied(r.id);
    const membershipId = membershipOf(h.workflowId);
    expect(effects[0]!.result).toEqual({ effect: 'exit-review', trigger: 'integrity-violation', n: 1, exitWorkflowId: `exit-${membershipId}-1` });
    expect((await h.query(status)).exitReview).toEqual({ n: 1, workflowId: `exit-${membershipId}-1`, trigger: 'integrity-violation', reportId: r.id });
    const review = await s.until('the exit review row', () => t.db.exitReview.findUnique({ where: { id: `${membershipId}-1` } }));
    expect(review.trigger).toBe('integrity-violation');
    const opened = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'open-exit-review' } });
    expect(opened.detail).toMatchObject({ trigger: 'integrity-violation', reportId: r.id, note: '论文数据造假' });

    await s.service.contest(talent(id!), r.id, () => ({ grounds: '数据系合作方提供，已有更正说明' }));
    await s.service.resolve(authority, r.id, () => ({ resolution: 'overturned', reason: '经复核，不构成造假' }));
    await s.until('the review cancelled', async () => (await t.db.exitReview.findUniqueOrThrow({ where: { id: `${membershipId}-1` } })).status === 'cancelled');
    await waitForStatus(h, (x) => !x.exitReview);
    const row = await t.db.supervisionReport.findUniqueOrThrow({ where: { id: r.id } });
    expect((row.effects as { undone?: { how: string } }[])[0]!.undone?.how).toBe('review-cancelled');
  });

  it('leaving the district opens an exit review (left-district)', async () => {
    const [id] = await t.talents(1, 'u-sup-left');
    const h = await t.admit({ talentId: id!, intake: 'sup-left' });
    await openWindow(t, h, 1);
    await t.syncClock();
    const r = await s.report(hr, { talentId: id!, kind: 'left-employer', occurredOn: s.today(), statement: '调往浦东新区', facts: { destination: 'in-district', newEmployerId: 'org-pudong-labs' } });
    expect((await s.applied(r.id)).effects[0]!.result).toMatchObject({ effect: 'exit-review', trigger: 'left-district' });
  });
});

describe('a death', () => {
  it('closes the membership without review: stage and status closed, outcome death, every task closed', async () => {
    const [id] = await t.talents(1, 'u-sup-death');
    const h = await t.admit({ talentId: id!, intake: 'sup-death' });
    await openWindow(t, h, 1);
    await t.syncClock();
    const r = await s.report(hr, { talentId: id!, kind: 'death', occurredOn: s.today(), statement: '因病去世' });
    expect((await s.applied(r.id)).effects[0]!.result).toEqual({ effect: 'closed' });
    expect((await h.result()).stage).toBe('closed');
    const row = await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h.workflowId) } });
    expect(row).toMatchObject({ stage: 'closed', status: 'closed', outcome: 'death' });
    expect(row.endedAt).not.toBeNull();
    expect(await t.db.task.count({ where: { workflowId: h.workflowId, closedAt: null } })).toBe(0);
  });
});
