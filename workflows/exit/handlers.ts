// An exit review's messages: the talent's and the committee's actions wait in their slots until
// the stage they lead to is on record; the administrator's interventions (extend the running
// deadline, reassign a task, cancel the review) are checked by validators and recorded at once.
import { type CancellationScope, condition, setHandler } from '@temporalio/workflow';
import { recomputeDeadlines, validateRecompute } from '../shared/calendar-messages';
import { extendIfUnchanged, recountBook } from '../shared/deadline-book';
import { serial } from '../shared/serial';
import * as msg from './messages';
import { record } from './stages';
import type { ExitCase } from './state';
import { retimeFor } from '../../domain/deadlines';
import { conflict } from '../../domain/failures';
import { committeeDecided } from '../committee/messages';
import { now } from '../shared/clock';

export function registerHandlers(c: ExitCase, lifecycle: CancellationScope): { settled: () => Promise<unknown> } {
  const extensions = serial();
  // The committee path records each filing of the hearing as it comes, in order.
  const filings = serial();
  setHandler(msg.status, () => c.status());
  const answer = async (waiting: () => boolean) => {
    await condition(() => !waiting() || c.endRecorded);
    return c.stage;
  };
  if (c.committeePath) {
    setHandler(
      msg.fileDefence,
      (r) => {
        c.defence = { filedAt: now(), statement: r.statement };
        return filings(async () => {
          await record(c, 'defence', { actorId: r.actor.id, action: 'file-defence', note: r.statement, detail: { evidence: r.evidence }, close: c.log.keysOf('defence') });
          return c.stage;
        });
      },
      { validator: (r) => c.validateCommitteeDefence(r) },
    );
  } else {
    setHandler(msg.fileDefence, async (r) => ((c.defenceSlot = r), answer(() => c.defenceSlot !== undefined)), { validator: (r) => c.validateDefence(r) });
  }
  setHandler(
    msg.fileOpinion,
    (r) => {
      c.opinions.push({ as: r.as, actorId: r.actor.id, opinion: r.opinion, filedAt: now() });
      return filings(async () => {
        await record(c, 'defence', { actorId: r.actor.id, action: `file-opinion-${r.as}`, note: r.opinion, close: c.log.keysOf(`exit-opinion-${r.as}`) });
        return c.stage;
      });
    },
    { validator: (r) => c.validateOpinion(r) },
  );
  setHandler(msg.dismiss, async (r) => ((c.dismissSlot = r), answer(() => true)), { validator: (r) => c.validateDismiss(r) });
  setHandler(msg.draftPlan, async (r) => ((c.planSlot = r), answer(() => c.planSlot !== undefined)), { validator: (r) => c.validatePlanDraft(r) });
  setHandler(msg.reviewPlan, async (r) => ((c.planReviewSlot = r), answer(() => c.planReviewSlot !== undefined)), { validator: (r) => c.validatePlanReview(r) });
  setHandler(committeeDecided, (r) => {
    c.committeeResults[r.meetingId] = r;
  });
  setHandler(msg.decide, async (r) => ((c.decisionSlot = r), answer(() => c.decisionSlot !== undefined)), { validator: (r) => c.validateDecision(r) });
  setHandler(
    recomputeDeadlines,
    async (r) => {
      const moved = await recountBook(c.book);
      if (moved.length) {
        await record(c, c.stage, { actorId: r.actor.id, action: 'recompute-deadlines', note: r.reason, retime: retimeFor(c.log.pendingTasks, moved), detail: { moved } });
      }
      return { stage: c.stage, moved };
    },
    { validator: (r) => validateRecompute(r, c.final) },
  );
  setHandler(msg.appeal, async (r) => ((c.appealSlot = r), answer(() => c.appealSlot !== undefined)), { validator: (r) => c.validateAppeal(r) });

  setHandler(
    msg.extendDeadline,
    (r) =>
      extensions(async () => {
        const purpose = c.extensionTarget(r);
        const moved = await extendIfUnchanged(c.book, purpose, r.workingDays);
        if (!moved || c.final || c.ending) throw conflict('refusal.extension-raced', { deadline: purpose });
        const retime = retimeFor(c.log.pendingTasks.filter((t) => t.kind === purpose), [moved]);
        await record(c, c.stage, { actorId: r.actor.id, action: 'extend-deadline', note: r.reason, retime, detail: { ...moved, workingDays: r.workingDays } });
        return c.stage;
      }),
    { validator: (r) => c.validateExtend(r) },
  );

  setHandler(
    msg.reassign,
    async (r) => {
      await record(c, c.stage, c.log.reassignment(r.taskKey, r.assigneeId, r.actor.id, r.reason));
      return c.stage;
    },
    { validator: (r) => c.validateReassign(r) },
  );

  // The stages stop wherever they are; the workflow records the cancellation and tells the membership.
  setHandler(
    msg.cancel,
    async (r) => {
      c.ending = { actorId: r.actor.id, reason: r.reason };
      lifecycle.cancel();
      await condition(() => c.endRecorded);
      return c.stage;
    },
    { validator: (r) => c.validateCancel(r) },
  );
  return { settled: () => filings(async () => undefined) };
}
