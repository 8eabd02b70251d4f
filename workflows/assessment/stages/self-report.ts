// The cycle runs its course, then the self-report window (过程评价) opens (DOMAIN §3).
import { startDeadline, waitUntilDue } from '../../shared/deadline-book';
import { now } from '../../shared/clock';
import { record } from '../activities';
import type { AssessmentCase } from '../state';
import { addMonths, escalate, reminding } from '../waits';
import { endDeadline, setDeadline } from '../../../domain/deadlines';
import { phrase } from '../../../domain/words/say';

/** Waits out the cycle: its end is a deadline like any other, so a pause moves it too. */
export async function runningPeriod(c: AssessmentCase): Promise<void> {
  const end = setDeadline(c.book, { purpose: 'cycle-end', dueAt: addMonths(c.cycleStart, c.pinned.cycle.cycleMonths), workingDays: 0, warnings: [] });
  c.windowOpensAt = end.dueAt;
  await record(c, c.log.move('running', { actorId: 'system', action: 'open-cycle', detail: { cycle: c.cycle, of: c.pinned.cycle.termCycles, windowOpensAt: end.dueAt } }, now()));
  await waitUntilDue(c.book, 'cycle-end', () => false);
  c.windowOpensAt = c.book.running['cycle-end']!.dueAt;
  endDeadline(c.book, 'cycle-end');
}

/**
 * The talent's self-report, with reminders before its deadline. Missed: the administrators are
 * alerted and a grace period runs; missed again, the cycle is graded 不合格 without evaluation
 * (returns false). The filing is answered once the evaluations have opened.
 */
export async function selfReport(c: AssessmentCase): Promise<boolean> {
  const { deadlines } = c.pinned.policy;
  const talent = { userId: c.m.talentId };
  const due = await startDeadline(c.book, 'self-report', deadlines.selfReportDays, c.windowOpensAt);
  await record(
    c,
    c.log.move('self-report', {
      actorId: 'system',
      action: 'open-self-report',
      open: [c.log.task('self-report', 'applicant', { userId: c.m.talentId }, due.dueAt)],
      mails: [{ eventKey: 'open', to: talent, template: 'assessment-self-report', data: { caseId: c.m.membershipId, programmeId: c.m.programmeId, cycle: String(c.cycle), dueAt: due.dueAt } }],
    }, now()),
  );
  const filed = () => c.selfReportSlot !== undefined;
  let outcome = await waitUntilDue(c.book, 'self-report', filed, reminding(c, talent));
  endDeadline(c.book, 'self-report');
  if (outcome === 'due') {
    await escalate(c, 'self-report');
    await startDeadline(c.book, 'self-report-grace', deadlines.selfReportGraceDays);
    outcome = await waitUntilDue(c.book, 'self-report-grace', filed, reminding(c, talent));
    endDeadline(c.book, 'self-report-grace');
  }
  const close = c.log.keysOf('self-report', 'escalation-self-report');
  if (outcome === 'due') {
    await record(c, c.log.move('grading', { actorId: 'system', action: 'self-report-missed', close, note: '逾期未提交述职报告：本周期按不合格确定', why: [phrase('reason.self-report-missed')] }, now()));
    return false;
  }
  const r = c.selfReportSlot!;
  await record(c, c.log.move('self-report', { actorId: r.actor.id, action: 'file-self-report', close, note: r.summary, detail: { milestones: r.milestones, outputs: r.outputs } }, now()));
  c.selfReported = true;
  return true;
}
