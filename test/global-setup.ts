import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './support/postgres-server';
import { startTestDevServer, timeSkippingServerPath } from './support/temporal-server';

// One PostgreSQL cluster and one Temporal dev server for the whole run; each test file makes
// its own database / task queue / workflow ids on them, so files stay isolated.
export default async function setup(project: TestProject) {
  const [pg, temporal, tsPath] = await Promise.all([
    startTestPostgres(),
    startTestDevServer(),
    timeSkippingServerPath(),
  ]);
  project.provide('pgAdminUrl', pg?.url ?? '');
  project.provide('temporalAddress', temporal.address);
  project.provide('timeSkippingServerPath', tsPath);
  return async () => {
    await temporal.stop();
    await pg?.stop();
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
  }
}
