import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePostgresInstalled, startLocalPostgres } from '../../scripts/postgres/local';

/**
 * The run's PostgreSQL: TEST_POSTGRES_URL (an external server, superuser or CREATEDB) when set,
 * else a throw-away local cluster. Null when neither can be had, except in CI, where the
 * PostgreSQL half of the suite must not be skipped silently.
 */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> } | null> {
  if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, stop: async () => {} };
  const install = await ensurePostgresInstalled();
  if (!install.binDir) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${install.reason}`);
    console.warn(`[test] PostgreSQL unavailable, its tests are skipped: ${install.reason}`);
    return null;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tl-test-pg-'));
  const server = await startLocalPostgres({ dataDir });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
