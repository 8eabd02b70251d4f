import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { assertPortFree } from './ports';
import { resolveTemporalCli } from './resolve-cli';
import { SEARCH_ATTRIBUTES, searchAttributeArgs } from './search-attributes';
import type { SearchAttributeSpec } from './search-attributes';
import { waitUntilServing } from './readiness';
import { stopProcess } from './stop-process';

export interface DevServerOptions {
  /** gRPC frontend port. Default 7233. */
  port?: number;
  /** Address to bind. Default 127.0.0.1. */
  ip?: string;
  /** SQLite file that keeps workflows across restarts; in memory when omitted. */
  dbFilename?: string;
  /** Serve the Web UI on `uiPort`; headless otherwise. Default false. */
  ui?: boolean;
  /** Default 8233. */
  uiPort?: number;
  /** Created at start if missing. Default `default`. */
  namespace?: string;
  /** Registered at every start. Default: the project's `SEARCH_ATTRIBUTES`. */
  searchAttributes?: readonly SearchAttributeSpec[];
  /** The server's own log level. Default `warn`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Receives each log line of the running server. Default: our stderr, prefixed. */
  onOutput?: (line: string) => void;
  /** A CLI binary to use instead of resolving one. */
  executable?: string;
  /** Default 30 s: a first start on a slow disk migrates the SQLite schema. */
  startTimeoutMs?: number;
}

export interface DevServer {
  /** host:port of the gRPC frontend. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid: number;
  /** Graceful (SIGTERM, so SQLite is closed cleanly), then SIGKILL after 10 s. Idempotent. */
  stop(): Promise<void>;
}

// On Linux the kernel's parent-death signal stops the server even when this process is killed
// with SIGKILL or crashes, so `npm start` can never leave an orphan holding port 7233.
const SETPRIV = '/usr/bin/setpriv';
const guardable = process.platform === 'linux' && existsSync(SETPRIV);

/**
 * Starts `temporal server start-dev` as a child process of this one.
 *
 * Spawned here rather than through the SDK's ephemeral-server machinery because a long-running
 * `npm start` needs what that does not give: a start timeout longer than its fixed 5 s, a refusal
 * to "start" when the port is already taken (its readiness probe would happily connect to the
 * old server), readiness that waits for the search attributes, and stopping with SIGTERM (it
 * SIGKILLs, which is harsh on a SQLite file) and on parent death.
 */
export async function startDevServer(opts: DevServerOptions = {}): Promise<DevServer> {
  const ip = opts.ip ?? '127.0.0.1';
  const port = opts.port ?? 7233;
  const uiPort = opts.uiPort ?? 8233;
  const namespace = opts.namespace ?? 'default';
  const searchAttributes = opts.searchAttributes ?? SEARCH_ATTRIBUTES;
  const onOutput = opts.onOutput ?? ((line: string) => process.stderr.write(`[temporal-server] ${line}\n`));
  const executable = opts.executable ?? (await resolveTemporalCli()).path;

  await assertPortFree(ip, port, 'Temporal gRPC');
  if (opts.ui) await assertPortFree(ip, uiPort, 'Temporal Web UI');
  const dbFilename = opts.dbFilename && resolve(opts.dbFilename);
  if (dbFilename) await mkdir(dirname(dbFilename), { recursive: true });

  const args = [
    'server', 'start-dev',
    '--ip', ip,
    '--port', String(port),
    '--log-level', opts.logLevel ?? 'warn',
    '--color', 'never',
    // The server would otherwise phone home for version news on every start.
    '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    ...(dbFilename ? ['--db-filename', dbFilename] : []),
    ...(opts.ui ? ['--ui-port', String(uiPort)] : ['--headless']),
    ...searchAttributeArgs(searchAttributes),
  ];
  const child = guardable
    ? spawn(SETPRIV, ['--pdeathsig', 'TERM', '--', executable, ...args], spawnOptions())
    : spawn(executable, args, spawnOptions());

  // Only the logs (stderr) of a running server are passed on: stdout holds just a banner that
  // repeats what the caller gets back, our readiness probe provokes "not healthy yet" errors,
  // and shutdown logs "context canceled" ones. Recent lines still go into a failed start's error.
  let forwarding = false;
  const recent: string[] = [];
  const keep = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  createInterface({ input: child.stdout }).on('line', keep);
  createInterface({ input: child.stderr }).on('line', (line) => {
    keep(line);
    if (forwarding) onOutput(line);
  });
  // The last safety net for a parent that exits normally without calling stop().
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  const stop = async () => {
    forwarding = false;
    process.off('exit', stopOnExit);
    await stopProcess(child);
  };

  const address = `${ip}:${port}`;
  try {
    await waitUntilServing(child, address, namespace, searchAttributes, opts.startTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    const output = recent.length ? `\n--- server output ---\n${recent.join('\n')}` : '';
    throw new Error(`Temporal dev server (${executable}) did not start: ${(err as Error).message}${output}`);
  }
  forwarding = true;
  return {
    address,
    namespace,
    uiUrl: opts.ui ? `http://${ip}:${uiPort}` : undefined,
    pid: child.pid!,
    stop,
  };
}

function spawnOptions() {
  return {
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    // With the parent-death guard, the server gets its own process group: a terminal's Ctrl-C
    // then reaches only the parent, which can let its workers drain before it stops the server.
    detached: guardable,
  };
}
