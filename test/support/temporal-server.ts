// The run's Temporal servers, started once by test/global-setup.ts.
import { freePort, startDevServer } from '../../scripts/temporal/cli';
import { ensureTimeSkippingServer } from '../../scripts/temporal/test-server';

/** A headless, in-memory dev server on a free port, with the project's search attributes. */
export async function startTestDevServer(): Promise<{ address: string; stop(): Promise<void> }> {
  const server = await startDevServer({ port: await freePort(), ui: false, logLevel: 'error' });
  return { address: server.address, stop: server.stop };
}

/** Executable for `TestWorkflowEnvironment.createTimeSkipping` (built by `npm run temporal:build`). */
export function timeSkippingServerPath(): Promise<string> {
  return ensureTimeSkippingServer();
}
