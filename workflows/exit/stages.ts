// The exit review's stages (DOMAIN §4): defence window, committee, appeal window, outcome.
import { condition, getExternalWorkflowHandle, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { runToCompletion } from '../shared/activities';
import { exitReviewClosed, type ExitReviewClosed } from '../assessment/messages';
import type { Move } from '../shared/case-log';
import { startDeadline, waitUntilDue, type WaitOptions } from '../shared/deadline-book';
import { now } from '../shared/clock';
import type { Recipient, Transition } from '../../domain/transition';
import type { ExitCase } from './state';
import type { ExitStage } from '../../domain/exit/types';
import { endAll, endDeadline } from '../../domain/deadlines';

// Each call runs to completion even when an administrator cancels the review meanwhile: the
// cancellation takes effect at the next wait, so the database's order of events stays the review's.
const acts = runToCompletion(proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } }));

/** What moved the review into its next stage: recorded with the move that opens it. */
export type Cause = Omit<Move, 'open' | 'close'>;

export const record = (c: ExitCase, stage: ExitStage, m: Move): Promise<void> => acts.recordTransition(c.log.move(stage, m, now()));

export function reminding(c: ExitCase, to: Recipient): WaitOptions {
  return {
    remindBeforeDays: c.input.rules.remindBeforeDays,
    onReminder: (days, d) =>
      record(c, c.stage, { actorId: 'system', action: `remind-${d.purpose}-${days}`, mails: [{ eventKey: 'reminder', to, template: 'reminder', data: { caseId: c.input.reviewId, purpose: d.purpose, dueAt: d.dueAt } }] }),
  };
}

/** 陈述申辩: notified at once, the talent has the policy's window to file a defence. */
export async function defence(c: ExitCase): Promise<Cause> {
  const { input } = c;
  const talent = { userId: input.talentId };
  const due = await startDeadline(c.book, 'defence', input.rules.defenceWindowDays, input.openedAt);
  const opened: Transition = c.log.move('defence', {
    actorId: input.trigger.actorId,
    action: 'open-exit-review',
    note: input.trigger.reason,
    ...(input.trigger.why ? { why: [input.trigger.why] } : {}),
    detail: { trigger: input.trigger.kind, ...(input.trigger.cycle ? { cycle: input.trigger.cycle } : {}), policyVersion: input.rules.policyVersion },
    open: [c.log.task('defence', 'applicant', { userId: input.talentId }, due.dueAt)],
    mails: [{ eventKey: 'opened', to: talent, template: 'exit-review-opened', data: { caseId: input.reviewId, programmeId: input.programmeId, trigger: input.trigger.kind, reason: input.trigger.reason, dueAt: due.dueAt }, ...(input.trigger.why ? { why: [input.trigger.why] } : {}) }],
  }, input.openedAt);
  await acts.recordExitReviewOpened(input, opened);
  const filed = (await waitUntilDue(c.book, 'defence', () => c.defenceSlot !== undefined, reminding(c, talent))) === 'done';
  endDeadline(c.book, 'defence');
  if (!filed) return { actorId: 'system', action: 'defence-window-missed' };
  const r = c.defenceSlot!;
  c.defence = { filedAt: now(), statement: r.statement };
  return { actorId: r.actor.id, action: 'file-defence', note: r.statement, detail: { evidence: r.evidence } };
}

/** The committee decides; past its deadline the administrators are alerted and it still decides. */
export async function committee(c: ExitCase, stage: 'committee' | 'appeal-review', cause: Cause): Promise<void> {
  const authority = { role: 'authority' as const };
  const due = await startDeadline(c.book, 'exit-decision', c.input.rules.decisionDays);
  await record(c, stage, {
    ...cause,
    close: c.log.keysOf('defence'),
    open: [c.log.task('exit-decision', 'authority', {}, due.dueAt)],
    mails: [{ eventKey: 'task', to: authority, template: 'task-assigned', data: { caseId: c.input.reviewId, kind: 'exit-decision', dueAt: due.dueAt } }],
  });
  // The defence or the appeal is answered now that the committee has it.
  c.defenceSlot = undefined;
  c.appealSlot = undefined;
  const decided = () => c.decisionSlot !== undefined;
  if ((await waitUntilDue(c.book, 'exit-decision', decided, reminding(c, authority))) === 'due') {
    await record(c, stage, {
      actorId: 'system',
      action: 'escalate-exit-decision',
      open: [c.log.task('escalation-exit-decision', 'admin', {})],
      mails: [{ eventKey: 'escalation', to: { role: 'admin' }, template: 'escalation', data: { caseId: c.input.reviewId, purpose: 'exit-decision' } }],
    });
    await condition(decided);
  }
  endDeadline(c.book, 'exit-decision');
  const r = c.decisionSlot!;
  c.decision = { decision: r.decision, reason: r.reason, ...(r.improvementPlan ? { improvementPlan: r.improvementPlan } : {}), actorId: r.actor.id, round: stage === 'committee' ? 1 : 2 };
}

/** An adverse first decision: the talent may appeal (复核) once within the window. */
export async function appealWindow(c: ExitCase): Promise<Cause | undefined> {
  const d = c.decision!;
  const appealBy = await startDeadline(c.book, 'appeal-window', c.input.rules.appealWindowDays);
  await record(c, 'decided', {
    actorId: d.actorId,
    action: `decide-${d.decision}`,
    note: d.reason,
    close: c.log.keysOf('exit-decision', 'escalation-exit-decision', 'exit-plan-approval'),
    detail: { decision: d.decision, round: d.round, ...(d.improvementPlan ? { improvementPlan: d.improvementPlan } : {}), appealBy: appealBy.dueAt },
    mails: [{ eventKey: 'decided', to: { userId: c.input.talentId }, template: 'exit-decision', data: { caseId: c.input.reviewId, programmeId: c.input.programmeId, decision: d.decision, reason: d.reason, appealBy: appealBy.dueAt } }],
  });
  c.decisionSlot = undefined;
  c.planReviewSlot = undefined;
  const appealed = (await waitUntilDue(c.book, 'appeal-window', () => c.appealSlot !== undefined)) === 'done';
  endDeadline(c.book, 'appeal-window');
  if (!appealed) return undefined;
  c.appealRounds++;
  return { actorId: c.input.talentId, action: 'appeal', note: c.appealSlot!.reason };
}

/** Puts the final decision on record (an exit ends the membership with its re-entry bar) and tells the membership. */
export async function conclude(c: ExitCase): Promise<void> {
  const { input } = c;
  const d = c.decision!;
  const stage: ExitStage = d.decision === 'exit' ? 'exited' : d.decision === 'retain' ? 'retained' : 'dismissed';
  const at = now();
  const bar = new Date(at);
  bar.setUTCFullYear(bar.getUTCFullYear() + input.rules.reentryBarYears);
  const reentryBarUntil = d.decision === 'exit' ? bar.toISOString() : undefined;
  const t = c.log.move(stage, {
    actorId: d.actorId,
    action: d.decision,
    note: d.reason,
    status: stage,
    close: 'all',
    detail: { round: d.round, ...(d.improvementPlan ? { improvementPlan: d.improvementPlan } : {}), ...(reentryBarUntil ? { reentryBarUntil } : {}) },
    mails: [{ eventKey: 'final', to: { userId: input.talentId }, template: 'exit-final', data: { caseId: input.reviewId, programmeId: input.programmeId, decision: d.decision, reason: d.reason, plan: d.improvementPlan ?? '', barUntil: reentryBarUntil ?? '' } }],
  }, at);
  await acts.recordExitOutcome(input.membershipId, { decision: d.decision, ...(d.improvementPlan ? { improvementPlan: d.improvementPlan } : {}), decidedAt: at, ...(reentryBarUntil ? { reentryBarUntil } : {}) }, t);
  c.endRecorded = true;
  c.decisionSlot = undefined;
  c.planReviewSlot = undefined;
  await tellMembership(c, { n: input.n, decision: d.decision, ...(d.improvementPlan ? { plan: d.improvementPlan } : {}), decidedAt: at });
}

/**
 * An administrator cancelled the review: it ends without a decision, its tasks close, the talent is
 * told why, and the membership goes on as before the review (no exit, no plan).
 */
export async function cancelled(c: ExitCase): Promise<void> {
  const { input } = c;
  const { actorId, reason } = c.ending!;
  endAll(c.book);
  const at = now();
  await acts.recordTransition(
    c.log.move('cancelled', {
      actorId,
      action: 'cancel',
      note: reason,
      status: 'cancelled',
      close: 'all',
      detail: { n: input.n, ...(c.decision ? { decisionSetAside: c.decision.decision } : {}) },
      mails: [{ eventKey: 'cancelled', to: { userId: input.talentId }, template: 'exit-review-cancelled', data: { caseId: input.reviewId, programmeId: input.programmeId, reason } }],
    }, at),
  );
  c.endRecorded = true;
  await tellMembership(c, { n: input.n, decision: 'cancelled', reason, decidedAt: at });
}

async function tellMembership(c: ExitCase, closed: ExitReviewClosed): Promise<void> {
  try {
    await getExternalWorkflowHandle(c.input.assessmentWorkflowId).signal(exitReviewClosed, closed);
  } catch (err) {
    // A membership that already ended (its term completed) has nobody left to tell.
    log.warn('the membership did not take the review’s outcome', { workflowId: c.input.assessmentWorkflowId, err: String(err) });
  }
}
