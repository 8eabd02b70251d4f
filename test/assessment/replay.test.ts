// Every saved history of a membership and of an exit review must replay on the current workflow
// code: a change that would break a running membership (they run for years) fails here; then
// use patched(). Regenerate the histories with UPDATE_HISTORIES=1 only for a deliberate change.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { savedHistories } from '../support/histories';
import { testDataConverter } from '../support/temporal-env';
import { workflowBundle } from '../support/workflow-bundles';

describe('saved histories replay on the current code', () => {
  it.each(['assessment-', 'exit-'])('%s*', async (prefix) => {
    const histories = await savedHistories(prefix);
    expect(histories.length).toBeGreaterThan(1);
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: workflowBundle(), dataConverter: testDataConverter }, histories)) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(histories.map((h) => [h.workflowId, undefined]));
  });
});
