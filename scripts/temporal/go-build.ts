import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { log, seconds } from './log';
import { canRun, run } from './run';

// v1.5.1 is the newest tag that `go install module@version` builds from the module proxy.
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/**
 * Builds the Temporal CLI from the Go module proxy into `dest`, the way its releases are built
 * (static, stripped, version stamped). Builds into a scratch folder beside `dest` and renames, so
 * two concurrent builds (say `npm start` and `npm test`) never leave a half-written binary.
 */
export async function goBuildTemporalCli(dest: string): Promise<void> {
  if (!(await canRun('go', ['version']))) {
    throw new Error(
      'The Temporal CLI could not be downloaded and Go is not installed to build it. ' +
        'Install Go (>= 1.25), put `temporal` on PATH, or set TEMPORAL_CLI_PATH.',
    );
  }
  await mkdir(dirname(dest), { recursive: true });
  const scratch = await mkdtemp(join(dirname(dest), '.go-build-'));
  const started = performance.now();
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (3 to 6 minutes, once)…`);
  // A silent five-minute step looks like a hang.
  const progress = setInterval(() => log(`still building the Temporal CLI (${seconds(started)})…`), 60_000);
  try {
    const version = TEMPORAL_CLI_VERSION.replace(/^v/, '');
    await run('go', ['install', '-trimpath', `-ldflags=-s -w -X github.com/temporalio/cli/temporalcli.Version=${version}`, `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      cwd: scratch,
      env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' },
    });
    await rename(join(scratch, 'temporal'), dest);
    log(`built ${dest} in ${seconds(started)}`);
  } finally {
    clearInterval(progress);
    await rm(scratch, { recursive: true, force: true });
  }
}
