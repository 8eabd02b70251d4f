// Exit review (考评退出, DOMAIN §4): triggers, the statement of defence, the committee's decision,
// one appeal, and what each outcome does to the membership.
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { lastDayOf, writeDate } from '../../domain/words/dates';
import { sayPhrase } from '../../domain/words/say';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdmissionRefused } from '../../records/admission';
import { evaluate, requestExitReview, status as assessmentStatus, submitSelfReport } from '../../workflows/assessment/messages';
import { appeal, decide, fileDefence, status } from '../../workflows/exit/messages';
import type { ExitReviewStatus } from '../../domain/exit/types';
import { TlOrganisation, TlProcess, TlStage } from '../../domain/search-attributes';
import { saveHistory } from '../support/histories';
import { expectRefused } from '../support/workflow-helpers';
import { cycleStarted, evaluateAll, openWindow, runCycle, selfReportOf, uniform, waitForStatus } from '../assessment/support/drive';
import { admin, authority, hr, startAssessmentEnv, talent, type AssessmentEnv } from '../assessment/support/env';
import { exitWorkflowId } from '../../domain/ids';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
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

describe('不合格 → exit review → exit', () => {
  it('notifies the talent, takes a defence, decides exit; the membership ends, its process closes, re-entry is barred', async () => {
    const { id, h, review } = await failedMember();
    const opened = await review.query(status);
    expect(opened).toMatchObject({ trigger: { kind: 'grade-fail', actorId: 'system', cycle: 1 }, deadlines: [expect.objectContaining({ purpose: 'defence', workingDays: 10 })] });
    const [notice] = await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('考评退出程序启动告知'));
    // Why (the rule, in words), what the talent may do, by when (the window's last day, in Shanghai), where.
    const defenceDue = opened.deadlines.find((d) => d.purpose === 'defence')!.dueAt;
    expect(notice!.subject).toBe('考评退出程序启动告知（青年创新英才）');
    expect(notice!.text).toContain('因考核不合格（第1个考核周期考核不合格），您在人才计划“青年创新英才”中的资格进入考评退出程序。');
    expect(notice!.text).toContain(`办理期限：${writeDate('zh-CN', lastDayOf(defenceDue))}（含当日，共10个工作日）`);
    expect(notice!.text).toContain(`/api/memberships/${membershipOf(h)}`);
    // The membership goes on meanwhile: its next cycle is running, the review is on its status.
    expect((await cycleStarted(t, h, 2)).exitReview).toMatchObject({ n: 1, trigger: 'grade-fail' });

    await expectRefused(review.executeUpdate(fileDefence, { args: [{ actor: hr, statement: 'x', evidence: [] }] }), 'Forbidden');
    await expectRefused(review.executeUpdate(decide, { args: [{ actor: authority, decision: 'exit', reason: 'x' }] }), 'Conflict');
    expect(await review.executeUpdate(fileDefence, { args: [{ actor: talent(id), statement: '因承担重大专项任务，年度目标调整，附说明', evidence: ['说明.pdf'] }] })).toBe('committee');
    await expectRefused(review.executeUpdate(fileDefence, { args: [{ actor: talent(id), statement: '再次', evidence: [] }] }), 'Conflict');
    await expectRefused(review.executeUpdate(decide, { args: [{ actor: admin, decision: 'exit', reason: 'x' }] }), 'Forbidden');
    expect(await review.executeUpdate(decide, { args: [{ actor: authority, decision: 'exit', reason: '考核不合格，申辩理由不成立' }] })).toBe('decided');
    await t.smtp.waitFor((m) => m.to.includes(`${id}@talent.test`) && m.subject.includes('考评退出评议结果'));

    // No appeal within the window: the exit is final.
    const appealBy = (await review.query(status)).deadlines.find((d) => d.purpose === 'appeal-window')!;
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
    expect(await t.db.exitReview.findUniqueOrThrow({ where: { id: `${membershipOf(h)}-1` } })).toMatchObject({ status: 'exited', stage: 'exited', trigger: 'grade-fail' });

    // A new admission, to this or any programme, is refused while the bar runs, and taken after it.
    const again = (at: Date) => t.admit({ talentId: id, programmeId: 'leading-talent', intake: `again-${at.getTime()}`, at });
    const refused = await again(new Date(bar.getTime() - DAY)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdmissionRefused);
    // The bar's end is the Shanghai date of its instant; the programme goes by its name.
    const until = shanghaiDate(bar.toISOString());
    expect(refused).toMatchObject({ status: 409, message: `re-entry barred until ${writeDate('en', until)} after the exit from "Young innovators"` });
    expect(sayPhrase('zh-CN', (refused as AdmissionRefused).phrase)).toBe(`退出人才计划“青年创新英才”后，至${writeDate('zh-CN', until)}前不得再次入选`);
    await expect(again(new Date(bar.getTime() + DAY))).resolves.toBeDefined();
    await saveHistory('exit-defence-exit', review);
    await saveHistory('assessment-exited', h);
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

describe('defence window missed, retain with a plan, one appeal', () => {
  it('decides without a defence; a retained member’s plan is checked in the next cycle', async () => {
    const { id, h, review } = await failedMember('leading-talent');
    const opened = (await review.query(status)).deadlines[0]!;
    await t.sleepUntil(opened.dueAt, DAY);
    const committee = await waitForReview(review, (s) => s.stage === 'committee');
    expect(committee.timeline.map((e) => e.action)).toEqual(['open-exit-review', 'remind-defence-3', 'remind-defence-1', 'defence-window-missed']);
    expect(committee.defence).toBeUndefined();

    await expectRefused(review.executeUpdate(decide, { args: [{ actor: authority, decision: 'retain', reason: '情节较轻' }] }), 'InvalidRequest');
    const plan = '六个月内完成关键技术攻关并提交阶段报告';
    expect(await review.executeUpdate(decide, { args: [{ actor: authority, decision: 'retain', reason: '情节较轻', improvementPlan: plan }] })).toBe('decided');
    await expectRefused(review.executeUpdate(appeal, { args: [{ actor: hr, reason: 'x' }] }), 'Forbidden');
    expect(await review.executeUpdate(appeal, { args: [{ actor: talent(id), reason: '不应限期整改' }] })).toBe('appeal-review');
    await expectRefused(review.executeUpdate(appeal, { args: [{ actor: talent(id), reason: '再次' }] }), 'Conflict');
    expect(await review.executeUpdate(decide, { args: [{ actor: authority, decision: 'retain', reason: '复核维持', improvementPlan: plan }] })).toBe('retained');
    expect(await review.result()).toMatchObject({ stage: 'retained', decision: { decision: 'retain', round: 2 } });

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
    await saveHistory('exit-retain-appeal', review);
  });
});

describe('other triggers', () => {
  it('an administrator opens a review for an integrity violation; one review at a time; dismissed, the membership goes on', async () => {
    const [id] = await t.talents(1);
    const h = await t.admit({ talentId: id!, intake: `trigger-${id}` });
    await cycleStarted(t, h, 1);
    const request = { actor: admin, trigger: 'integrity-violation' as const, reason: '科研诚信问题线索' };
    await expectRefused(h.executeUpdate(requestExitReview, { args: [{ ...request, actor: hr }] }), 'Forbidden');
    const { exitWorkflowId: wf } = await h.executeUpdate(requestExitReview, { args: [request] });
    expect(wf).toBe(exitWorkflowId(membershipOf(h), 1));
    await expectRefused(h.executeUpdate(requestExitReview, { args: [{ actor: hr, trigger: 'left-employer', reason: '已离职' }] }), 'Conflict');
    const review = t.env.client.workflow.getHandle(wf);
    expect((await waitForReview(review, (s) => s.stage === 'defence')).trigger).toMatchObject({ kind: 'integrity-violation', actorId: 'u-admin' });
    await review.executeUpdate(fileDefence, { args: [{ actor: talent(id!), statement: '线索经核实不成立', evidence: ['核查报告.pdf'] }] });
    expect(await review.executeUpdate(decide, { args: [{ actor: authority, decision: 'dismiss', reason: '线索不实' }] })).toBe('dismissed');
    const s = await waitForStatus(h, (x) => x.exitReview === undefined);
    expect(s.timeline.map((e) => e.action)).toContain('exit-review-dismiss');
    // The employer may report that the talent left: a second review opens.
    const second = await h.executeUpdate(requestExitReview, { args: [{ actor: hr, trigger: 'left-employer', reason: '已离职' }] });
    expect(second.exitWorkflowId).toBe(exitWorkflowId(membershipOf(h), 2));
    expect((await h.query(assessmentStatus)).exitReview).toMatchObject({ n: 2, trigger: 'left-employer' });
    await saveHistory('assessment-exit-requested', h);
  });
});
