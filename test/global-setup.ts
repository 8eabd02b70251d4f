import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startVersitygw } from '../scripts/s3/versitygw';
import { ensureWebBuild } from '../scripts/web/build';
import { systemClock } from '../domain/clock';
import { datePoint } from './support/date-matrix';
import { startTestPostgres } from './support/postgres-server';
import { startTestDevServer, timeSkippingServerPath } from './support/temporal-server';
import { buildWorkflowBundles } from './support/workflow-bundles';

// One PostgreSQL cluster, one Temporal dev server, one S3 server and one build of each workflow
// bundle for the whole run, shared by its projects (vitest calls this once per project); each test
// file makes its own database / task queue / workflow ids / bucket on them, so files stay isolated.
export default async function setup(project: TestProject) {
  if (project.name === 'dates') {
    const p = datePoint(systemClock().getTime(), process.env.TL_DATE_POINT);
    console.log(`[dates] the long-process suites also run from ${p.start} (${p.name}: ${p.why}); again: TL_DATE_POINT=${p.name} npx vitest run --project dates`);
  }
  // The built pages, before any test file: the page tests serve them and `npm start`'s test would
  // otherwise build them at the same moment.
  if (project.name !== 'dates') await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
  const shared = ((globalThis as { __tlRunServices?: Shared }).__tlRunServices ??= { users: 0, started: startServices() });
  shared.users++;
  const services = await shared.started;
  for (const [key, value] of Object.entries(services.provided)) project.provide(key as keyof ProvidedContext, value as never);
  return async () => {
    if (--shared.users === 0) await services.stop();
  };
}

interface Shared {
  users: number;
  started: ReturnType<typeof startServices>;
}

async function startServices() {
  const s3Root = await mkdtemp(join(tmpdir(), 'tl-s3-'));
  const [pg, temporal, tsPath, s3, bundles] = await Promise.all([
    startTestPostgres(),
    startTestDevServer(),
    timeSkippingServerPath(),
    startVersitygw({ root: s3Root, accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key-of-some-length' }),
    buildWorkflowBundles(),
  ]);
  const provided: Partial<ProvidedContext> = {
    pgAdminUrl: pg?.url ?? '',
    temporalAddress: temporal.address,
    timeSkippingServerPath: tsPath,
    s3: { endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    workflowBundles: bundles.paths,
  };
  return {
    provided,
    async stop() {
      await temporal.stop();
      await pg?.stop();
      await s3.stop();
      await rm(s3Root, { recursive: true, force: true });
      await bundles.remove();
    },
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
