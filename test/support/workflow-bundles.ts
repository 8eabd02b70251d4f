// The workflow bundles the test files' workers load. Webpack takes 5–10 s per bundle and every
// file that starts a worker used to make its own: test/global-setup.ts now builds each bundle once
// per run into a folder, and the files' workers load it from there (Worker's `codePath`).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundlePath } from '@temporalio/worker';
import { inject } from 'vitest';
import { workflowsPath } from '../../worker/create-worker';
import { committeeFixturesPath } from '../fixtures/committee/paths';

/** What is bundled: the application's workflows, and the committee tests' meeting plus stand-in case. */
const ENTRIES = { app: workflowsPath, committee: committeeFixturesPath };
export type BundleName = keyof typeof ENTRIES;

const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} } as never;

/** Bundles every entry into a new temp folder (for test/global-setup.ts); `remove()` deletes it. */
export async function buildWorkflowBundles(): Promise<{ paths: Record<BundleName, string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tl-workflow-bundles-'));
  const paths = {} as Record<BundleName, string>;
  for (const [name, entry] of Object.entries(ENTRIES) as [BundleName, string][]) {
    const { code } = await bundleWorkflowCode({ workflowsPath: entry, logger: quietLogger });
    paths[name] = join(dir, `${name}.js`);
    await writeFile(paths[name], code);
  }
  return { paths, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The run's bundle of `name`, for `Worker.create({ workflowBundle })` or `Worker.runReplayHistories`. */
export function workflowBundle(name: BundleName = 'app'): WorkflowBundlePath {
  return { codePath: inject('workflowBundles')[name] };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Paths of the run's workflow bundles (see test/support/workflow-bundles.ts). */
    workflowBundles: Record<BundleName, string>;
  }
}
