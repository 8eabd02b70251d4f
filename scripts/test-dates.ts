// `npm run test:dates`: the long-process suites (appraisal, committee, assessment, exit) at every
// instant of the date matrix (test/support/date-matrix.ts), one after another, each with the
// injected clock and the time-skipping servers starting there. `npm test` runs one of them a day.
//   npm run test:dates                 every point
//   npm run test:dates -- leap-day     the points named
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { systemClock } from '../domain/clock';
import { dateMatrix } from '../test/support/date-matrix';

const only = process.argv.slice(2);
const points = dateMatrix(systemClock().getTime()).filter((p) => only.length === 0 || only.includes(p.name));
if (points.length === 0) {
  console.error(`no such point; there are ${dateMatrix(systemClock().getTime()).map((p) => p.name).join(', ')}`);
  process.exit(2);
}
await mkdir('test-results', { recursive: true });

const rows: { name: string; start: string; passed: number; failed: number; seconds: number }[] = [];
for (const p of points) {
  console.log(`\n[dates] ${p.name}: from ${p.start}, ${p.why}`);
  const outputFile = `test-results/dates-${p.name}.json`;
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'dates', '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`], {
      stdio: 'inherit',
      env: { ...process.env, TL_DATE_POINT: p.name },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const report = JSON.parse(await readFile(outputFile, 'utf8').catch(() => '{}')) as { numPassedTests?: number; numFailedTests?: number };
  rows.push({ name: p.name, start: p.start, passed: report.numPassedTests ?? 0, failed: code === 0 ? (report.numFailedTests ?? 0) : Math.max(1, report.numFailedTests ?? 0), seconds: Math.round((performance.now() - started) / 1000) });
}

console.log('\n[dates] the matrix:');
for (const r of rows) console.log(`  ${r.name.padEnd(18)} ${r.start}  ${r.passed} passed, ${r.failed} failed  ${r.seconds} s`);
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
