// The web pages' weight and speed. `npm run bench:web [-- <page path>]`:
// (a) builds the pages for production (the project's vite.config.ts) and prints the gzip size of
//     what the first page loads — index.html's entry with its imports and stylesheets, plus the
//     page's own lazy chunk — for /sign-in and /cases, and checks that the charts chunk
//     (@ant-design/plots) is not among them;
// (b) time to interactive of a list page with 1,000 rows in headless Chromium — /inbox with
//     1,000 open tasks (falling back to /cases with 1,000 cases while the table has no /inbox) —
//     against the floor: a bare antd Table over the same rows, a separate Vite entry
//     (bench/web-floor) built with the same config. Rounds: BENCH_ROUNDS (default 3).
// Figures only, no thresholds (docs/bench.md).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@temporalio/client';
import express from 'express';
import { chromium, type Page } from 'playwright-core';
import { pino } from 'pino';
import { createApp } from '../api/app';
import { mintToken } from '../api/auth/tokens';
import { systemClock } from '../domain/clock';
import { createPrisma } from '../prisma/client';
import { applyMigrations } from '../prisma/migrate';
import { recordSubmission } from '../records/applications';
import { createObjectStore } from '../records/objects';
import { users } from '../scripts/seed/demo-data';
import { seedDemo } from '../scripts/seed/seed';
import { firstPage, isChartsChunk, pageModules } from '../scripts/web/first-page';

const ROWS = 1000;
const ROUNDS = Math.max(2, Number(process.env.BENCH_ROUNDS ?? 3));
const SECRET = 'bench-secret-at-least-16-chars';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = promisify(execFile);
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const root = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'tl-bench-web-'));
const dist = join(root, 'dist');
const floorDist = join(root, 'floor');
const vite = resolve('node_modules/.bin/vite');

// ---- (a) the production build and what the first page loads ----
console.log('building the pages (production) and the floor page…');
await run(vite, ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { maxBuffer: 16 * 1024 * 1024 });
await run(vite, ['build', 'bench/web-floor', '--config', 'vite.config.ts', '--logLevel', 'warn', '--outDir', floorDist, '--emptyOutDir'], { maxBuffer: 16 * 1024 * 1024 });

const modules = await pageModules();
const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;

let chartsOnFirstPage = false;
for (const path of ['/sign-in', '/cases']) {
  const p = await firstPage(dist, path);
  console.log(`\nfirst page ${path}: ${kB(p.gzip)} gzip (${kB(p.raw)} raw) in ${p.files.length} files`);
  for (const f of p.files) console.log(`  ${f.file.padEnd(44)} ${kB(f.gzip).padStart(10)} gzip ${kB(f.raw).padStart(11)} raw`);
  const charts = p.files.filter((f) => isChartsChunk(f.file));
  if (charts.length) {
    chartsOnFirstPage = true;
    console.error(`  ✗ the charts chunk is on the first page: ${charts.map((f) => f.file).join(', ')}`);
  }
}
const chartChunks = Object.values(manifest).filter((c) => isChartsChunk(c.file));
console.log(chartsOnFirstPage ? '' : `\n✓ no charts (@ant-design/plots) on the first page${chartChunks.length ? ` (charts chunk: ${chartChunks.map((c) => c.file).join(', ')})` : ' (no page draws one yet)'}`);

// ---- (b) time to interactive of a list of 1,000 rows ----
const requested = process.argv[2] ?? '/inbox';
const path = modules.has(requested) ? requested : '/cases';
if (path !== requested) console.log(`\n${requested} is not in the page table: measuring ${path} instead`);
const userId = process.env.BENCH_USER ?? (path === '/inbox' ? 'u-hr-zhangjiang' : 'u-li-ming');
const user = users.find((u) => u.id === userId);
if (!user) throw new Error(`no demo user ${userId}`);

const databaseUrl = `file:${join(root, 'app.db')}`;
await applyMigrations(databaseUrl);
const db = createPrisma(databaseUrl);
await seedDemo(db, systemClock());
// 1,000 cases of u-li-ming at org-zhangjiang-tech, each with the employer's review open (the
// records the appraisal workflow's first activity writes): 1,000 cases for the applicant and
// 1,000 tasks in the inbox of the employer's HR.
console.log(`\nrecording ${ROWS} cases with an open task…`);
const t0 = performance.now();
for (let i = 0; i < ROWS; i++) {
  const id = randomUUID();
  const workflowId = `appraisal-${id}`;
  const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  await recordSubmission(
    db,
    { publicBaseUrl: 'http://localhost:3000' },
    {
      version: 1,
      applicationId: id,
      applicantId: 'u-li-ming',
      employerId: 'org-zhangjiang-tech',
      track: 'standard',
      series: 'engineering',
      level: 'intermediate',
      field: '人工智能',
      submission: { education: 'master', currentTitle: { level: 'junior', series: 'engineering', since: '2019-07-01' }, achievements: [{ kind: 'patent', title: `成果 ${i + 1}`, year: 2024, evidence: [] }] } as never,
      submittedAt: at,
    },
    {
      workflowId,
      caseId: id,
      eventKey: 'submitted',
      actorId: 'u-li-ming',
      action: 'submit',
      at,
      stage: 'employer-review',
      openTasks: [{ taskKey: 'employer-review', kind: 'employer-review', assigneeRole: 'employer', assigneeOrg: 'org-zhangjiang-tech', dueAt: new Date(Date.UTC(2026, 11, 20) + i * 60_000).toISOString() }],
    },
  );
}
console.log(`  recorded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const objects = await createObjectStore({ kind: 'local', dir: join(root, 'objects') });
// Lists read the database. A case's live state asks Temporal and does without it when none
// answers: here none ever does, at once (no connection, no retries).
const temporal = { workflow: { getHandle: () => ({ query: () => Promise.reject(new Error('no Temporal in this bench')) }) } } as unknown as Client;
const app = createApp({
  db,
  objects,
  temporal,
  logger: pino({ level: 'silent' }),
  config: { jwt: { secret: SECRET }, taskQueue: 'bench', temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 1_000_000, public: 1_000_000, windowMs: 60_000 }, webDist: dist },
});
const listen = async (a: express.Express) => {
  const server = a.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
};
const site = await listen(app);
const token = await mintToken({ id: user.id, roles: user.roles, ...(user.organisationId ? { organisationId: user.organisationId } : {}) }, SECRET);

// The same rows for the floor, read from the API the page reads (200 a page, the most it gives).
const endpoint = path === '/inbox' ? '/api/inbox' : '/api/applications';
const rows: unknown[] = [];
for (let p = 1; rows.length < ROWS; p++) {
  const res = await fetch(`${site.url}${endpoint}?page=${p}&pageSize=200`, { headers: { Authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { items: unknown[] };
  if (!res.ok || !body.items.length) break;
  rows.push(...body.items);
}
console.log(`  ${rows.length} rows from ${endpoint} for ${userId}`);
const floorApp = express();
floorApp.get('/bench-rows.json', (_req, res) => res.json(rows));
floorApp.use(express.static(floorDist));
const floor = await listen(floorApp);

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

/**
 * From navigation to interactive, in a fresh context (cold cache, as a first visit): the table's
 * first data row is on screen and the main thread answers (a frame and a task later).
 */
async function timeToInteractive(url: string, prepare?: (page: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const started = performance.now();
  await page.goto(url);
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((r) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => setTimeout(r, 0))));
  const ms = performance.now() - started;
  await context.close();
  return ms;
}

const signedIn = async (page: Page) => {
  await page.addInitScript(
    ([t, u]) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('tl.session', JSON.stringify({ token: t, user: u })),
    [token, { id: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId ?? null }] as const,
  );
};

const ours: number[] = [];
const bare: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  ours.push(await timeToInteractive(`${site.url}${path}`, signedIn));
  bare.push(await timeToInteractive(`${floor.url}/`));
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log(`\ntime to interactive, ${path} with ${rows.length} rows (${ROUNDS} rounds, cold cache each):`);
console.log(`  ours   ${path.padEnd(8)} min ${ms(Math.min(...ours))}, median ${ms(median(ours))}   [${ours.map(ms).join(', ')}]`);
console.log(`  floor  bare Table min ${ms(Math.min(...bare))}, median ${ms(median(bare))}   [${bare.map(ms).join(', ')}]`);
console.log(`  ratio  ours ÷ floor: ${(Math.min(...ours) / Math.min(...bare)).toFixed(2)} (min), ${(median(ours) / median(bare)).toFixed(2)} (median)`);

await browser.close();
await site.close();
await floor.close();
await db.$disconnect();
await rm(root, { recursive: true, force: true });
if (chartsOnFirstPage) process.exitCode = 1;
