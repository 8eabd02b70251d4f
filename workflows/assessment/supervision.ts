// 日常监管 on the membership (DOMAIN §5): a report acts by the pinned policy, once per report id,
// and an overturned report is undone where it can be. The rule is domain/supervision/effects.ts.
import { type CancellationScope, condition, setHandler } from '@temporalio/workflow';
import { now } from '../shared/clock';
import { acts, record } from './activities';
import { startExitReview } from './exit-review-start';
import * as m from './messages';
import { pauseMembership, resumeMembership, type Clocks } from './pausing';
import type { AssessmentCase } from './state';
import { supervisionOf } from '../../domain/assessment/policy-defaults';
import { plannedEffect, type Planned } from '../../domain/supervision/effects';
import type { Effect, SupervisionApplication } from '../../domain/supervision/types';

export function registerSupervision(c: AssessmentCase, lifecycle: CancellationScope, clocks: Clocks) {
  setHandler(
    m.applySupervisionReport,
    async (r) => {
      c.supervision[r.reportId] = 'applying';
      // A report right after admission waits until the admission has pinned the policy it acts by.
      if (!c.rules) await condition(() => c.rules !== undefined);
      const planned = plannedEffect(r, supervisionOf(c.pinned.policy), { paused: !!c.pause, byReport: !!c.pause?.reportId, employerId: c.m.employerId });
      const effect = await apply(c, r, planned, lifecycle, clocks);
      c.supervision[r.reportId] = effect;
      return effect;
    },
    { validator: (r) => c.validateSupervision(r) },
  );

  setHandler(
    m.undoSupervisionReport,
    async (r) => {
      const effect = c.supervision[r.reportId] as Effect;
      if (effect.effect === 'pause' && c.pause?.reportId === r.reportId) {
        await resumeMembership(c, clocks, { actorId: r.actor.id, reason: r.reason, reportId: r.reportId });
        return 'resumed';
      }
      if (effect.effect === 'exit-review' && c.exitReview?.n === effect.n && !c.final && !c.stopping) {
        await acts.cancelExitReview({ workflowId: effect.exitWorkflowId, actorId: r.actor.id, reason: r.reason });
        return 'review-cancelled';
      }
      return ['transfer', 'post', 'closed'].includes(effect.effect) ? 'cannot-undo' : 'nothing-to-undo';
    },
    { validator: (r) => c.validateUndo(r) },
  );
}

async function apply(c: AssessmentCase, r: SupervisionApplication, p: Planned, lifecycle: CancellationScope, clocks: Clocks): Promise<Effect> {
  const reason = r.statement;
  switch (p.do) {
    case 'exit-review': {
      if (c.exitReview) return { effect: 'none', why: 'exit-review-running' };
      const open = await startExitReview(c, { kind: p.trigger, actorId: r.reporterId, reason, reportId: r.reportId });
      return { effect: 'exit-review', trigger: p.trigger, n: open.n, exitWorkflowId: open.workflowId };
    }
    case 'transfer':
      return transfer(c, r, p.to);
    case 'post':
      return newPost(c, r, p.post, p.series);
    case 'pause':
      await pauseMembership(c, clocks, { actorId: r.reporterId, reason, reportId: r.reportId });
      return { effect: 'pause' };
    case 'resume':
      return { effect: 'resume', pausedWorkingDays: await resumeMembership(c, clocks, { actorId: r.reporterId, reason, reportId: r.reportId }) };
    case 'close':
      // Ends the membership like an exit, without a review: the lifecycle stops and closes it.
      c.closing = { reportId: r.reportId, actorId: r.reporterId, at: now() };
      lifecycle.cancel();
      await condition(() => c.endRecorded || c.closed);
      return { effect: 'closed' };
    case 'none':
      await record(c, c.log.move(c.stage, { actorId: r.reporterId, action: 'supervision-noted', note: reason, detail: { reportId: r.reportId, kind: r.kind, why: p.why } }, now()));
      return { effect: 'none', why: p.why };
  }
}

/** In-district move: the employer changes, and its pending tasks go to the new employer's reviewers. */
async function transfer(c: AssessmentCase, r: SupervisionApplication, to: string): Promise<Effect> {
  const from = c.m.employerId;
  c.m.employerId = to;
  const pending = c.log.pendingTasks.filter((t) => t.assigneeOrg === from);
  const open = pending.map((t) => c.log.task(t.kind, t.assigneeRole, { org: to }, t.dueAt));
  await record(
    c,
    c.log.move(c.stage, {
      actorId: r.reporterId,
      action: 'transfer',
      note: r.statement,
      close: pending.map((t) => t.taskKey),
      open,
      detail: { reportId: r.reportId, from, newEmployerId: to, tasks: pending.map((t) => t.kind) },
      mails: open.map((t) => ({ eventKey: `task-${t.kind}`, to: { role: 'employer' as const, organisationId: to }, template: 'task-assigned', data: { caseId: c.m.membershipId, kind: t.kind, dueAt: t.dueAt ?? '' } })),
    }, now()),
  );
  return { effect: 'transfer', from, to, moved: pending.map((t) => t.kind) };
}

/** A change of post: recorded; a new series draws a new expert for a pending expert evaluation and the cycles after. */
async function newPost(c: AssessmentCase, r: SupervisionApplication, post: string, series?: string): Promise<Effect> {
  c.m.post = post;
  const changed = series !== undefined && series !== c.m.series;
  if (changed) c.m.series = series;
  const task = changed ? c.log.pendingTasks.find((t) => t.kind === 'evaluation-expert' && !c.log.reassigned['evaluation-expert']) : undefined;
  let expert: { expertId?: string } = {};
  if (task) {
    expert = await acts.assignAssessmentExpert({ series: c.m.series, talentId: c.m.talentId, employerId: c.m.employerId, membershipId: c.m.membershipId, cycle: c.cycle, at: now() });
    c.expertId = expert.expertId;
  }
  const open = task ? [c.log.task(task.kind, 'expert', expert.expertId ? { userId: expert.expertId } : {}, task.dueAt)] : [];
  await record(
    c,
    c.log.move(c.stage, {
      actorId: r.reporterId,
      action: 'post-change',
      note: r.statement,
      close: task ? [task.taskKey] : [],
      open,
      detail: { reportId: r.reportId, post, ...(changed ? { series } : {}), ...(expert.expertId ? { expertId: expert.expertId } : {}) },
      mails: open.map((t) => ({ eventKey: 'task-expert', to: expert.expertId ? { userId: expert.expertId } : { role: 'expert' as const }, template: 'task-assigned', data: { caseId: c.m.membershipId, kind: t.kind, dueAt: t.dueAt ?? '' } })),
    }, now()),
  );
  return { effect: 'post', post, ...(changed ? { series } : {}), moved: task ? [task.kind] : [] };
}
