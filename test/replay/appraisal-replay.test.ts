// Every saved history of the appraisal and its committee meetings must replay on the current
// workflow code: a change that would break a running case fails here (then use patched()).
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { savedHistories } from '../support/histories';
import { testDataConverter } from '../support/temporal-env';
import { workflowBundle } from '../support/workflow-bundles';

describe('saved histories replay on the current code', () => {
  it.each(['appraisal-', 'meeting-'])('%s*', async (prefix) => {
    const histories = await savedHistories(prefix);
    expect(histories.length).toBeGreaterThan(0);
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: workflowBundle(), dataConverter: testDataConverter }, histories)) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(histories.map((h) => [h.workflowId, undefined]));
  });
});
