// Exit review (考评退出, DOMAIN §4): triggers, the statement of defence and the opinions, the drawn
// committee's vote on the motion "exit", the improvement plan, one appeal heard by a fresh
// committee, and what each outcome does to the membership.
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { lastDayOf, writeDate } from '../../domain/words/dates';
import { sayPhrase } from '../../domain/words/say';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdmissionRefused } from '../../records/admission';
import { evaluate, requestExitReview, status as assessmentStatus, submitSelfReport } from '../../workflows/assessment/messages';
import { appeal, decide, dismiss, draftPlan, fileDefence, fileOpinion, reviewPlan, status } from '../../workflows/exit/messages';
import type { ExitReviewStatus } from '../../domain/exit/types';
import { TlOrganisation, TlProcess, TlStage } from '../../domain/search-attributes';
import { saveHistory } from '../support/histories';
import { expectRefused } from '../support/workflow-helpers';
import { cycleStarted, evaluateAll, openWindow, runCycle, selfReportOf, uniform, waitForStatus } from '../assessment/support/drive';
import { admin, authority, hr, industry, startAssessmentEnv, talent, type AssessmentEnv } from '../assessment/support/env';
import { meetingOf, runMeeting } from '../support/committee-driver';
import { exitWorkflowId } from '../../domain/ids';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
  // The memberships here run for years of skipped server time: the experts serve throughout,
  // or a late committee would find the pool's terms ended (seeded terms run 3 years).
  await t.db.expert.updateMany({ data: { termEndsOn: new Date('2100-01-01T00:00:00Z') } });
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 24 * 3600_000;
const membershipOf = (h: WorkflowHandle) => h.workflowId.slice('assessment-'.length);

async function waitForReview(h: WorkflowHandle, ready: (s: ExitReviewStatus) => boolean): Promise<ExitReviewStatus> {
  const until = performance.now() + 30_000;
  let last: ExitReviewStatus | undefined;
  while (performance.now() < until) {
    last = await h.query(status).catch(() => undefined);
    if (last && ready(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the review never got ready; last: ${JSON.stringify(last && { stage: last.stage, timeline: last.timeline.map((e) => e.action) })}`);
}

/** A member graded 不合格 in its first cycle: the review `exit-<membershipId>-1` has opened. */
async function failedMember(programmeId = 'youth-innovator') {
  const [id] = await t.talents(1);
  const h = await t.admit({ talentId: id!, programmeId, intake: `exit-${id}` });
  await runCycle(t, h, id!, 1, 50);
  const review = t.env.client.workflow.getHandle(exitWorkflowId(membershipOf(h), 1));
  await waitForReview(review, (s) => s.stage === 'defence');
  return { id: id!, h, review };
}

describe('不合格 → exit review → committee → exit', () => {
  it('hears the talent, the employer and the industry body; the committee carries "exit"; the membership ends, re-entry is barred', async () => {
    const { id, h, review } = await failedMember();
    const reviewId = `${membershipOf(h)}-1`;
    const opened = await review.query(status);
    expect(opened).toMatchObject({ trigger: { kind: 'grade-fail', actorId: 'system', cycle: 1 }, deadlines: [expect.objectContaining({ purpose: 'defence', workingDays: 10 })], opinions: [], meetings: [] });
    // The talent, the employer and the industry body each have a task with the defence window's deadline.
    const defenceDue = opened.deadlines.find((d) => d.purpose === 'defence')!.dueAt;
    expect(opened.pendingTasks.map((x) => [x.kind, x.dueAt])).toEqual([['defence', defenceDue], ['exit-opinion-employer', defenceDue], ['exit-opinion-industry', defenceDue]]);
    const [notice] = await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('考评退出程序启动告知'));
    // Why (the rule, in words), what the talent may do, by when (the window's last day, in Shanghai), where.
    expect(notice!.subject).toBe('考评退出程序启动告知（青年创新英才）');
    expect(notice!.text).toContain('因考核不合格（第1个考核周期考核不合格），您在人才计划“青年创新英才”中的资格进入考评退出程序。');
    expect(notice!.text).toContain(`办理期限：${writeDate('zh-CN', lastDayOf(defenceDue))}（含当日，共10个工作日）`);
    expect(notice!.text).toContain(`/api/memberships/${membershipOf(h)}`);
    // The membership goes on meanwhile: its next cycle is running, the review is on its status.
    expect((await cycleStarted(t, h, 2)).exitReview).toMatchObject({ n: 1, trigger: 'grade-fail' });

    // The authority no longer decides alone.
    expect(await expectRefused(review.executeUpdate(decide, { args: [{ actor: authority, decision: 'exit', reason: 'x' }] }), 'Conflict')).toContain('a drawn committee decides');
    await expectRefused(review.executeUpdate(fileDefence, { args: [{ actor: hr, statement: 'x', evidence: [] }] }), 'Forbidden');
    const otherEmployer = { id: 'u-hr-other', roles: ['employer' as const], organisationId: 'org-sh-academy' };
    await expectRefused(review.executeUpdate(fileOpinion, { args: [{ actor: otherEmployer, as: 'employer', opinion: '同意退出' }] }), 'Forbidden');
    await expectRefused(review.executeUpdate(fileOpinion, { args: [{ actor: hr, as: 'industry', opinion: '同意退出' }] }), 'Forbidden');
    expect(await review.executeUpdate(fileDefence, { args: [{ actor: talent(id), statement: '因承担重大专项任务，年度目标调整，附说明', evidence: ['说明.pdf'] }] })).toBe('defence');
    await expectRefused(review.executeUpdate(fileDefence, { args: [{ actor: talent(id), statement: '再次', evidence: [] }] }), 'Conflict');
    expect(await review.executeUpdate(fileOpinion, { args: [{ actor: hr, as: 'employer', opinion: '该同志年度任务未完成，同意退出' }] })).toBe('defence');
    await expectRefused(review.executeUpdate(fileOpinion, { args: [{ actor: hr, as: 'employer', opinion: '再次' }] }), 'Conflict');
    await review.executeUpdate(fileOpinion, { args: [{ actor: industry, as: 'industry', opinion: '行业评价偏低' }] });

    // All three are in: the committee meets without waiting for the window's end.
    const atCommittee = await waitForReview(review, (s) => s.stage === 'committee');
    expect(atCommittee.timeline.map((e) => e.action)).toEqual(['open-exit-review', 'file-defence', 'file-opinion-employer', 'file-opinion-industry', 'hearing-complete']);
    expect(atCommittee.opinions!.map((o) => [o.as, o.opinion])).toEqual([['employer', '该同志年度任务未完成，同意退出'], ['industry', '行业评价偏低']]);
    expect(await expectRefused(review.executeUpdate(dismiss, { args: [{ actor: authority, reason: '线索不实' }] }), 'Conflict')).toContain('before the committee meets');

    // An exit committee of the membership's series, convened on enrolment; its experts vote.
    const meetingId = await meetingOf(t.db, reviewId);
    expect(await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ kind: 'exit', series: 'engineering', size: 5 });
    const tally = await runMeeting(t.env.client, t.db, reviewId, ['yes', 'yes', 'yes', 'yes', 'no']);
    expect(tally.cases[0]!.tally).toMatchObject({ members: 5, present: 5, yes: 4, no: 1, passed: true });
    // Nobody employed by the talent's employer sits.
    const seats = await t.db.committeeSeat.findMany({ where: { meetingId } });
    const orgs = await t.db.expert.findMany({ where: { id: { in: seats.filter((x) => x.status === 'seated').map((x) => x.expertId) } } });
    expect(orgs.map((x) => x.organisationId)).not.toContain('org-zhangjiang-tech');

    const decided = await waitForReview(review, (s) => s.stage === 'decided');
    expect(decided.decision).toMatchObject({ decision: 'exit', actorId: 'committee', round: 1, reason: expect.stringContaining('赞成4人') });
    await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('考评退出评议结果'));

    // No appeal within the window: the exit is final.
    const appealBy = decided.deadlines.find((d) => d.purpose === 'appeal-window')!;
    await t.sleepUntil(appealBy.dueAt, DAY);
    const final = await waitForReview(review, (s) => s.stage === 'exited');
    expect(final.decision).toMatchObject({ decision: 'exit', round: 1 });
    // The assessment workflow has ended too. (describe, not result: awaiting a result lets the
    // time-skipping server race ahead, past the bar this test is about.)
    await waitForStatus(h, (x) => x.stage === 'exited');
    expect((await h.describe()).status.name).toBe('COMPLETED');
    const m = await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h) } });
    expect(m).toMatchObject({ status: 'exited', stage: 'exited', outcome: 'exit' });
    // Both workflows published what they are and where they ended, for the workflow search.
    const published = async (w: WorkflowHandle) => {
      const a = (await w.describe()).typedSearchAttributes;
      return { process: a.get(TlProcess), stage: a.get(TlStage), organisation: a.get(TlOrganisation) };
    };
    expect(await published(review)).toEqual({ process: 'exit', stage: 'exited', organisation: m.employerId });
    expect(await published(h)).toEqual({ process: 'assessment', stage: 'exited', organisation: m.employerId });
    const exitedAt = (await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: review.workflowId, action: 'exit' } })).at;
    const bar = new Date(exitedAt);
    bar.setUTCFullYear(bar.getUTCFullYear() + 3);
    expect(m.reentryBarUntil).toEqual(bar);
    expect(await t.db.task.count({ where: { workflowId: { in: [h.workflowId, review.workflowId] }, closedAt: null } })).toBe(0);
    expect(await t.db.exitReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: 'exited', stage: 'exited', trigger: 'grade-fail' });

    // A new admission, to this or any programme, is refused while the bar runs, and taken after it.
    const again = (at: Date) => t.admit({ talentId: id, programmeId: 'leading-talent', intake: `again-${at.getTime()}`, at });
    const refused = await again(new Date(bar.getTime() - DAY)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdmissionRefused);
    // The bar's end is the Shanghai date of its instant; the programme goes by its name.
    const until = shanghaiDate(bar.toISOString());
    expect(refused).toMatchObject({ status: 409, message: `re-entry barred until ${writeDate('en', until)} after the exit from "Young innovators"` });
    expect(sayPhrase('zh-CN', (refused as AdmissionRefused).phrase)).toBe(`退出人才计划“青年创新英才”后，至${writeDate('zh-CN', until)}前不得再次入选`);
    await expect(again(new Date(bar.getTime() + DAY))).resolves.toBeDefined();
    await saveHistory('exit-committee-exit', review);
  });

  it('an integrity record bars admission too (DOMAIN §5)', async () => {
    const [id] = await t.talents(1);
    await t.db.integrityRecord.create({ data: { userId: id!, kind: 'title-fraud', reason: '论文抄袭', sourceRef: 'cert-x', recordedAt: new Date(await t.now()), barUntil: new Date((await t.now()) + 1000 * DAY) } });
    // The refusal names the record: kind, date, finding (no certificate of this system behind it).
    await expect(t.admit({ talentId: id!, intake: 'integrity' })).rejects.toMatchObject({
      status: 409,
      phrase: { key: 'eligibility.integrity-bar-plain', params: expect.objectContaining({ kind: 'title-fraud', finding: '论文抄袭' }) },
      message: expect.stringMatching(/^an integrity record bars applications until \d{1,2} [A-Z][a-z]{2} \d{4}: a title obtained by fraud \(recorded on .+\); finding: 论文抄袭$/),
    });
  });
});

describe('defence window missed, not carried, an improvement plan, one appeal to a fresh committee', () => {
  it('retains with the plan the employer drafted and the authority approved; the appeal draws none of the first committee', async () => {
    const { id, h, review } = await failedMember('leading-talent');
    const reviewId = `${membershipOf(h)}-1`;
    const opened = (await review.query(status)).deadlines[0]!;
    // Just past the window: a day more would run past the committee's check-in deadline too.
    await t.sleepUntil(opened.dueAt, 60_000);
    const committee = await waitForReview(review, (s) => s.stage === 'committee');
    expect(committee.timeline.map((e) => e.action)).toEqual(['open-exit-review', 'remind-defence-3', 'remind-defence-1', 'defence-window-closed']);
    expect(committee.defence).toBeUndefined();
    await expectRefused(review.executeUpdate(fileDefence, { args: [{ actor: talent(id), statement: '迟交', evidence: [] }] }), 'Conflict');

    // Not carried: two yes of five present is short of 2/3.
    const first = await runMeeting(t.env.client, t.db, reviewId, ['yes', 'yes', 'no', 'no', 'no']);
    expect(first.cases[0]!.tally).toMatchObject({ yes: 2, passed: false });
    const planStage = await waitForReview(review, (s) => s.stage === 'improvement-plan');
    expect(planStage.pendingTasks).toEqual([expect.objectContaining({ kind: 'exit-plan-draft', assigneeRole: 'employer', assigneeOrg: 'org-zhangjiang-tech' })]);

    const otherEmployer = { id: 'u-hr-other', roles: ['employer' as const], organisationId: 'org-sh-academy' };
    await expectRefused(review.executeUpdate(draftPlan, { args: [{ actor: otherEmployer, plan: '整改' }] }), 'Forbidden');
    await expectRefused(review.executeUpdate(reviewPlan, { args: [{ actor: authority, verdict: 'approve' }] }), 'Conflict');
    await expectRefused(review.executeUpdate(draftPlan, { args: [{ actor: hr, plan: ' ' }] }), 'InvalidRequest');
    expect(await review.executeUpdate(draftPlan, { args: [{ actor: hr, plan: '三个月内提交整改报告' }] })).toBe('improvement-plan');
    await expectRefused(review.executeUpdate(draftPlan, { args: [{ actor: hr, plan: '再次' }] }), 'Conflict');
    await expectRefused(review.executeUpdate(reviewPlan, { args: [{ actor: hr, verdict: 'approve' }] }), 'Forbidden');
    await expectRefused(review.executeUpdate(reviewPlan, { args: [{ actor: authority, verdict: 'send-back' }] }), 'InvalidRequest');
    expect(await review.executeUpdate(reviewPlan, { args: [{ actor: authority, verdict: 'send-back', note: '目标须可考核' }] })).toBe('improvement-plan');
    expect((await review.query(status)).planDraft).toMatchObject({ plan: '三个月内提交整改报告', sentBack: '目标须可考核' });
    const plan = '六个月内完成关键技术攻关并提交阶段报告';
    await review.executeUpdate(draftPlan, { args: [{ actor: hr, plan }] });
    expect(await review.executeUpdate(reviewPlan, { args: [{ actor: authority, verdict: 'approve' }] })).toBe('decided');
    const decided = await review.query(status);
    expect(decided.decision).toMatchObject({ decision: 'retain', improvementPlan: plan, actorId: 'committee', round: 1 });
    expect(decided.timeline.map((e) => e.action).slice(4)).toEqual(['committee-not-carried', 'draft-plan', 'send-back-plan', 'draft-plan', 'decide-retain']);

    // The appeal: a second committee, none of whose experts held a seat (any status) in the first.
    expect(await review.executeUpdate(appeal, { args: [{ actor: talent(id), reason: '不应限期整改' }] })).toBe('appeal-review');
    const second = await runMeeting(t.env.client, t.db, reviewId, ['no', 'no', 'no', 'no', 'no'], 2);
    const [m1, m2] = [await meetingOf(t.db, reviewId, 1), await meetingOf(t.db, reviewId, 2)];
    expect(second.meetingId).toBe(m2);
    const seatsOf = async (meetingId: string) => (await t.db.committeeSeat.findMany({ where: { meetingId } })).map((x) => x.expertId);
    const [firstSeats, secondSeats] = [await seatsOf(m1), await seatsOf(m2)];
    expect(firstSeats.length).toBeGreaterThanOrEqual(5);
    expect(secondSeats.length).toBeGreaterThanOrEqual(5);
    expect(secondSeats.filter((x) => firstSeats.includes(x))).toEqual([]);

    // Not carried again: the plan is drafted anew and approved; the decision is final.
    await waitForReview(review, (s) => s.stage === 'improvement-plan');
    await review.executeUpdate(draftPlan, { args: [{ actor: hr, plan }] });
    expect(await review.executeUpdate(reviewPlan, { args: [{ actor: authority, verdict: 'approve' }] })).toBe('retained');
    expect(await review.result()).toMatchObject({ stage: 'retained', decision: { decision: 'retain', improvementPlan: plan, round: 2 } });
    expect(await t.db.exitReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: 'retained', improvementPlan: plan });

    // The membership carries the plan into its next cycle; the employer must check it there.
    const next = await waitForStatus(h, (s) => s.followUp !== undefined);
    expect(next).toMatchObject({ followUp: { reviewN: 1, plan, cycle: 2 } });
    expect(next.exitReview).toBeUndefined();
    await openWindow(t, h, 2);
    await h.executeUpdate(submitSelfReport, { args: [selfReportOf(id)] });
    await expectRefused(h.executeUpdate(evaluate, { args: [{ actor: hr, as: 'employer', scores: uniform(80), opinion: '已整改' }] }), 'InvalidRequest');
    await evaluateAll(h, { employer: uniform(80), industry: uniform(80), expert: uniform(80) }, { followUp: { met: true, note: '阶段报告已提交' } });
    const graded = await cycleStarted(t, h, 3);
    expect(graded.followUp).toBeUndefined();
    expect(graded.past.map((p) => p.grade)).toEqual(['fail', 'pass']);
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: membershipOf(h) } })).toMatchObject({ status: 'active' });
    await saveHistory('exit-committee-retain-appeal', review);
  });
});

describe('other triggers', () => {
  it('an administrator opens a review for an integrity violation; one review at a time; the authority dismisses it before the committee meets, the membership goes on', async () => {
    const [id] = await t.talents(1);
    // At once after admission, before the membership has pinned its policy: the request waits for it.
    const h = await t.admit({ talentId: id!, intake: `trigger-${id}` });
    const request = { actor: admin, trigger: 'integrity-violation' as const, reason: '科研诚信问题线索' };
    await expectRefused(h.executeUpdate(requestExitReview, { args: [{ ...request, actor: hr }] }), 'Forbidden');
    const { exitWorkflowId: wf } = await h.executeUpdate(requestExitReview, { args: [request] });
    expect(wf).toBe(exitWorkflowId(membershipOf(h), 1));
    await expectRefused(h.executeUpdate(requestExitReview, { args: [{ actor: hr, trigger: 'left-employer', reason: '已离职' }] }), 'Conflict');
    const review = t.env.client.workflow.getHandle(wf);
    expect((await waitForReview(review, (s) => s.stage === 'defence')).trigger).toMatchObject({ kind: 'integrity-violation', actorId: 'u-admin' });
    await review.executeUpdate(fileDefence, { args: [{ actor: talent(id!), statement: '线索经核实不成立', evidence: ['核查报告.pdf'] }] });
    await expectRefused(review.executeUpdate(dismiss, { args: [{ actor: hr, reason: '线索不实' }] }), 'Forbidden');
    await expectRefused(review.executeUpdate(dismiss, { args: [{ actor: authority, reason: ' ' }] }), 'InvalidRequest');
    expect(await review.executeUpdate(dismiss, { args: [{ actor: authority, reason: '线索不实' }] })).toBe('dismissed');
    expect(await review.result()).toMatchObject({ stage: 'dismissed', decision: { decision: 'dismiss', reason: '线索不实', actorId: 'u-authority' } });
    // No committee met: nothing was enrolled, no task is left open.
    expect(await t.db.meetingCase.count({ where: { caseId: `${membershipOf(h)}-1` } })).toBe(0);
    expect(await t.db.task.count({ where: { workflowId: wf, closedAt: null } })).toBe(0);
    await saveHistory('exit-committee-dismissed', review);
    const s = await waitForStatus(h, (x) => x.exitReview === undefined);
    expect(s.timeline.map((e) => e.action)).toContain('exit-review-dismiss');
    // The employer may report that the talent left: a second review opens.
    const second = await h.executeUpdate(requestExitReview, { args: [{ actor: hr, trigger: 'left-employer', reason: '已离职' }] });
    expect(second.exitWorkflowId).toBe(exitWorkflowId(membershipOf(h), 2));
    expect((await h.query(assessmentStatus)).exitReview).toMatchObject({ n: 2, trigger: 'left-employer' });
    await saveHistory('assessment-exit-requested', h);
  });
});
