// Before vitest starts: build or fetch what the tests run against, so long first-time builds
// happen here with progress lines, not inside a test hook's timeout.
import { execFileSync } from 'node:child_process';
import { ensurePostgresInstalled } from './postgres/local';
import { resolveVersitygw } from './s3/versitygw';
import { ensureTemporalTools } from './temporal/ensure';

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

await ensureTemporalTools();
await resolveVersitygw();
const pg = await ensurePostgresInstalled();
if (!pg.binDir) console.warn(`[test] PostgreSQL is not available (${pg.reason}): its variants of the database tests will be skipped`);

// The compose file is validated by Debian's docker-compose client, which needs no engine.
if (!has('docker-compose') && process.getuid?.() === 0 && has('apt-get')) {
  console.log('[test] installing docker-compose (to validate docker-compose.yml)…');
  execFileSync('sh', ['-c', 'apt-get install -y -q docker-compose >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q docker-compose >/dev/null)'], { stdio: 'inherit' });
}
