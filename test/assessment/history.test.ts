// Years-long memberships keep a short history (DOMAIN §3): one run per cycle, continued as new
// with plain-JSON state, each run about as long as the one before.
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCycle } from './support/drive';
import { startAssessmentEnv, type AssessmentEnv } from './support/env';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
});
afterAll(async () => {
  await t?.stop();
});

/** A generous bound: a cycle needs about 150 events; a leak of state or handlers would show. */
const MAX_EVENTS_PER_RUN = 300;

it('a 5-cycle membership continues as new every cycle; no run’s history grows with the cycles', async () => {
  const [id] = await t.talents(1);
  const h = await t.admit({ talentId: id!, programmeId: 'chief-technician', intake: 'history-5' });
  const firstRunId = (await h.describe()).runId;
  for (const cycle of [1, 2, 3, 4, 5]) await runCycle(t, h, id!, cycle, 80 + cycle);
  const result = await h.result();
  expect(result.cycles.map((c) => c.score)).toEqual([8100, 8200, 8300, 8400, 8500]);

  // Walk the chain of runs from the first: each ends by continuing as new, the last by completing.
  const lengths: number[] = [];
  const ends: string[] = [];
  for (let runId: string | undefined = firstRunId; runId; ) {
    const history: temporal.api.history.v1.IHistory = await t.env.client.workflow.getHandle(h.workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    lengths.push(events.length);
    const last = events.at(-1)!;
    ends.push(last.workflowExecutionContinuedAsNewEventAttributes ? 'continued-as-new' : last.workflowExecutionCompletedEventAttributes ? 'completed' : String(last.eventType));
    runId = last.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  console.info(`history length per run of a 5-cycle membership: ${lengths.join(', ')}`);
  expect(ends).toEqual(['continued-as-new', 'continued-as-new', 'continued-as-new', 'continued-as-new', 'completed']);
  expect(Math.max(...lengths)).toBeLessThan(MAX_EVENTS_PER_RUN);
  // Every cycle does the same work: a run's length depends on how the worker batched its tasks,
  // not on how many cycles came before (the fifth also completes the term).
  for (const n of lengths.slice(1)) expect(n).toBeLessThanOrEqual(lengths[1]! * 1.25);
  const row = await t.db.membership.findFirstOrThrow({ where: { workflowId: h.workflowId } });
  expect(row).toMatchObject({ status: 'completed', cycleIndex: 5, termScore: 8300, trend: 'improving' });
}, 120_000);
