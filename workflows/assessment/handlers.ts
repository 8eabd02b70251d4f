// Human actions arrive as updates. A validator refuses a wrong actor, a closed stage or a second
// action before anything changes; the handler hands the action to the lifecycle through a slot and
// answers with the stage once the resulting transition is on record.
import { type CancellationScope, condition, setHandler } from '@temporalio/workflow';
import { recomputeDeadlines, validateRecompute } from '../shared/calendar-messages';
import { extendIfUnchanged, recountBook } from '../shared/deadline-book';
import { now } from '../shared/clock';
import { record } from './activities';
import { startExitReview } from './exit-review-start';
import * as m from './messages';
import type { AssessmentCase } from './state';
import { retimeFor } from '../../domain/deadlines';
import { pauseMembership, resumeMembership } from './pausing';
import { registerSupervision } from './supervision';
import { conflict } from '../../domain/failures';
import { serial } from '../shared/serial';

async function answerAfter(c: AssessmentCase, waiting: () => boolean) {
  await condition(() => !waiting() || c.endRecorded || c.closed);
  return c.stage;
}

export function registerHandlers(c: AssessmentCase, lifecycle: CancellationScope) {
  const clocks = serial();
  setHandler(m.status, () => c.status());

  setHandler(
    m.submitSelfReport,
    async (r) => {
      c.selfReportSlot = r;
      return answerAfter(c, () => c.selfReportSlot !== undefined);
    },
    { validator: (r) => c.validateSelfReport(r) },
  );

  setHandler(
    m.evaluate,
    async (r) => {
      c.evaluationSlots[r.as] = r;
      return answerAfter(c, () => c.evaluationSlots[r.as] !== undefined);
    },
    { validator: (r) => c.validateEvaluation(r) },
  );

  // Secondment or leave: every clock of the membership stands still until it resumes.
  setHandler(
    m.pause,
    async (r) => {
      await pauseMembership(c, clocks, { actorId: r.actor.id, reason: r.reason });
      return c.stage;
    },
    { validator: (r) => c.validatePause(r) },
  );

  setHandler(
    m.resume,
    async (r) => {
      await resumeMembership(c, clocks, { actorId: r.actor.id, reason: r.reason });
      return c.stage;
    },
    { validator: (r) => c.validateResume(r) },
  );

  setHandler(
    recomputeDeadlines,
    (r) =>
      clocks(async () => {
        const moved = await recountBook(c.book);
        if (moved.length) {
          await record(c, c.log.move(c.stage, { actorId: r.actor.id, action: 'recompute-deadlines', note: r.reason, retime: retimeFor(c.log.pendingTasks, moved), detail: { moved } }, now()));
        }
        return { stage: c.stage, moved };
      }),
    { validator: (r) => validateRecompute(r, c.final || c.stopping) },
  );

  setHandler(
    m.reassign,
    async (r) => {
      await record(c, c.log.move(c.stage, c.log.reassignment(r.taskKey, r.assigneeId, r.actor.id, r.reason), now()));
      return c.stage;
    },
    { validator: (r) => c.validateReassign(r) },
  );

  // One of the deadlines running in parallel gets more working days; only its own tasks move.
  setHandler(
    m.extendDeadline,
    (r) =>
      clocks(async () => {
        // A pause or a recompute ahead in the queue may have ended or moved it meanwhile.
        const purpose = c.extensionTarget(r);
        if (c.final || c.stopping) throw conflict('refusal.membership-ended-plain');
        const moved = await extendIfUnchanged(c.book, purpose, r.workingDays);
        if (!moved) throw conflict('refusal.extension-raced', { deadline: purpose });
        const retime = retimeFor(c.log.pendingTasks.filter((t) => t.kind === purpose), [moved]);
        await record(c, c.log.move(c.stage, { actorId: r.actor.id, action: 'extend-deadline', note: r.reason, retime, detail: { ...moved, workingDays: r.workingDays } }, now()));
        return c.stage;
      }),
    { validator: (r) => c.validateExtend(r) },
  );

  setHandler(
    m.requestExitReview,
    async (r) => {
      // Right after admission the review waits until the admission has pinned the policy it runs on.
      if (!c.rules) await condition(() => c.rules !== undefined);
      const review = await startExitReview(c, { kind: r.trigger, actorId: r.actor.id, reason: r.reason });
      return { stage: c.stage, exitWorkflowId: review.workflowId };
    },
    { validator: (r) => c.validateExitRequest(r) },
  );

  setHandler(m.exitReviewClosed, async (s) => {
    if (c.final || c.stopping) return;
    if (s.decision === 'exit') {
      // Ends the membership: the lifecycle stops wherever it is and the exit is recorded.
      c.ending = { n: s.n, at: s.decidedAt };
      lifecycle.cancel();
      return;
    }
    if (c.exitReview?.n === s.n) c.exitReview = undefined;
    // A plan is checked by the next employer evaluation that has not opened yet.
    const checkIn = ['admitted', 'running', 'self-report'].includes(c.stage) ? c.cycle : c.cycle + 1;
    if (s.decision === 'retain') c.followUp = { reviewN: s.n, plan: s.plan ?? '', cycle: checkIn };
    const note = s.plan ?? s.reason;
    await record(c, c.log.move(c.stage, { actorId: 'exit-review', action: `exit-review-${s.decision}`, ...(note ? { note } : {}), detail: { n: s.n, ...(s.decision === 'retain' ? { followUpCycle: checkIn } : {}) } }, now()));
  });

  registerSupervision(c, lifecycle, clocks);

  setHandler(m.cohortGraded, (s) => {
    if (s.cycle === c.cycle) c.cohortGrade = s.grade;
  });
}
