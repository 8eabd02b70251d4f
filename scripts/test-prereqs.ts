// Before vitest starts: build or fetch what the tests run against, so long first-time builds
// happen here with progress lines, not inside a test hook's timeout.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

// Debian packages the tests read with, installed as root when missing: docker-compose validates
// the compose file (no engine needed); printed PDFs embed Noto CJK and are read back with
// poppler (pdftoppm, pdftotext) and zbarimg; the page tests drive Chromium.
const packages: [string, () => boolean, string][] = [
  ['docker-compose', () => has('docker-compose'), 'to validate docker-compose.yml'],
  ['fonts-noto-cjk', () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), 'the fonts printed certificates embed'],
  ['poppler-utils', () => has('pdftoppm'), 'to render and read printed PDFs'],
  ['zbar-tools', () => has('zbarimg'), 'to decode QR codes'],
  // The browser tests (test/web/) drive Debian's Chromium with playwright-core; they skip without it.
  ['chromium', () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), 'the browser the page tests drive'],
];
const missing = packages.filter(([, present]) => !present());
if (missing.length && process.getuid?.() === 0 && has('apt-get')) {
  const names = missing.map(([name]) => name).join(' ');
  console.log(`[test] installing ${names} (${missing.map(([, , why]) => why).join('; ')})…`);
  execFileSync('sh', ['-c', `apt-get install -y -q ${names} >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q ${names} >/dev/null)`], { stdio: 'inherit' });
} else if (missing.length) {
  console.warn(`[test] missing Debian packages ${missing.map(([name]) => name).join(', ')}: the tests that need them will fail`);
}
