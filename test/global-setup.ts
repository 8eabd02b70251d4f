import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startVersitygw } from '../scripts/s3/versitygw';
import { ensureWebBuild } from '../scripts/web/build';
import { systemClock } from '../domain/clock';
import { datePoint } from './support/date-matrix';
import { startTestPostgres } from './support/postgres-server';
import { startTestDevServer, timeSkippingServerPath } from './support/temporal-server';
import { buildWorkflowBundles } from './support/workflow-bundles';

// One PostgreSQL cluster, one Temporal dev server and one build of each workflow bundle for the
// whole run; each test file makes its own database / task queue / workflow ids on them, so files
// stay isolated.
export default async function setup(project: TestProject) {
  if (project.name === 'dates') {
    const p = datePoint(systemClock().getTime(), process.env.TL_DATE_POINT);
    console.log(`[dates] the long-process suites also run from ${p.start} (${p.name}: ${p.why}); again: TL_DATE_POINT=${p.name} npx vitest run --project dates`);
  }
  const s3Root = await mkdtemp(join(tmpdir(), 'tl-s3-'));
  // The built pages, once, before any test file: the page tests serve them and `npm start`'s test
  // would otherwise build them at the same moment.
  if (project.name === 'now') await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
  const [pg, temporal, tsPath, s3, bundles] = await Promise.all([
    startTestPostgres(),
    startTestDevServer(),
    timeSkippingServerPath(),
    startVersitygw({ root: s3Root, accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key-of-some-length' }),
    buildWorkflowBundles(),
  ]);
  project.provide('pgAdminUrl', pg?.url ?? '');
  project.provide('temporalAddress', temporal.address);
  project.provide('timeSkippingServerPath', tsPath);
  project.provide('s3', { endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  project.provide('workflowBundles', bundles.paths);
  return async () => {
    await temporal.stop();
    await pg?.stop();
    await s3.stop();
    await rm(s3Root, { recursive: true, force: true });
    await bundles.remove();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL cluster, or '' when PostgreSQL is unavailable. */
    pgAdminUrl: string;
    /** host:port of the run's Temporal dev server. */
    temporalAddress: string;
    /** Executable that starts the time-skipping test server. */
    timeSkippingServerPath: string;
    /** The run's S3-compatible server (versitygw). */
    s3: { endpoint: string; accessKeyId: string; secretAccessKey: string };
  }
}
