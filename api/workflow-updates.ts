// Sending a person's action to a case workflow as an update: the workflow's refusal becomes
// 403 / 409 / 400 (api/temporal-errors.ts). Every resource module acts through this.
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { runUpdate } from './temporal-errors';

// With an `updateId` (e.g. from an Idempotency-Key), Temporal runs the update once per workflow run:
// the same id again answers what the first one did.
export function workflowUpdates(temporal: Client) {
  return <R, A>(workflowId: string, update: UpdateDefinition<R, [A]>, request: A, updateId?: string): Promise<R> =>
    runUpdate(() => temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [request], ...(updateId ? { updateId } : {}) }));
}
