// Drives memberships the way their people would, and waits on the workflow's status query.
import type { WorkflowHandle } from '@temporalio/client';
import { systemClock } from '../../../domain/clock';
import { evaluate, status, submitSelfReport } from '../../../workflows/assessment/messages';
import { EVALUATORS, type Evaluator } from '../../../domain/assessment/policy';
import type { AssessmentStatus, Stage } from '../../../domain/assessment/types';
import { expert, hr, industry, talent, type AssessmentEnv } from './env';

/**
 * The status, or undefined. A query that reaches the time-skipping server while a run is
 * continuing as new can hang for over a minute there; a short deadline and another try avoid it.
 */
export const queryStatus = (h: WorkflowHandle): Promise<AssessmentStatus | undefined> =>
  h.client.withDeadline(systemClock().getTime() + 2_000, () => h.query(status)).catch(() => undefined);

/** Polls `status` until `ready` (activities run in real time, even when time skips). */
export async function waitForStatus(h: WorkflowHandle, ready: (s: AssessmentStatus) => boolean, timeoutMs = 30_000): Promise<AssessmentStatus> {
  const until = performance.now() + timeoutMs;
  let last: AssessmentStatus | undefined;
  while (performance.now() < until) {
    last = await queryStatus(h);
    if (last && ready(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`status never got ready; last: ${JSON.stringify(last && { stage: last.stage, cycle: last.cycle, tasks: last.pendingTasks, timeline: last.timeline.map((t) => t.action) })}`);
}

export const atCycle = (h: WorkflowHandle, cycle: number, stage: Stage) => waitForStatus(h, (s) => s.cycle.index === cycle && s.stage === stage);
export const actions = (s: AssessmentStatus) => s.timeline.map((t) => t.action);

/** Every criterion of the demo standard at `score`: the composite is then `score` exactly. */
export const uniform = (score: number) => ({ achievements: score, contribution: score, ethics: score });

export const selfReportOf = (talentId: string) => ({
  actor: talent(talentId),
  summary: '完成年度目标',
  milestones: [{ title: '关键技术攻关', status: 'met' as const, evidence: ['report.pdf'] }],
  outputs: [{ kind: 'patent' as const, title: '一种智能调度方法', evidence: ['patent.pdf'] }],
});

/**
 * Waits, in the database, until the member's run for `cycle` has recorded its start. Queries wait
 * for it: the time-skipping server can hold a query sent while a run continues as new for over a
 * minute, and time does not skip meanwhile.
 */
export async function cycleStarted(t: AssessmentEnv, h: WorkflowHandle, cycle: number): Promise<AssessmentStatus> {
  const id = h.workflowId.slice('assessment-'.length);
  const until = performance.now() + 30_000;
  for (;;) {
    const row = await t.db.membership.findUniqueOrThrow({ where: { id } });
    if (row.cycleIndex >= cycle) break;
    if (performance.now() > until) throw new Error(`cycle ${cycle} of ${id} never started; the membership is at ${row.stage}, cycle ${row.cycleIndex}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return waitForStatus(h, (x) => x.cycle.index === cycle && x.cycle.windowOpensAt !== undefined);
}

/** Skips to the member's assessment window of `cycle`. */
export async function openWindow(t: AssessmentEnv, h: WorkflowHandle, cycle: number): Promise<AssessmentStatus> {
  const s = await cycleStarted(t, h, cycle);
  await t.sleepUntil(s.cycle.windowOpensAt!);
  return atCycle(h, cycle, 'self-report');
}

export async function evaluateAll(h: WorkflowHandle, scores: Record<Evaluator, Record<string, number>>, extra: { followUp?: { met: boolean; note: string } } = {}): Promise<Stage[]> {
  const s = await h.query(status);
  const as = { employer: hr, industry, expert: expert(s.expertId ?? 'x-engineering-1') };
  const stages: Stage[] = [];
  for (const e of EVALUATORS) {
    stages.push(await h.executeUpdate(evaluate, { args: [{ actor: as[e], as: e, scores: scores[e], opinion: `${e} 评价意见`, ...(e === 'employer' ? extra : {}) }] }));
  }
  return stages;
}

/** One full cycle for a member whose evaluators all give `score` to every criterion. */
export async function runCycle(t: AssessmentEnv, h: WorkflowHandle, talentId: string, cycle: number, score: number): Promise<void> {
  await openWindow(t, h, cycle);
  await h.executeUpdate(submitSelfReport, { args: [selfReportOf(talentId)] });
  await evaluateAll(h, { employer: uniform(score), industry: uniform(score), expert: uniform(score) });
}
