// A throw-away PostgreSQL cluster from Debian's packages, for tests and for creating migrations:
// a fresh initdb in a directory of the caller's choosing, trust auth, TCP on 127.0.0.1 only.
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const debianRoot = '/usr/lib/postgresql';
const isRoot = () => process.getuid?.() === 0;

export type PostgresInstall = { binDir: string; reason?: undefined } | { binDir: null; reason: string };

function findBinDir(): string | null {
  const usable = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (process.env.PG_BIN_DIR) return usable(process.env.PG_BIN_DIR) ? process.env.PG_BIN_DIR : null;
  if (!existsSync(debianRoot)) return null;
  const versions = readdirSync(debianRoot).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(debianRoot, v, 'bin')).find(usable) ?? null;
}

function hasAptGet(): boolean {
  return ['/usr/bin/apt-get', '/bin/apt-get'].some(existsSync);
}

/** Finds the server binaries; as root with apt-get, installs Debian's `postgresql` when missing. */
export async function ensurePostgresInstalled(): Promise<PostgresInstall> {
  const found = findBinDir();
  if (found) return { binDir: found };
  if (process.env.PG_BIN_DIR) return { binDir: null, reason: `PG_BIN_DIR=${process.env.PG_BIN_DIR} has no initdb/pg_ctl` };
  if (!isRoot() || !hasAptGet()) {
    return {
      binDir: null,
      reason: `no PostgreSQL server under ${debianRoot}/*/bin, and cannot install it (needs root and apt-get): install the "postgresql" package or set PG_BIN_DIR`,
    };
  }
  console.error('[postgres] installing Debian package "postgresql"…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update'], { env, maxBuffer: 64 << 20 });
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env, maxBuffer: 64 << 20 });
  } catch (error) {
    const e = error as { message: string; stderr?: string };
    return { binDir: null, reason: `apt-get install postgresql failed: ${e.stderr?.trim().split('\n').at(-1) ?? e.message}` };
  }
  const installed = findBinDir();
  return installed ? { binDir: installed } : { binDir: null, reason: `postgresql installed, but no ${debianRoot}/*/bin/initdb` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('no "postgres" OS user: initdb refuses to run as root, and there is no one else to run it');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface LocalPostgres {
  /** Superuser URL of the cluster's `postgres` database on 127.0.0.1. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * initdb's a fresh cluster in `dataDir` (empty or absent) and starts it. As root the server runs as
 * the postgres user, so `dataDir`'s parent folders must be traversable by that user (a mkdtemp
 * folder itself is fine: it is handed over).
 */
export async function startLocalPostgres(options: { dataDir: string; port?: number }): Promise<LocalPostgres> {
  const install = await ensurePostgresInstalled();
  if (!install.binDir) throw new Error(install.reason);
  const { binDir } = install;
  const { dataDir } = options;
  // The server refuses to run as root: as root, run every binary as the postgres user.
  const pgArgs = (bin: string, args: string[]): [string, string[]] =>
    isRoot() ? ['runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]] : [join(binDir, bin), args];
  const pg = (bin: string, args: string[]) => run(...pgArgs(bin, args));

  mkdirSync(dataDir, { recursive: true });
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dataDir, uid, gid);
  }
  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);

  const port = options.port ?? (await freePort());
  // Durability is pointless for a throw-away cluster; TCP on loopback only, no Unix socket.
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ''`,
      'max_connections = 200',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  const log = join(dataDir, 'server.log');
  try {
    await pg('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '60', 'start']);
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-10).join('\n') : '';
    throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${tail}`);
  }

  // If the process exits without calling stop(), do not leave a server running.
  const stopNow = () => {
    try {
      const [cmd, args] = pgArgs('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  };
  process.once('exit', stopNow);
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', stopNow);
        await pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      })()),
  };
}
