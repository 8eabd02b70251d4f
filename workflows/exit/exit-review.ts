import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { recomputeDeadlines, validateRecompute } from '../shared/calendar-messages';
import { recountBook } from '../shared/deadline-book';
import { publishStage } from '../shared/search';
import * as msg from './messages';
import { appealWindow, committee, conclude, defence, record } from './stages';
import { ExitCase } from './state';
import type { DecisionRecord, ExitReviewInput, ExitStage } from '../../domain/exit/types';
import { retimeFor } from '../../domain/deadlines';

/**
 * One exit review of a membership (DOMAIN §4): the talent is notified and may file a statement of
 * defence within the window; the committee decides exit / retain with an improvement plan /
 * dismiss; an adverse decision may be appealed once. The outcome goes to the membership.
 */
export async function exitReview(input: ExitReviewInput): Promise<{ stage: ExitStage; decision: DecisionRecord }> {
  const c = new ExitCase(input, workflowInfo().workflowId);
  c.log.onMove = (stage) => publishStage({ process: 'exit', organisation: input.employerId }, stage);
  registerHandlers(c);
  await committee(c, 'committee', await defence(c));
  if (c.decision!.decision !== 'dismiss' && c.appealRounds < input.rules.appealRounds) {
    const appealed = await appealWindow(c);
    if (appealed) await committee(c, 'appeal-review', appealed);
  }
  await conclude(c);
  c.closed = true;
  await condition(allHandlersFinished);
  return { stage: c.stage, decision: c.decision! };
}

/** Each action waits in its slot until the stage it leads to is on record, then answers with it. */
function registerHandlers(c: ExitCase) {
  setHandler(msg.status, () => c.status());
  const answer = async (waiting: () => boolean) => {
    await condition(() => !waiting() || c.endRecorded);
    return c.stage;
  };
  setHandler(msg.fileDefence, async (r) => ((c.defenceSlot = r), answer(() => c.defenceSlot !== undefined)), { validator: (r) => c.validateDefence(r) });
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
}
