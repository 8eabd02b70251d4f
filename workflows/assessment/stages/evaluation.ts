// 结果评价: the employer (用人单位主体地位), an industry body and an expert evaluate in parallel,
// each within their own working-day deadline, reminded before it and escalated after it.
import { condition } from '@temporalio/workflow';
import { startDeadline, waitUntilDue } from '../../shared/deadline-book';
import { now } from '../../shared/clock';
import type { Recipient } from '../../../domain/transition';
import { acts, record } from '../activities';
import { EVALUATORS, type Evaluator } from '../../../domain/assessment/policy';
import type { AssessmentCase } from '../state';
import { escalate, reminding } from '../waits';
import { endDeadline } from '../../../domain/deadlines';

const DAYS = { employer: 'employerEvaluationDays', industry: 'industryEvaluationDays', expert: 'expertEvaluationDays' } as const;

export async function evaluation(c: AssessmentCase): Promise<void> {
  const { m } = c;
  const { expertId } = await acts.assignAssessmentExpert({ series: m.series, talentId: m.talentId, employerId: m.employerId, membershipId: m.membershipId, cycle: c.cycle, at: now() });
  c.expertId = expertId;
  const to: Record<Evaluator, Recipient> = {
    employer: { role: 'employer', organisationId: m.employerId },
    industry: { role: 'industry' },
    expert: expertId ? { userId: expertId } : { role: 'expert' },
  };
  const open = [];
  for (const e of EVALUATORS) {
    const due = await startDeadline(c.book, `evaluation-${e}`, c.pinned.policy.deadlines[DAYS[e]]);
    open.push(c.log.task(`evaluation-${e}`, e, e === 'employer' ? { org: m.employerId } : e === 'expert' && expertId ? { userId: expertId } : {}, due.dueAt));
  }
  const filer = c.selfReportSlot!;
  await record(
    c,
    c.log.move('evaluation', {
      actorId: filer.actor.id,
      action: 'open-evaluation',
      open,
      detail: { ...(expertId ? { expertId } : {}), ...(c.followUpDue ? { followUp: c.followUp } : {}) },
      mails: open.map((t, i) => ({ eventKey: `task-${EVALUATORS[i]}`, to: to[EVALUATORS[i]!], template: 'task-assigned', data: { caseId: m.membershipId, kind: t.kind, dueAt: t.dueAt ?? '' } })),
    }, now()),
  );
  // The self-report is answered now that the evaluations are open.
  c.selfReportSlot = undefined;
  await Promise.all(EVALUATORS.map((e) => evaluator(c, e, to[e])));
}

async function evaluator(c: AssessmentCase, e: Evaluator, to: Recipient): Promise<void> {
  const purpose = `evaluation-${e}`;
  const done = () => c.evaluationSlots[e] !== undefined;
  if ((await waitUntilDue(c.book, purpose, done, reminding(c, to))) === 'due') {
    await escalate(c, purpose);
    await condition(done);
  }
  endDeadline(c.book, purpose);
  const r = c.evaluationSlots[e]!;
  c.evaluations[e] = { actorId: r.actor.id, scores: r.scores, opinion: r.opinion, ...(r.followUp ? { followUp: r.followUp } : {}) };
  await record(
    c,
    c.log.move('evaluation', {
      actorId: r.actor.id,
      action: `evaluate-${e}`,
      note: r.opinion,
      close: c.log.keysOf(purpose, `escalation-${purpose}`),
      detail: { scores: r.scores, ...(r.followUp ? { followUp: r.followUp } : {}) },
    }, now()),
  );
  c.evaluationSlots[e] = undefined;
}
