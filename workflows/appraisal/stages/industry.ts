// Industry evaluation (行业评价), required input on tracks that say so (绿色通道).
import { now, record, reviewerWait, startDeadline } from '../deadlines';
import type { AppraisalCase } from '../state';
import type { Cause } from './cause';

export async function industryEvaluation(c: AppraisalCase, cause: Cause): Promise<Cause> {
  const industry = { role: 'industry' as const };
  const dueAt = await startDeadline(c, 'industry-evaluation', c.pinned.deadlines.industryEvaluationDays);
  await record(
    c,
    c.move('industry-evaluation', {
      ...cause,
      open: [c.task('industry-evaluation', 'industry', {}, dueAt)],
      mails: [{ eventKey: 'task', to: industry, template: 'task-assigned', data: { caseId: c.caseId, kind: 'industry-evaluation', dueAt } }],
    }, now()),
  );
  c.formalDecision = undefined;
  await reviewerWait(c, () => c.industryEvaluation !== undefined, industry);
  // The slot is cleared once the committee stage has opened.
  const { actor, score, opinion } = c.industryEvaluation!;
  return { actorId: actor.id, action: 'industry-evaluated', note: opinion, detail: { score } };
}
