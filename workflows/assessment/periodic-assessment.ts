import { allHandlersFinished, CancellationScope, condition, continueAsNew, isCancellation, workflowInfo } from '@temporalio/workflow';
import { now } from '../shared/clock';
import { publishStage } from '../shared/search';
import { acts, record } from './activities';
import { registerHandlers } from './handlers';
import { longTermView } from '../../domain/assessment/scoring';
import { evaluation } from './stages/evaluation';
import { afterGrade, grading } from './stages/grading';
import { runningPeriod, selfReport } from './stages/self-report';
import { AssessmentCase } from './state';
import type { AssessmentInput, CycleSummary, Stage } from '../../domain/assessment/types';
import { emptyBook } from '../../domain/deadlines';

/**
 * One programme membership (DOMAIN §3), one cycle per run: the cycle runs its course, the talent
 * reports, three evaluators score, the cohort is graded, then the workflow continues as new
 * with plain-JSON state, so a years-long membership keeps a short history. The term's last
 * cycle ends it (completed); an exit review's exit decision ends it at any point (exited), and
 * so does a death report, without review (closed).
 */
export async function periodicAssessment(input: AssessmentInput): Promise<{ stage: Stage; cycles: CycleSummary[] }> {
  const c = new AssessmentCase(input, workflowInfo().workflowId);
  c.log.onMove = (stage) => publishStage({ process: 'assessment', series: c.m.series, organisation: c.m.employerId }, stage);
  const lifecycle = new CancellationScope();
  registerHandlers(c, lifecycle);
  let next: 'next-cycle' | 'completed' | undefined;
  try {
    next = await lifecycle.run(async () => {
      if (!input.carried) await admit(c);
      return runCycle(c);
    });
  } catch (err) {
    if (!(isCancellation(err) && c.stopping)) throw err;
  }
  if (next === 'next-cycle' && !c.stopping) {
    // No update or signal is lost at the boundary: those in flight finish in this run.
    await condition(allHandlersFinished);
    if (!c.stopping) await continueAsNew<typeof periodicAssessment>(c.carry({ cycle: c.cycle + 1, cycleStart: c.windowOpensAt! }));
  }
  if (c.ending) await CancellationScope.nonCancellable(() => exited(c));
  else if (c.closing) await CancellationScope.nonCancellable(() => closedByReport(c));
  c.closed = true;
  await condition(allHandlersFinished);
  return { stage: c.stage, cycles: c.past };
}

/** Pins the policy, the scoring standard and the grading rules in force at admission. */
async function admit(c: AssessmentCase): Promise<void> {
  const { m } = c;
  const rules = await acts.loadAssessmentRules({ programmeId: m.programmeId, series: m.series, level: m.level, at: m.admittedAt });
  c.rules = rules;
  const pinned = { policyVersion: rules.policyVersion, standardId: rules.standard.id, programmeStandardVersion: rules.grading.version };
  await acts.recordMembershipTransition(
    c.log.move('admitted', {
      actorId: m.admittedBy,
      action: 'admit',
      detail: { ...pinned, cycle: 0, cycleMonths: rules.cycle.cycleMonths, termCycles: rules.cycle.termCycles },
      mails: [{ eventKey: 'admitted', to: { userId: m.talentId }, template: 'membership-admitted', data: { caseId: m.membershipId, programmeId: m.programmeId, cycles: String(rules.cycle.termCycles), months: String(rules.cycle.cycleMonths) } }],
    }, m.admittedAt),
    pinned,
  );
}

async function runCycle(c: AssessmentCase): Promise<'next-cycle' | 'completed'> {
  await runningPeriod(c);
  const assessed = await selfReport(c);
  if (assessed) await evaluation(c);
  await grading(c, assessed);
  await afterGrade(c);
  if (c.cycle < c.pinned.cycle.termCycles) return 'next-cycle';
  await termEnd(c);
  return 'completed';
}

/** The long-term view at the term's end; a running exit review decides first. */
async function termEnd(c: AssessmentCase): Promise<void> {
  c.termEnded = true;
  await condition(() => !c.exitReview);
  const { grading, policy } = c.pinned;
  const view = longTermView(c.past, { trendThreshold: policy.trendThreshold, boundaries: grading.boundaries }, true);
  const at = now();
  await acts.recordMembershipTransition(
    c.log.move('completed', {
      actorId: 'system',
      action: 'complete-term',
      status: 'completed',
      close: 'all',
      detail: { ...view, cycles: c.past },
      mails: [{ eventKey: 'term', to: { userId: c.m.talentId }, template: 'assessment-term-result', data: { caseId: c.m.membershipId, programmeId: c.m.programmeId, grade: view.termGrade!, score: ((view.meanScore ?? 0) / 100).toFixed(2), trend: view.trend ?? 'stable' } }],
    }, at),
    { termScore: view.meanScore ?? null, termGrade: view.termGrade!, ...(view.trend ? { trend: view.trend } : {}), endedAt: at, outcome: 'term-completed' },
  );
  c.endRecorded = true;
}

/** The exit review decided to exit: every open task closes and the workflow ends. */
async function exited(c: AssessmentCase): Promise<void> {
  c.book = emptyBook();
  await record(c, c.log.move('exited', { actorId: 'exit-review', action: 'exit', status: 'exited', close: 'all', detail: { n: c.ending!.n, decidedAt: c.ending!.at } }, now()));
}

/** The talent died (a supervision report): every open task closes and the membership ends without review. */
async function closedByReport(c: AssessmentCase): Promise<void> {
  const { reportId, actorId, at } = c.closing!;
  c.book = emptyBook();
  await acts.recordMembershipTransition(
    c.log.move('closed', { actorId, action: 'close', status: 'closed', close: 'all', detail: { reportId, outcome: 'death' } }, at),
    { endedAt: at, outcome: 'death' },
  );
  c.endRecorded = true;
}
