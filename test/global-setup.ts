import type { TestProject } from 'vitest/node';
import { systemClock } from '../domain/clock';
import { datePoint } from './support/date-matrix';
import { startTestPostgres } from './support/postgres-server';
import { startTestDevServer, timeSkippingServerPath } from './support/temporal-server';

// One PostgreSQL cluster and one Temporal dev server for the whole run; each test file makes
// its own database / task queue / workflow ids on them, so files stay isolated.
export default async function setup(project: TestProject) {
  if (project.name === 'dates') {
    const p = datePoint(systemClock().getTime(), process.env.TL_DATE_POINT);
    console.log(`[dates] the long-process suites also run from ${p.start} (${p.name}: ${p.why}); again: TL_DATE_POINT=${p.name} npx vitest run --project dates`);
  }
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
