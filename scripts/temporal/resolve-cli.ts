import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { goBuildTemporalCli } from './go-build';
import { toolsDir } from './paths';
import { sdkDownloadTemporalCli } from './sdk-download';

export type CliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'sdk-download' | 'go-build';

export interface ResolvedCli {
  path: string;
  source: CliSource;
}

/** Where the download or the Go build puts the CLI, and where later runs find it. */
export function cachedCliPath(): string {
  return join(toolsDir(), 'bin', process.platform === 'win32' ? 'temporal.exe' : 'temporal');
}

/**
 * Finds the Temporal CLI, cheapest first: an explicit path, one on PATH, the project cache, the
 * SDK's download (needs internet), and last a Go build from the module proxy (needs Go).
 * The last two fill the cache, so they happen once per machine.
 */
export async function resolveTemporalCli(): Promise<ResolvedCli> {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    const path = resolve(explicit);
    if (!(await isExecutable(path))) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return { path, source: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = await findOnPath('temporal');
  if (onPath) return { path: onPath, source: 'PATH' };

  const cached = cachedCliPath();
  if (await isExecutable(cached)) return { path: cached, source: 'cache' };
  filling ??= fillCache(cached).finally(() => (filling = undefined));
  return { path: cached, source: await filling };
}

// One download or build per process, however many callers ask at once.
let filling: Promise<CliSource> | undefined;

async function fillCache(dest: string): Promise<CliSource> {
  if (await sdkDownloadTemporalCli(dest)) return 'sdk-download';
  await goBuildTemporalCli(dest);
  return 'go-build';
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
