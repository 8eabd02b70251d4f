import { allHandlersFinished, CancellationScope, condition, isCancellation, patched, workflowInfo } from '@temporalio/workflow';
import { publishStage } from '../shared/search';
import { registerHandlers } from './handlers';
import { appealWindow, cancelled, committee, conclude, defence } from './stages';
import { committeeMeets, hearing } from './committee-stages';
import { ExitCase } from './state';
import type { DecisionRecord, ExitReviewInput, ExitStage } from '../../domain/exit/types';

/**
 * One exit review of a membership (DOMAIN §4): the talent is notified and may file a statement of
 * defence within the window; the committee decides exit / retain with an improvement plan /
 * dismiss; an adverse decision may be appealed once. Reviews started before the committee path
 * (saved histories) are decided by the authority alone. The outcome goes to the membership. An
 * administrator may cancel the review at any stage before its outcome: it ends without a decision
 * and the membership goes on.
 */
export async function exitReview(input: ExitReviewInput): Promise<{ stage: ExitStage; decision?: DecisionRecord }> {
  const c = new ExitCase(input, workflowInfo().workflowId);
  c.log.onMove = (stage) => publishStage({ process: 'exit', organisation: input.employerId }, stage);
  c.committeePath = input.version === 2 && patched('exit-committee');
  const lifecycle = new CancellationScope();
  const { settled } = registerHandlers(c, lifecycle);
  try {
    await lifecycle.run(() => (c.committeePath ? runCommittee(c, settled) : run(c)));
  } catch (err) {
    if (!(isCancellation(err) && c.ending)) throw err;
  }
  if (c.ending) await CancellationScope.nonCancellable(() => cancelled(c));
  else {
    c.concluding = true;
    await conclude(c);
  }
  c.closed = true;
  await condition(allHandlersFinished);
  return { stage: c.stage, ...(c.decision && !c.ending ? { decision: c.decision } : {}) };
}

async function run(c: ExitCase): Promise<void> {
  await committee(c, 'committee', await defence(c));
  if (c.decision!.decision !== 'dismiss' && c.appealRounds < c.input.rules.appealRounds) {
    const appealed = await appealWindow(c);
    if (appealed) await committee(c, 'appeal-review', appealed);
  }
}

async function runCommittee(c: ExitCase, settled: () => Promise<unknown>): Promise<void> {
  const heard = await hearing(c, settled);
  if (!heard) return;
  await committeeMeets(c, 1, heard);
  if (c.appealRounds < c.input.rules.appealRounds) {
    const appealed = await appealWindow(c);
    if (appealed) await committeeMeets(c, 2, appealed);
  }
}
