import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureWorkflowsPath } from '../fixtures/paths';
import type { sleepFor } from '../fixtures/workflows';
import { createTimeSkippingEnv, testDataConverter, uniqueId } from '../support/temporal-env';

const DAY_MS = 24 * 60 * 60 * 1000;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

test('a workflow sleeping 30 days finishes without waiting 30 days', async () => {
  const taskQueue = uniqueId('time-skipping');
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: fixtureWorkflowsPath, dataConverter: testDataConverter });
  const serverTimeBefore = await env.currentTimeMs();

  const wallStart = performance.now();
  // Time moves when the test moves it (see createTimeSkippingEnv): 30 days and a minute.
  const report = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<typeof sleepFor>('sleepFor', { args: [30], taskQueue, workflowId: uniqueId('sleep') });
    await env.sleep(30 * DAY_MS + 60_000);
    return handle.result();
  });
  const wallMs = performance.now() - wallStart;

  console.info(`30 simulated days in ${(wallMs / 1000).toFixed(1)} s`);
  expect(report.wokeAt - report.startedAt).toBeGreaterThanOrEqual(30 * DAY_MS);
  expect((await env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(30 * DAY_MS);
});
