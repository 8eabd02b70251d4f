import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { now } from '../shared/clock';
import { startDeadline, waitUntilDue } from '../shared/deadline-book';
import { acts } from './activities';
import * as m from './messages';
import { SupervisionCase } from './state';
import { endDeadline } from '../../domain/deadlines';
import type { SupervisionInput, SupervisionStage } from '../../domain/supervision/types';

/**
 * One supervision report (日常监管, DOMAIN §5): the talent is told what was reported, by whom and
 * until when they may contest; the report acts on each running membership of the talent by its
 * policy; the talent may contest within the window, and the authority then upholds it or
 * overturns it, which undoes its effects where they can be undone.
 */
export async function supervisionReport(input: SupervisionInput): Promise<{ stage: SupervisionStage }> {
  const c = new SupervisionCase(input, workflowInfo().workflowId);
  setHandler(m.status, () => c.status());
  setHandler(
    m.contest,
    async (r) => {
      c.contestSlot = r;
      await condition(() => c.contested !== undefined);
      return c.stage;
    },
    { validator: (r) => c.validateContest(r) },
  );
  setHandler(
    m.resolve,
    async (r) => {
      c.resolveSlot = r;
      await condition(() => c.settled);
      return c.stage;
    },
    { validator: (r) => c.validateResolve(r) },
  );

  await recorded(c);
  await applyToMemberships(c);
  const contest = await contestWindow(c);
  if (contest) await resolution(c);
  await condition(allHandlersFinished);
  return { stage: c.stage };
}

async function recorded(c: SupervisionCase): Promise<void> {
  const { input } = c;
  const due = await startDeadline(c.book, 'contest', input.contestWindowDays, input.recordedAt);
  c.contestBy = due.dueAt;
  const task = c.log.task('supervision-contest', 'applicant', { userId: input.talentId }, due.dueAt);
  await acts.recordTransition(
    c.log.move('recorded', {
      actorId: input.reporterId,
      action: 'report',
      note: input.statement,
      open: [task],
      detail: { kind: input.kind, contestBy: due.dueAt },
      mails: [{ eventKey: 'reported', to: { userId: input.talentId }, template: 'supervision-reported', data: { caseId: input.reportId, kind: input.kind, reporter: input.reporterId, reportedAs: input.reportedAs, contestBy: due.dueAt } }],
    }, input.recordedAt),
  );
}

/** Each running membership takes the report by its own pinned policy; what it did is recorded. */
async function applyToMemberships(c: SupervisionCase): Promise<void> {
  const { input } = c;
  const memberships = await acts.runningMembershipsOf({ talentId: input.talentId });
  for (const ms of memberships) {
    const result = await acts.applySupervisionReport({ membershipId: ms.membershipId, workflowId: ms.workflowId, report: { reportId: input.reportId, kind: input.kind, reporterId: input.reporterId, statement: input.statement, facts: input.facts } });
    c.effects.push({ membershipId: ms.membershipId, at: now(), result });
  }
  await acts.recordTransition(c.log.move('recorded', { actorId: 'system', action: 'apply', detail: { effects: c.effects } }, now()));
}

/** The contest window: the talent's task until the deadline (working days, policy). */
async function contestWindow(c: SupervisionCase): Promise<boolean> {
  const done = () => c.contestSlot !== undefined;
  const reminders = { remindBeforeDays: [] as number[] };
  const outcome = await waitUntilDue(c.book, 'contest', done, reminders);
  endDeadline(c.book, 'contest');
  if (outcome === 'due') {
    c.settled = true;
    await acts.recordTransition(c.log.move('settled', { actorId: 'system', action: 'contest-window-closed', close: c.log.keysOf('supervision-contest') }, now()));
    return false;
  }
  const r = c.contestSlot!;
  const at = now();
  await acts.recordTransition(
    c.log.move('contested', {
      actorId: r.actor.id,
      action: 'contest',
      note: r.grounds,
      status: 'contested',
      close: c.log.keysOf('supervision-contest'),
      open: [c.log.task('supervision-resolution', 'authority', {})],
      detail: { contestGrounds: r.grounds, contestedAt: at },
      mails: [{ eventKey: 'contested', to: { role: 'authority' }, template: 'supervision-contested', data: { caseId: c.input.reportId, kind: c.input.kind } }],
    }, at),
  );
  // Once on record, the contest is answered and the authority may resolve it.
  c.contested = { grounds: r.grounds, at };
  return true;
}

/** The authority's decision; an overturned report is undone in each membership where it can be. */
async function resolution(c: SupervisionCase): Promise<void> {
  await condition(() => c.resolveSlot !== undefined);
  const r = c.resolveSlot!;
  if (r.resolution === 'overturned') {
    for (const e of c.effects) {
      const how = await acts.undoSupervisionReport({ membershipId: e.membershipId, undo: { reportId: c.input.reportId, actor: r.actor, reason: r.reason } });
      e.undone = { at: now(), how };
    }
  }
  const at = now();
  await acts.recordTransition(
    c.log.move(r.resolution, {
      actorId: r.actor.id,
      action: `resolve-${r.resolution}`,
      note: r.reason,
      status: r.resolution,
      close: 'all',
      detail: { resolution: r.resolution, resolutionReason: r.reason, resolvedBy: r.actor.id, resolvedAt: at, effects: c.effects },
      mails: [{ eventKey: 'resolved', to: { userId: c.input.talentId }, template: 'supervision-resolved', data: { caseId: c.input.reportId, kind: c.input.kind, resolution: r.resolution, reason: r.reason } }],
    }, at),
  );
  c.settled = true;
}
