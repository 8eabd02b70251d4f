import { CancellationScope, condition, allHandlersFinished, isCancellation, patched, workflowInfo } from '@temporalio/workflow';
import { publishStage } from '../shared/search';
import { now, record } from './deadlines';
import { registerHandlers } from './handlers';
import { committeeAndResult } from './stages/committee';
import { employerStage, progress } from './stages/employer';
import { formalReview } from './stages/formal-review';
import { industryEvaluation } from './stages/industry';
import { intake } from './stages/intake';
import { AppraisalCase } from './state';
import type { AppraisalInput, Stage } from '../../domain/appraisal/types';

export const ONE_DEADLINE_ENGINE = 'one-deadline-engine';

/**
 * One application for a professional title, from submission to certificate (DOMAIN §1). The
 * track's data (pinned at the start) decides channels, entry predicates, deadlines, whether
 * industry evaluation is needed and how the committee is convened.
 */
export async function titleAppraisal(input: AppraisalInput): Promise<{ stage: Stage }> {
  const c = new AppraisalCase(input, workflowInfo().workflowId);
  // Cases started before the appraisal moved onto the one deadline engine ask for their reminder
  // instants the way they did then; deprecate once none of them is running.
  c.legacyDeadlines = !patched(ONE_DEADLINE_ENGINE);
  c.log.onMove = (stage) => publishStage({ process: 'appraisal', track: input.track, series: input.series, organisation: input.employerId }, stage);
  const lifecycle = new CancellationScope();
  registerHandlers(c, lifecycle);
  try {
    await lifecycle.run(() => run(c));
  } catch (err) {
    if (!(isCancellation(err) && c.ending)) throw err;
    const { stage, actorId, reason } = c.ending;
    await CancellationScope.nonCancellable(() =>
      record(c, c.move(stage, { actorId, action: stage === 'withdrawn' ? 'withdraw' : 'cancel', note: reason, status: stage, mails: [progress(c, stage, reason)] }, now())),
    );
  }
  c.closed = true;
  await condition(allHandlersFinished);
  return { stage: c.stage };
}

async function run(c: AppraisalCase): Promise<void> {
  if (!(await intake(c))) return;
  if (!(await employerStage(c))) return;
  let cause = await formalReview(c);
  if (!cause) return;
  if (c.pinned.track.requiresIndustryEvaluation) cause = await industryEvaluation(c, cause);
  await committeeAndResult(c, cause);
}
