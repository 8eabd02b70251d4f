// The exit review decided by a drawn committee (DOMAIN §4): the talent, the employer and the
// industry body are heard; the authority may dismiss an unfounded trigger before the committee
// meets; the committee votes on the motion "exit"; not carried, the employer drafts an
// improvement plan the authority approves.
import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { runToCompletion } from '../shared/activities';
import { startDeadline, waitUntilDue } from '../shared/deadline-book';
import type { Transition } from '../../domain/transition';
import type { CommitteeResult } from '../../domain/committee/types';
import type { ExitReviewInputV2 } from '../../domain/exit/types';
import { endDeadline } from '../../domain/deadlines';
import { record, reminding, type Cause } from './stages';
import type { ExitCase } from './state';

const acts = runToCompletion(proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } }));

const inputOf = (c: ExitCase) => c.input as ExitReviewInputV2;

/**
 * 陈述申辩 and opinions: the talent, the employer and the industry body each have the defence
 * window. Their filings are recorded as they come (see handlers); the hearing ends when all three
 * are in or the window closes. Undefined when the authority dismissed the trigger meanwhile.
 */
export async function hearing(c: ExitCase, settled: () => Promise<unknown>): Promise<Cause | undefined> {
  const input = inputOf(c);
  const due = await startDeadline(c.book, 'defence', input.rules.defenceWindowDays, input.openedAt);
  const data = { caseId: input.reviewId, dueAt: due.dueAt };
  const opened: Transition = c.log.move('defence', {
    actorId: input.trigger.actorId,
    action: 'open-exit-review',
    note: input.trigger.reason,
    ...(input.trigger.why ? { why: [input.trigger.why] } : {}),
    detail: { trigger: input.trigger.kind, ...(input.trigger.cycle ? { cycle: input.trigger.cycle } : {}), policyVersion: input.rules.policyVersion, decidedBy: 'committee' },
    open: [
      c.log.task('defence', 'applicant', { userId: input.talentId }, due.dueAt),
      c.log.task('exit-opinion-employer', 'employer', { org: input.employerId }, due.dueAt),
      c.log.task('exit-opinion-industry', 'industry', {}, due.dueAt),
    ],
    mails: [
      { eventKey: 'opened', to: { userId: input.talentId }, template: 'exit-review-opened', data: { caseId: input.reviewId, programmeId: input.programmeId, trigger: input.trigger.kind, reason: input.trigger.reason, dueAt: due.dueAt }, ...(input.trigger.why ? { why: [input.trigger.why] } : {}) },
      { eventKey: 'opinion-employer', to: { role: 'employer', organisationId: input.employerId }, template: 'task-assigned', data: { ...data, kind: 'exit-opinion-employer' } },
      { eventKey: 'opinion-industry', to: { role: 'industry' }, template: 'task-assigned', data: { ...data, kind: 'exit-opinion-industry' } },
    ],
  }, input.openedAt);
  await acts.recordExitReviewOpened(input, opened);
  const ended = (await waitUntilDue(c.book, 'defence', () => c.allHeard || c.dismissSlot !== undefined, reminding(c, { userId: input.talentId }))) === 'done';
  c.hearingOver = true;
  endDeadline(c.book, 'defence');
  // Filings accepted before the hearing ended are on record before the next stage.
  await settled();
  const dismissal = c.dismissSlot;
  if (dismissal) {
    c.decision = { decision: 'dismiss', reason: dismissal.reason, actorId: dismissal.actor.id, round: 1 };
    return undefined;
  }
  const heard = { defence: c.defence !== undefined, opinions: c.opinions.map((o) => o.as) };
  return ended ? { actorId: 'system', action: 'hearing-complete', detail: heard } : { actorId: 'system', action: 'defence-window-closed', detail: heard };
}

/** Round 1 (or 2, on appeal, with none of round 1's experts): the committee meets and votes on "exit". */
export async function committeeMeets(c: ExitCase, round: 1 | 2, cause: Cause): Promise<void> {
  const input = inputOf(c);
  await record(c, round === 1 ? 'committee' : 'appeal-review', {
    ...cause,
    detail: { ...cause.detail, round },
    close: c.log.keysOf('defence', 'exit-opinion-employer', 'exit-opinion-industry'),
  });
  // The appeal is answered now that its committee stage is on record.
  c.appealSlot = undefined;
  const { meetingId } = await acts.enrollInMeeting({
    kind: 'exit',
    series: input.series,
    rules: input.rules.committee,
    enrolment: { caseId: input.reviewId, workflowId: workflowInfo().workflowId, applicantId: input.talentId, employerId: input.employerId },
    round,
    ...(round > 1 ? { freshDraw: true } : {}),
  });
  c.meetings.push(meetingId);
  await condition(() => c.committeeResults[meetingId] !== undefined);
  const tally = c.committeeResults[meetingId]!;
  const reason = voteReason(tally);
  if (tally.passed) {
    c.decision = { decision: 'exit', reason, actorId: 'committee', round };
    return;
  }
  await improvementPlan(c, round, tally, reason);
}

/** The tally in the words the decision carries (the committee's reason). */
const voteReason = (t: CommitteeResult) => `委员会表决（${t.passed ? '通过' : '未通过'}退出）：应到${t.members}人，出席${t.present}人，赞成${t.yes}人，反对${t.no}人，弃权${t.abstain}人`;

/** Not carried: the employer drafts the plan, the authority approves it or sends it back. */
async function improvementPlan(c: ExitCase, round: number, tally: CommitteeResult, reason: string): Promise<void> {
  const input = inputOf(c);
  const employer = { role: 'employer' as const, organisationId: input.employerId };
  const draftTask = () => c.log.task('exit-plan-draft', 'employer', { org: input.employerId });
  c.planDraft = undefined;
  await record(c, 'improvement-plan', {
    actorId: 'committee',
    action: 'committee-not-carried',
    note: reason,
    detail: { round, meetingId: tally.meetingId, members: tally.members, present: tally.present, yes: tally.yes, no: tally.no, abstain: tally.abstain },
    open: [draftTask()],
    mails: [{ eventKey: `plan-draft-${round}`, to: employer, template: 'task-assigned', data: { caseId: input.reviewId, kind: 'exit-plan-draft' } }],
  });
  for (let n = 1; ; n++) {
    await condition(() => c.planSlot !== undefined);
    const draft = c.planSlot!;
    c.planDraft = { plan: draft.plan, draftedBy: draft.actor.id };
    await record(c, 'improvement-plan', {
      actorId: draft.actor.id,
      action: 'draft-plan',
      note: draft.plan,
      close: c.log.keysOf('exit-plan-draft'),
      open: [c.log.task('exit-plan-approval', 'authority', {})],
      mails: [{ eventKey: `plan-approval-${round}-${n}`, to: { role: 'authority' }, template: 'task-assigned', data: { caseId: input.reviewId, kind: 'exit-plan-approval' } }],
    });
    c.planSlot = undefined;
    await condition(() => c.planReviewSlot !== undefined);
    const verdict = c.planReviewSlot!;
    if (verdict.verdict === 'approve') {
      // Answered once the decision is on record (appealWindow or conclude clears the slot).
      c.decision = { decision: 'retain', reason, improvementPlan: draft.plan, actorId: 'committee', round };
      return;
    }
    c.planDraft = { ...c.planDraft, sentBack: verdict.note! };
    await record(c, 'improvement-plan', {
      actorId: verdict.actor.id,
      action: 'send-back-plan',
      note: verdict.note!,
      close: c.log.keysOf('exit-plan-approval'),
      open: [draftTask()],
      mails: [{ eventKey: `plan-sent-back-${round}-${n}`, to: employer, template: 'task-assigned', data: { caseId: input.reviewId, kind: 'exit-plan-draft' } }],
    });
    c.planReviewSlot = undefined;
  }
}
