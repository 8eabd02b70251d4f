import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { log, seconds } from './log';
import { accepts, freePort } from './ports';
import { canRun, run } from './run';
import { stopProcess } from './stop-process';
import { JVM_FLAGS, MAIN_CLASS, testServerPom, wrapperScript } from './test-server-files';
import { toolsDir } from './paths';

export const TEST_SERVER_VERSION = '1.38.0';

export function testServerDir(): string {
  return join(toolsDir(), 'temporal-test-server');
}

export type TestServerSource = 'TEMPORAL_TEST_SERVER_PATH' | 'cache' | 'maven';

/**
 * Path of an executable that starts Temporal's Java time-skipping test server, for
 * `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
 */
export async function ensureTimeSkippingServer(): Promise<string> {
  return (await resolveTimeSkippingServer()).path;
}

/** `TEMPORAL_TEST_SERVER_PATH` overrides; otherwise Maven fetches the jars into the cache once. */
export async function resolveTimeSkippingServer(): Promise<{ path: string; source: TestServerSource }> {
  const override = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (override) {
    const path = resolve(override);
    if (!(await isExecutable(path))) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${override} is not an executable file`);
    return { path, source: 'TEMPORAL_TEST_SERVER_PATH' };
  }
  const dir = testServerDir();
  const path = join(dir, 'bin', 'temporal-test-server');
  if ((await installedVersion(dir)) === TEST_SERVER_VERSION && (await isExecutable(path))) return { path, source: 'cache' };
  building ??= build(dir).finally(() => (building = undefined));
  await building;
  return { path, source: 'maven' };
}

// One Maven run per process, however many callers ask at once.
let building: Promise<void> | undefined;

async function build(dir: string): Promise<void> {
  for (const tool of ['java', 'mvn']) {
    if (!(await canRun(tool, ['-version']))) {
      throw new Error(
        `The time-skipping test server needs ${tool} (Java 17+ and Maven): install them, or set ` +
          'TEMPORAL_TEST_SERVER_PATH to a temporal-test-server executable.',
      );
    }
  }
  await mkdir(toolsDir(), { recursive: true });
  const scratch = await mkdtemp(join(toolsDir(), '.test-server-build-'));
  const started = performance.now();
  log(`fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven…`);
  try {
    await writeFile(join(scratch, 'pom.xml'), testServerPom(TEST_SERVER_VERSION));
    await run('mvn', ['-q', '-B', '-Dstyle.color=never', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'], {
      cwd: scratch,
    });
    await mkdir(join(scratch, 'bin'));
    await writeFile(join(scratch, 'bin', 'temporal-test-server'), wrapperScript(TEST_SERVER_VERSION));
    await chmod(join(scratch, 'bin', 'temporal-test-server'), 0o755);
    await writeFile(join(scratch, 'VERSION'), `${TEST_SERVER_VERSION}\n`);
    await chmod(scratch, 0o755);
    // Swapped in whole, so a concurrent reader sees either no server or a complete one.
    await rm(dir, { recursive: true, force: true });
    const lostTheRace = await rename(scratch, dir).then(
      () => false,
      async (err: unknown) => {
        if ((await installedVersion(dir)) === TEST_SERVER_VERSION) return true;
        throw err;
      },
    );
    if (lostTheRace) return;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await trainClassDataSharing(dir);
  log(`time-skipping test server ready in ${dir} (${seconds(started)})`);
}

/**
 * Records the classes the server loads at start into a CDS archive that the wrapper then maps
 * in: `createTimeSkipping()` drops from about 0.9 s to 0.5 s here, further inside the SDK's fixed
 * 5 s start window when several test files start servers at once. Done in place because JDK 17
 * archives are tied to the class path they were made with. Optional: the wrapper runs without it.
 */
async function trainClassDataSharing(dir: string): Promise<void> {
  const archive = join(dir, 'app.jsa');
  const port = await freePort();
  const child = spawn('java', [`-XX:ArchiveClassesAtExit=${archive}.tmp`, ...JVM_FLAGS, '-cp', join(dir, 'lib', '*'), MAIN_CLASS, String(port)], {
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 300 && child.exitCode === null && !(await accepts('127.0.0.1', port)); i++) await delay(50);
  } finally {
    await stopProcess(child);
  }
  await rename(`${archive}.tmp`, archive).catch(() => log('could not record a CDS archive; the test server will start a little slower'));
}

async function installedVersion(dir: string): Promise<string | undefined> {
  return readFile(join(dir, 'VERSION'), 'utf8').then(
    (v) => v.trim(),
    () => undefined,
  );
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
