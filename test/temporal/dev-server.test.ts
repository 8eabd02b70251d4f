import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Worker, bundleWorkflowCode } from '@temporalio/worker';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, expect, inject, test } from 'vitest';
import { freePort, startDevServer } from '../../scripts/temporal/cli';
import type { DevServer } from '../../scripts/temporal/cli';
import { TlProcess } from '../../scripts/temporal/search-attributes';
import { fixtureWorkflowsPath } from '../fixtures/paths';
import { release, status } from '../fixtures/workflows/messages';
import type { waitForRelease } from '../fixtures/workflows';
import { connectDevServer, testDataConverter, uniqueId } from '../support/temporal-env';
import type { DevServerConnection } from '../support/temporal-env';

let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({ workflowsPath: fixtureWorkflowsPath, logger: new DefaultLogger('WARN') });
});

// maxCachedWorkflows: 0 makes every workflow task replay its history from the server.
const createWorker = (conn: DevServerConnection, taskQueue: string) =>
  Worker.create({ connection: conn.nativeConnection, taskQueue, workflowBundle, maxCachedWorkflows: 0, dataConverter: testDataConverter });

test('a workflow runs on the shared dev server and is searchable by a project search attribute', async () => {
  const conn = await connectDevServer();
  try {
    const taskQueue = uniqueId('dev-server');
    const processKey = uniqueId('process');
    const worker = await createWorker(conn, taskQueue);
    const result = await worker.runUntil(async () => {
      const handle = await conn.client.workflow.start<typeof waitForRelease>('waitForRelease', {
        taskQueue,
        workflowId: uniqueId('release'),
        typedSearchAttributes: [{ key: TlProcess, value: processKey }],
      });
      await expect.poll(() => countWorkflows(conn, `TlProcess = '${processKey}'`), { timeout: 10_000 }).toBe(1);
      await handle.signal(release, 'go');
      return await handle.result();
    });
    expect(result).toBe('released: go');
  } finally {
    await conn.close();
  }
});

test('a dev server refuses to start on a port that is already serving', async () => {
  const port = Number(inject('temporalAddress').split(':').pop());
  await expect(startDevServer({ port, logLevel: 'error' })).rejects.toThrow(/is not available/);
});

test('a workflow waiting on a signal survives a restart of a persisted dev server', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tl-temporal-'));
  const options = { port: await freePort(), dbFilename: join(dir, 'temporal.db'), logLevel: 'error' as const };
  const taskQueue = uniqueId('persisted');
  const workflowId = uniqueId('release');
  let server: DevServer | undefined = await startDevServer(options);
  let conn: DevServerConnection | undefined;
  try {
    conn = await connectDevServer(server.address);
    const first = await createWorker(conn, taskQueue);
    await first.runUntil(async () => {
      const handle = await conn!.client.workflow.start<typeof waitForRelease>('waitForRelease', { taskQueue, workflowId });
      await expect.poll(() => handle.query(status), { timeout: 10_000 }).toBe('waiting');
    });
    await conn.close();
    await server.stop();

    server = await startDevServer(options);
    conn = await connectDevServer(server.address);
    const second = await createWorker(conn, taskQueue);
    const result = await second.runUntil(async () => {
      const handle = conn!.client.workflow.getHandle(workflowId);
      await handle.signal(release, 'after restart');
      return await handle.result();
    });
    expect(result).toBe('released: after restart');
  } finally {
    await conn?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

async function countWorkflows(conn: DevServerConnection, query: string): Promise<number> {
  return (await conn.client.workflow.count(query)).count;
}
