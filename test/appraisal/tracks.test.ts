// The whole lifecycle on each track, with the committee, the result notice and the certificate
// (DOMAIN §1); a failed candidate's 复查; an upheld result objection's 复核.
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeal, decideAsEmployer, decideFormalReview, evaluateAsIndustry, object, resolveObjection, status } from '../../workflows/appraisal/messages';
import type { AppraisalInput } from '../../domain/appraisal/types';
import { actor, startAppraisalEnv, type AppraisalEnv } from '../support/appraisal-env';
import { meetingOf, runMeeting } from '../support/committee-driver';
import { saveHistory } from '../support/histories';
import { sleepUntil } from '../support/temporal-env';
import { actions, expectRefused, sleepPastDeadline, waitForStage, waitForStatus } from '../support/workflow-helpers';
import { testCalendar } from '../support/run-start';
import { committeeMeetingWorkflowId } from '../../domain/ids';

let t: AppraisalEnv;
beforeAll(async () => {
  t = await startAppraisalEnv();
});
afterAll(async () => {
  await t?.stop();
});

const authority = actor('u-authority');
/** The calendar the workflows count on in this run (the date matrix may add entries). */
const calendar = testCalendar();

/** Employer approval, the notice, formal review: the case reaches the stage after it. */
async function throughFormalReview(h: WorkflowHandle, reviewer = 'u-hr-zhangjiang') {
  await waitForStage(h, 'employer-review');
  await h.executeUpdate(decideAsEmployer, { args: [{ actor: actor(reviewer), decision: 'approve' }] });
  await sleepPastDeadline(t.env, h, 'employer-notice');
  await waitForStage(h, 'formal-review');
  return h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'pass' }] });
}

/** Waits out the result notice and returns the final result. */
async function certify(h: WorkflowHandle) {
  await waitForStage(h, 'result-notice');
  const notice = (await h.query(status)).deadline!;
  expect(notice).toMatchObject({ purpose: 'result-notice', workingDays: 5 });
  await sleepUntil(t.env, notice.dueAt);
  return { result: await h.result(), notice };
}

async function expectCertificate(h: WorkflowHandle, input: { series: string; level: string }) {
  const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
  expect(row).toMatchObject({ stage: 'certified', status: 'certified' });
  const cert = await t.db.certificate.findUniqueOrThrow({ where: { applicationId: row.id } });
  expect(cert).toMatchObject({ status: 'valid', series: input.series, level: input.level });
  expect(cert.number).toMatch(/^SH-\d{4}-[A-Z]{3}-[0-9A-Z]{8}$/);
  expect(cert.verificationCode).toMatch(/^[0-9A-Z]{10}$/);
  expect((await h.query(status)).certificateNumber).toBe(cert.number);
  await t.smtp.waitFor((m) => m.subject.includes(cert.number) && m.text.includes(cert.verificationCode));
  return cert;
}

describe('happy paths', () => {
  it('standard track: employer, notice, formal review, scheduled committee, result notice, certificate', async () => {
    const h = await t.start();
    expect(await throughFormalReview(h)).toBe('committee-review');
    const meeting = await runMeeting(t.env.client, t.db, (await h.query(status)).applicationId, []);
    expect(meeting.kind).toBe('scheduled');
    const tally = meeting.cases[0]!.tally!;
    expect(tally).toMatchObject({ members: 5, present: 5, yes: 5, passed: true });

    await waitForStage(h, 'result-notice');
    const s = await h.query(status);
    const passedAt = s.timeline.find((e) => e.action === 'committee-passed')!.at;
    expect(s.deadline!.dueAt).toBe(calendar.addWorkingDays(passedAt, 5).dueAt);
    const { result } = await certify(h);
    expect(result.stage).toBe('certified');
    const final = await h.query(status);
    const certifiedAt = final.timeline.find((e) => e.action === 'certify')!.at;
    expect(new Date(certifiedAt).getTime()).toBeGreaterThanOrEqual(new Date(s.deadline!.dueAt).getTime());
    expect(actions(final)).toEqual([
      'submit', 'open-employer-review', 'employer-approve', 'notice-closed', 'formal-pass', 'committee-passed', 'certify',
    ]);
    await expectCertificate(h, { series: 'engineering', level: 'intermediate' });
    // The tally is on record; who voted how is not.
    const row = await t.db.meetingCase.findFirstOrThrow({ where: { caseId: s.applicationId } });
    expect(row).toMatchObject({ members: 5, present: 5, yes: 5, no: 0, abstain: 0, passed: true });
    await saveHistory('appraisal-standard', h);
    await saveHistory('meeting-scheduled', t.env.client.workflow.getHandle(committeeMeetingWorkflowId(await meetingOf(t.db, s.applicationId))));
  });

  it('直通车: through the talent service centre, shortened deadlines, a dedicated panel', async () => {
    const input: Partial<AppraisalInput> = {
      track: 'direct',
      level: 'senior',
      employerId: 'org-talent-centre',
      submission: { education: 'doctorate', qualifications: ['overseas-title'], achievements: [] },
    };
    const h = await t.start(input);
    await waitForStage(h, 'employer-review');
    expect((await h.query(status)).deadline).toMatchObject({ purpose: 'employer-review', workingDays: 5 });
    expect(await throughFormalReview(h, 'u-talent-centre')).toBe('committee-review');
    const meeting = await runMeeting(t.env.client, t.db, (await h.query(status)).applicationId);
    expect(meeting.kind).toBe('panel');
    expect(meeting.seats.filter((x) => x.status === 'seated')).toHaveLength(3);
    const { result } = await certify(h);
    expect(result.stage).toBe('certified');
    await expectCertificate(h, { series: 'engineering', level: 'senior' });
    await saveHistory('appraisal-direct', h);
  });

  it('绿色通道: industry evaluation is required input, and an ad-hoc meeting is convened on the spot', async () => {
    const h = await t.start({
      track: 'green',
      level: 'deputy-senior',
      submission: {
        education: 'secondary',
        achievements: [
          { kind: 'award', title: '上海市科技进步奖', year: 2025, evidence: ['award.pdf'] },
          { kind: 'product', title: '专利产业化产品', year: 2024, evidence: ['product.pdf'] },
        ],
      },
    });
    expect(await throughFormalReview(h)).toBe('industry-evaluation');
    await expectRefused(h.executeUpdate(evaluateAsIndustry, { args: [{ actor: authority, score: 90, opinion: 'x' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(evaluateAsIndustry, { args: [{ actor: actor('u-industry'), score: 190, opinion: 'x' }] }), 'InvalidRequest');
    expect(await h.executeUpdate(evaluateAsIndustry, { args: [{ actor: actor('u-industry'), score: 92, opinion: '行业影响力显著' }] })).toBe('committee-review');
    const meeting = await runMeeting(t.env.client, t.db, (await h.query(status)).applicationId);
    expect(meeting.kind).toBe('adhoc');
    const { result } = await certify(h);
    expect(result.stage).toBe('certified');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'industry-evaluated' } });
    expect(audit.detail).toMatchObject({ score: 92, note: '行业影响力显著' });
    await saveHistory('appraisal-green', h);
  });
});

describe('after the committee', () => {
  it('a failed candidate may request one 复查 within the window; a second appeal is refused', async () => {
    const h = await t.start();
    await throughFormalReview(h);
    const caseId = (await h.query(status)).applicationId;
    const first = await runMeeting(t.env.client, t.db, caseId, ['yes', 'yes', 'yes', 'no', 'no']);
    expect(first.cases[0]!.tally).toMatchObject({ present: 5, yes: 3, passed: false });
    const failed = await waitForStatus(h, (s) => s.stage === 'failed' && s.deadline?.purpose === 'appeal-window');
    expect(failed.deadline!.workingDays).toBe(15);
    await expectRefused(h.executeUpdate(appeal, { args: [{ actor: actor('u-hr-zhangjiang'), reason: 'x' }] }), 'Forbidden');
    expect(await h.executeUpdate(appeal, { args: [{ actor: actor('u-li-ming'), reason: '评审未考虑新授权专利' }] })).toBe('committee-review');

    const second = await runMeeting(t.env.client, t.db, caseId, ['no', 'no', 'no', 'no', 'yes'], 2);
    expect(second.meetingId).not.toBe(first.meetingId);
    await waitForStatus(h, (s) => s.stage === 'failed' && s.timeline.filter((e) => e.action === 'committee-failed').length === 2);
    expect((await h.result()).stage).toBe('failed');
    const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row.status).toBe('failed');
    await saveHistory('appraisal-appeal', h);
  });

  it('an appeal window that passes unused closes the case as failed', async () => {
    const h = await t.start();
    await throughFormalReview(h);
    await runMeeting(t.env.client, t.db, (await h.query(status)).applicationId, ['no', 'no', 'no', 'no', 'no']);
    await sleepPastDeadline(t.env, h, 'appeal-window');
    expect((await h.result()).stage).toBe('failed');
    expect(actions(await h.query(status)).at(-1)).toBe('appeal-window-closed');
  });

  it('an objection upheld during the result notice sends the case back to the committee (复核)', async () => {
    const h = await t.start();
    await throughFormalReview(h);
    const caseId = (await h.query(status)).applicationId;
    await runMeeting(t.env.client, t.db, caseId);
    await waitForStage(h, 'result-notice');
    await h.executeUpdate(object, { args: [{ actor: actor('u-anna-chen'), reason: '代表作非本人完成' }] });
    const investigating = await h.query(status);
    expect(investigating.deadline).toMatchObject({ purpose: 'objection', workingDays: 10 });
    expect(investigating.pendingTasks).toEqual([expect.objectContaining({ kind: 'objection', assigneeRole: 'authority' })]);
    expect(await h.executeUpdate(resolveObjection, { args: [{ actor: authority, outcome: 'upheld', reason: '经调查属实，提交复核' }] })).toBe('committee-review');
    await runMeeting(t.env.client, t.db, caseId, ['no', 'no', 'no', 'no', 'no'], 2);
    await waitForStage(h, 'failed');
    expect(actions(await h.query(status))).toContain('objection-upheld-review-again');
  });
});
