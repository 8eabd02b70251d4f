// The workflows publish search attributes; a worker refuses a namespace that lacks them (every
// case's workflow task would fail on it), naming the command that registers them.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Connection } from '@temporalio/client';
import { expect, test } from 'vitest';
import { freePort, startDevServer } from '../../scripts/temporal/cli';
import { missingSearchAttributes } from '../../worker/search-attributes';
import { connectDevServer } from '../support/temporal-env';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

test('the shared dev server has every search attribute the workflows publish', async () => {
  const dev = await connectDevServer();
  try {
    expect(await missingSearchAttributes(dev.client.connection as Connection, 'default')).toEqual([]);
  } finally {
    await dev.close();
  }
});

test('a worker refuses a server without the search attributes and says how to register them', async () => {
  const server = await startDevServer({ port: await freePort(), searchAttributes: [], logLevel: 'error' });
  try {
    const dir = await mkdtemp(join(tmpdir(), 'tl-worker-'));
    const run = promisify(execFile)(join(repoRoot, 'node_modules/.bin/tsx'), ['worker/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, TEMPORAL_ADDRESS: server.address, DATABASE_URL: `file:${join(dir, 'app.db')}`, LOG_LEVEL: 'info' },
      timeout: 60_000,
    });
    const failed = await run.then(() => undefined, (err: { code?: number; stdout?: string }) => err);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('temporal operator search-attribute create --namespace default --name TlProcess --type Keyword');
    expect(failed?.stdout).not.toContain('worker running');
  } finally {
    await server.stop();
  }
}, 90_000);
