// Human actions arrive as updates. A validator refuses a wrong actor, a closed stage or a second
// action before anything changes; the handler hands the action to the lifecycle and answers with
// the stage once the resulting transition is on record.
import { CancellationScope, condition, setHandler, uuid4 } from '@temporalio/workflow';
import { committeeDecided } from '../committee/messages';
import { now, record } from './deadlines';
import * as m from './messages';
import { recomputeDeadlines } from '../shared/calendar-messages';
import { extendDeadline, recountBook } from '../shared/deadline-book';
import type { AppraisalCase } from './state';
import { retimeFor } from '../../domain/deadlines';

/**
 * The lifecycle empties an action's slot once the transition the action caused is on record:
 * then the handler answers with the stage after it. While the slot is full, the validators
 * refuse a second action of the kind.
 */
async function answerAfter(c: AppraisalCase, waiting: () => boolean) {
  await condition(() => !waiting() || c.endRecorded || c.closed);
  return c.stage;
}

export function registerHandlers(c: AppraisalCase, lifecycle: CancellationScope) {
  setHandler(m.status, () => c.status());
  setHandler(m.awaitSubmission, async () => {
    await condition(() => c.intakeDone || c.endRecorded);
    return c.stage;
  });

  // Each action goes into its slot; the lifecycle clears it once its transition is recorded.
  const slot = <R>(def: Parameters<typeof setHandler>[0], validate: (r: R) => void, put: (r: R) => void, waiting: () => boolean) =>
    setHandler(def as never, (async (r: R) => {
      put(r);
      return answerAfter(c, waiting);
    }) as never, { validator: validate } as never);

  slot<m.EmployerDecisionRequest>(m.decideAsEmployer, (r) => c.validateEmployerDecision(r), (r) => (c.employerDecision = r), () => c.employerDecision !== undefined);
  slot<m.ResubmitRequest>(m.resubmit, (r) => c.validateResubmit(r), (r) => (c.resubmission = r), () => c.resubmission !== undefined);
  slot<m.FormalDecisionRequest>(m.decideFormalReview, (r) => c.validateFormalDecision(r), (r) => (c.formalDecision = r), () => c.formalDecision !== undefined);
  slot<m.CorrectionRequest>(m.submitCorrection, (r) => c.validateCorrection(r), (r) => (c.correction = r), () => c.correction !== undefined);
  slot<m.IndustryEvaluationRequest>(m.evaluateAsIndustry, (r) => c.validateIndustryEvaluation(r), (r) => (c.industryEvaluation = r), () => c.industryEvaluation !== undefined);
  slot<m.WithReason>(m.appeal, (r) => c.validateAppeal(r), (r) => (c.appealRequest = r), () => c.appealRequest !== undefined);
  slot<m.ResolveObjectionRequest>(m.resolveObjection, (r) => c.validateResolveObjection(r), (r) => (c.objectionResolution = r), () => c.objectionResolution !== undefined);
  slot<m.WithReason>(
    m.object,
    (r) => c.validateObject(r),
    (r) => (c.objection = { id: uuid4(), stage: c.stage, objectorId: r.actor.id, reason: r.reason, raisedAt: now() }),
    () => !c.objectionRecorded,
  );

  const end = (stage: 'withdrawn' | 'cancelled') => async (r: m.WithReason) => {
    c.ending = { stage, actorId: r.actor.id, reason: r.reason };
    lifecycle.cancel();
    await condition(() => c.endRecorded);
    return c.stage;
  };
  setHandler(m.withdraw, end('withdrawn'), { validator: (r) => c.validateWithdraw(r) });
  setHandler(m.cancel, end('cancelled'), { validator: (r) => c.validateCancel(r) });

  setHandler(
    m.extendDeadline,
    async (r) => {
      const moved = await extendDeadline(c.book, c.current!, r.workingDays);
      await record(c, c.move(c.stage, { actorId: r.actor.id, action: 'extend-deadline', note: r.reason, close: [], retime: retimeFor(c.pendingTasks, [moved]), detail: { ...moved } }, now()));
      return c.stage;
    },
    { validator: (r) => c.validateExtend(r) },
  );

  setHandler(
    recomputeDeadlines,
    async (r) => {
      const moved = await recountBook(c.book);
      if (moved.length) await record(c, c.move(c.stage, { actorId: r.actor.id, action: 'recompute-deadlines', note: r.reason, close: [], retime: retimeFor(c.pendingTasks, moved), detail: { moved } }, now()));
      return { stage: c.stage, moved };
    },
    { validator: (r) => c.validateRecompute(r) },
  );

  setHandler(
    m.reassign,
    async (r) => {
      await record(c, c.move(c.stage, c.log.reassignment(r.taskKey, r.assigneeId, r.actor.id, r.reason), now()));
      return c.stage;
    },
    { validator: (r) => c.validateReassign(r) },
  );

  setHandler(committeeDecided, (result) => {
    if (result.caseId === c.caseId) c.committeeResults[result.meetingId] = result;
  });
}
