// An S3-compatible server for development and tests: versitygw with its POSIX backend (a bucket
// is a folder). Found, cheapest first: VERSITYGW_PATH, `versitygw` on PATH, the project cache
// (.tools/bin), else built once from the Go module proxy into the cache (about a minute or two).
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { toolsDir } from '../temporal/paths';
import { log, seconds } from '../temporal/log';
import { accepts, freePort } from '../temporal/ports';
import { canRun, run } from '../temporal/run';
import { stopProcess } from '../temporal/stop-process';

export const VERSITYGW_MODULE = 'github.com/versity/versitygw/cmd/versitygw';
export const VERSITYGW_VERSION = 'v1.8.0';

const executable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

export const cachedVersitygwPath = () => join(toolsDir(), 'bin', 'versitygw');

let building: Promise<string> | undefined;

export async function resolveVersitygw(): Promise<string> {
  if (process.env.VERSITYGW_PATH) return resolve(process.env.VERSITYGW_PATH);
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (await executable(join(dir, 'versitygw'))) return join(dir, 'versitygw');
  }
  const cached = cachedVersitygwPath();
  if (await executable(cached)) return cached;
  return (building ??= goBuild(cached).finally(() => (building = undefined)));
}

/** Built in a scratch folder and renamed, so a stopped build leaves nothing half-written. */
async function goBuild(dest: string): Promise<string> {
  if (!(await canRun('go', ['version']))) throw new Error('versitygw is not installed and Go is not there to build it: install Go, or set VERSITYGW_PATH');
  await mkdir(dirname(dest), { recursive: true });
  const scratch = await mkdtemp(join(dirname(dest), '.go-build-'));
  const started = performance.now();
  log(`building versitygw ${VERSITYGW_VERSION} (an S3-compatible server) with Go, once…`);
  try {
    await run('go', ['install', '-trimpath', '-ldflags=-s -w', `${VERSITYGW_MODULE}@${VERSITYGW_VERSION}`], { cwd: scratch, env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' } });
    await rename(join(scratch, 'versitygw'), dest);
    log(`built ${dest} in ${seconds(started)}`);
    return dest;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Buckets are the root folder's sub-folders. */
  root: string;
  stop(): Promise<void>;
}

/** Starts versitygw on a free loopback port over `root`, with one root account. */
export async function startVersitygw(opts: { root: string; accessKeyId: string; secretAccessKey: string; port?: number }): Promise<S3Server> {
  const bin = await resolveVersitygw();
  const port = opts.port ?? (await freePort());
  await mkdir(opts.root, { recursive: true });
  const child: ChildProcess = spawn(bin, ['--access', opts.accessKeyId, '--secret', opts.secretAccessKey, '--port', `127.0.0.1:${port}`, 'posix', opts.root], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const until = performance.now() + 20_000;
  while (!(await accepts('127.0.0.1', port))) {
    if (child.exitCode !== null || performance.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`versitygw did not start on port ${port}: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint: `http://127.0.0.1:${port}`, accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey, root: opts.root, stop: () => stopProcess(child, 5_000) };
}
