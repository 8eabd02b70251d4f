import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { ActivityDeps } from '../activities/deps';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerParams extends ActivityDeps {
  connection: NativeConnection;
  namespace?: string;
  /** Tests pass a prebuilt bundle and `maxCachedWorkflows: 0` so every task replays. */
  options?: Partial<WorkerOptions>;
}

export function createWorker({ connection, namespace, options, ...deps }: WorkerParams): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: namespace ?? 'default',
    taskQueue: deps.taskQueue,
    activities: createActivities(deps),
    ...(options?.workflowBundle ? {} : { workflowsPath }),
    ...options,
  });
}
