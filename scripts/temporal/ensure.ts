// `npm run temporal:build`: makes sure the Temporal CLI and the time-skipping test server are
// on this machine, so the slow one-time builds happen here, not inside a test hook's timeout.
import { pathToFileURL } from 'node:url';
import { resolveTemporalCli } from './resolve-cli';
import type { CliSource } from './resolve-cli';
import { resolveTimeSkippingServer } from './test-server';
import type { TestServerSource } from './test-server';

export interface TemporalTools {
  cli: { path: string; source: CliSource; ms: number };
  testServer: { path: string; source: TestServerSource; ms: number };
}

/** Resolves (building if need be) both tools, one after the other: each build wants both cores. */
export async function ensureTemporalTools(): Promise<TemporalTools> {
  let started = performance.now();
  const cli = { ...(await resolveTemporalCli()), ms: performance.now() - started };
  started = performance.now();
  const testServer = { ...(await resolveTimeSkippingServer()), ms: performance.now() - started };
  return { cli, testServer };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { cli, testServer } = await ensureTemporalTools();
    const line = (what: string, t: { path: string; source: string; ms: number }) =>
      console.log(`${what} ${t.path}  (${t.source}, ${(t.ms / 1000).toFixed(2)} s)`);
    line('temporal CLI:        ', cli);
    line('time-skipping server:', testServer);
  } catch (err) {
    console.error(`[temporal] ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
