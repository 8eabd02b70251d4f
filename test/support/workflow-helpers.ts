// Small helpers for driving workflows in tests.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import { status } from '../../workflows/appraisal/messages';
import type { AppraisalStatus, Deadline, Stage } from '../../domain/appraisal/types';
import { sleepUntil } from './temporal-env';

/** Polls the `status` query until `ready` holds (activities run in real time, even when time skips). */
export async function waitForStatus(handle: WorkflowHandle, ready: (s: AppraisalStatus) => boolean, timeoutMs = 20_000): Promise<AppraisalStatus> {
  const until = performance.now() + timeoutMs;
  let last: AppraisalStatus | undefined;
  while (performance.now() < until) {
    last = await handle.query(status);
    if (ready(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`status never got ready; last: ${JSON.stringify(last && { stage: last.stage, tasks: last.pendingTasks, timeline: last.timeline.map((t) => t.action) })}`);
}

export const waitForStage = (handle: WorkflowHandle, stage: Stage, timeoutMs?: number) =>
  waitForStatus(handle, (s) => s.stage === stage, timeoutMs);

/** Skips the server's clock a minute past the case's running deadline for `purpose`, and returns it. */
export async function sleepPastDeadline(env: TestWorkflowEnvironment, handle: WorkflowHandle, purpose: string): Promise<Deadline> {
  const { deadline } = await waitForStatus(handle, (s) => s.deadline?.purpose === purpose);
  await sleepUntil(env, deadline!.dueAt);
  return deadline!;
}

/** Expects an update to be refused by the workflow's validator with this failure type. */
export async function expectRefused(call: Promise<unknown>, type: 'Forbidden' | 'Conflict' | 'InvalidRequest'): Promise<string> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected the update to be refused (${type})`).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(type);
  return (cause as ApplicationFailure).message;
}

export const actions = (s: AppraisalStatus) => s.timeline.map((t) => t.action);
