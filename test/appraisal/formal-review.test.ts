// Formal review with the one-time correction notice (一次性告知), and the admin's interventions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import {
  cancel,
  decideAsEmployer,
  decideFormalReview,
  extendDeadline,
  reassign,
  status,
  submitCorrection,
  withdraw,
} from '../../workflows/appraisal/messages';
import { actor, startAppraisalEnv, type AppraisalEnv } from '../support/appraisal-env';
import { actions, expectRefused, sleepPastDeadline, waitForStage } from '../support/workflow-helpers';
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
const authority = actor('u-authority');
const admin = actor('u-admin');
/** The calendar the workflows count on in this run (the date matrix may add entries). */
const calendar = testCalendar();

/** A case through employer review and its notice, waiting at formal review. */
async function atFormalReview(): Promise<WorkflowHandle> {
  const h = await t.start();
  await waitForStage(h, 'employer-review');
  await h.executeUpdate(decideAsEmployer, { args: [{ actor: hr, decision: 'approve' }] });
  await sleepPastDeadline(t.env, h, 'employer-notice');
  await waitForStage(h, 'formal-review');
  return h;
}

describe('formal review', () => {
  it('lists every item to correct at once; the corrected application returns to review', async () => {
    const h = await atFormalReview();
    await expectRefused(h.executeUpdate(decideFormalReview, { args: [{ actor: hr, decision: 'pass' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'correct', items: [] }] }), 'InvalidRequest');
    const items = [
      { item: 'education-certificate', reason: '学历证书扫描件不清晰' },
      { item: 'patent-evidence', reason: '缺少专利授权证书' },
    ];
    expect(await h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'correct', items }] })).toBe('correction');
    const s = await h.query(status);
    expect(s.correctionItems).toEqual(items);
    expect(s.deadline).toMatchObject({ purpose: 'correction', workingDays: 10 });
    const mail = await t.smtp.waitFor((m) => m.to.includes('li.ming@example.cn') && m.subject.includes('一次性补正告知'));
    expect(mail[0]!.text).toContain('学历证书扫描件不清晰');
    expect(mail[0]!.text).toContain('缺少专利授权证书');

    // Every listed item must be corrected.
    await expectRefused(h.executeUpdate(submitCorrection, { args: [{ actor: applicant, corrections: [{ item: 'education-certificate', note: '已重新上传' }] }] }), 'InvalidRequest');
    const corrections = items.map((i) => ({ item: i.item, note: '已补正', evidence: [`${i.item}.pdf`] }));
    expect(await h.executeUpdate(submitCorrection, { args: [{ actor: applicant, corrections }] })).toBe('formal-review');

    // The policy allows one correction round: a second request is refused.
    await expectRefused(h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'correct', items }] }), 'Conflict');
    expect(actions(await h.query(status)).slice(-3)).toEqual(['notice-closed', 'request-correction', 'submit-correction']);
  });

  it('a correction not made in time withdraws the application (视为放弃)', async () => {
    const h = await atFormalReview();
    await h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'correct', items: [{ item: 'photo', reason: '缺少照片' }] }] });
    await sleepPastDeadline(t.env, h, 'correction');
    expect((await h.result()).stage).toBe('withdrawn');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'correction-missed' } });
    expect(audit.detail).toMatchObject({ note: '视为放弃' });
    expect(await t.db.task.count({ where: { workflowId: h.workflowId, closedAt: null } })).toBe(0);
  });

  it('rejection by the authority ends the case', async () => {
    const h = await atFormalReview();
    expect(await h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'reject', reason: '申报系列不符' }] })).toBe('rejected');
    expect((await h.result()).stage).toBe('rejected');
  });

  it('an overdue review is escalated to the administrators and still awaits the reviewer', async () => {
    const h = await atFormalReview();
    await sleepPastDeadline(t.env, h, 'formal-review');
    await waitForStage(h, 'formal-review');
    const s = await h.query(status);
    expect(actions(s)).toContain('escalate-formal-review');
    expect(s.pendingTasks.map((p) => p.kind).sort()).toEqual(['escalation-formal-review', 'formal-review']);
    await t.smtp.waitFor((m) => m.to.includes('admin@hrss.example.cn') && m.subject.includes('逾期督办'));
    expect(actions(s).filter((a) => a.startsWith('remind-formal-review')).sort()).toEqual(['remind-formal-review-1', 'remind-formal-review-3']);
  });
});

describe('interventions at any stage', () => {
  it('the applicant withdraws mid-way, with a reason; nothing more can happen', async () => {
    const h = await atFormalReview();
    await expectRefused(h.executeUpdate(withdraw, { args: [{ actor: hr, reason: 'x' }] }), 'Forbidden');
    expect(await h.executeUpdate(withdraw, { args: [{ actor: applicant, reason: '个人原因' }] })).toBe('withdrawn');
    expect((await h.result()).stage).toBe('withdrawn');
    const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    expect(await t.db.task.count({ where: { workflowId: h.workflowId, closedAt: null } })).toBe(0);
  });

  it('an administrator cancels with a reason; others may not', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    await expectRefused(h.executeUpdate(cancel, { args: [{ actor: hr, reason: '重复申报' }] }), 'Forbidden');
    await expectRefused(h.executeUpdate(cancel, { args: [{ actor: admin, reason: '' }] }), 'InvalidRequest');
    expect(await h.executeUpdate(cancel, { args: [{ actor: admin, reason: '重复申报' }] })).toBe('cancelled');
    expect((await h.result()).stage).toBe('cancelled');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'cancel' } });
    expect(audit).toMatchObject({ actorId: 'u-admin' });
  });

  it('an administrator extends a deadline by working days, and the task’s due date follows', async () => {
    const h = await atFormalReview();
    const before = (await h.query(status)).deadline!;
    expect(await h.executeUpdate(extendDeadline, { args: [{ actor: admin, reason: '材料量大', workingDays: 3 }] })).toBe('formal-review');
    const after = await h.query(status);
    expect(after.deadline).toMatchObject({ purpose: 'formal-review', workingDays: before.workingDays + 3, dueAt: calendar.addWorkingDays(before.dueAt, 3).dueAt });
    const task = await t.db.task.findFirstOrThrow({ where: { workflowId: h.workflowId, kind: 'formal-review', closedAt: null } });
    expect(task.dueAt?.toISOString()).toBe(after.deadline!.dueAt);
    await expectRefused(h.executeUpdate(extendDeadline, { args: [{ actor: authority, reason: 'x', workingDays: 3 }] }), 'Forbidden');
  });

  it('an administrator reassigns a review: the new reviewer may act, the role alone no longer suffices', async () => {
    const h = await atFormalReview();
    const task = (await h.query(status)).pendingTasks.find((p) => p.kind === 'formal-review')!;
    await h.executeUpdate(reassign, { args: [{ actor: admin, reason: '原审核人休假', taskKey: task.taskKey, assigneeId: 'u-admin' }] });
    const s = await h.query(status);
    expect(s.pendingTasks).toEqual([expect.objectContaining({ kind: 'formal-review', assigneeId: 'u-admin' })]);
    await expectRefused(h.executeUpdate(decideFormalReview, { args: [{ actor: authority, decision: 'reject', reason: 'x' }] }), 'Forbidden');
    expect(await h.executeUpdate(decideFormalReview, { args: [{ actor: admin, decision: 'reject', reason: '材料虚假' }] })).toBe('rejected');
    const rows = await t.db.task.findMany({ where: { workflowId: h.workflowId, kind: 'formal-review' }, orderBy: { openedAt: 'asc' } });
    expect(rows.map((r) => [r.assigneeId, r.outcome])).toEqual([
      [null, 'reassign'],
      ['u-admin', 'formal-reject'],
    ]);
  });
});
