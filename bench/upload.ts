// Upload of a 5 MB material, end to end over HTTP into the local object store (multipart in,
// hashed to the incoming folder, sniffed and parsed, a database row, renamed into place), beside
// the floor of the same disk: a plain copy of the same bytes with fs.copyFile and with `cp`.
// Prints throughput, p50/p99 latency and the ratios upload ÷ copy (the machine is noisy, the
// ratios less so); no thresholds. `npm run bench:upload [-- <count>]`, or BENCH_UPLOADS=<count>.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { PDFDocument } from 'pdf-lib';
import { pino } from 'pino';
import { createApp } from '../api/app';
import { mintToken } from '../api/auth/tokens';
import { systemClock } from '../domain/clock';
import { createPrisma } from '../prisma/client';
import { applyMigrations } from '../prisma/migrate';
import { createObjectStore } from '../records/objects';
import { users } from '../scripts/seed/demo-data';
import { seedDemo } from '../scripts/seed/seed';

const MiB = 1024 * 1024;
const FILE_BYTES = 5 * MiB;
const WARMUP = 2;
/** The policy allows 200 MiB a dossier: a fresh draft every 30 uploads of 5 MiB. */
const UPLOADS_PER_DRAFT = 30;
const SECRET = 'bench-secret-at-least-16-chars';
const SALT = '% bench-salt ';
const SALT_BYTES = 64;

const count = Number(process.argv[2] ?? process.env.BENCH_UPLOADS ?? 40);
if (!Number.isInteger(count) || count < 1) throw new Error(`the number of uploads must be a positive integer, not ${process.argv[2] ?? process.env.BENCH_UPLOADS}`);

/**
 * A one-page PDF of exactly `size` bytes. Its page has a second content stream made only of PDF
 * comments (random text, drawing nothing); its first line is the salt that makes each copy's
 * bytes, and so its SHA-256, its own: identical content would be stored once.
 */
async function paddedPdf(size: number): Promise<{ bytes: Buffer; saltAt: number }> {
  const build = async (padding: number) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawText('talent-lifecycle upload benchmark', { x: 50, y: 780, size: 14 });
    const lines = [SALT + '0'.repeat(SALT_BYTES)];
    let length = lines[0]!.length + 1;
    while (length < padding) {
      const line = `% ${randomBytes(57).toString('base64')}`.slice(0, Math.max(2, padding - length - 1));
      lines.push(line);
      length += line.length + 1;
    }
    page.node.addContentStream(doc.context.register(doc.context.stream(Buffer.from(lines.join('\n') + '\n'))));
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  };
  const probe = await build(size - 4096);
  const bytes = await build(size - 4096 + (size - probe.length));
  const saltAt = bytes.indexOf(SALT) + SALT.length;
  if (bytes.length !== size || saltAt < SALT.length) throw new Error(`the padded PDF came out at ${bytes.length} bytes, not ${size}`);
  return { bytes, saltAt };
}

/** The same PDF with its own salt: the run's index and random hex. */
function salted(base: { bytes: Buffer; saltAt: number }, i: number): Buffer {
  const bytes = Buffer.from(base.bytes);
  bytes.write(`${String(i).padStart(8, '0')}-${randomBytes(SALT_BYTES).toString('hex')}`.slice(0, SALT_BYTES), base.saltAt, 'latin1');
  return bytes;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function cp(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('cp', [from, to], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cp exited with ${code}`))));
  });
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Nearest rank: of 40 samples, p99 is the slowest one. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const total = ms.reduce((a, b) => a + b, 0);
  return { mbPerS: (ms.length * FILE_BYTES) / MiB / (total / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99), min: sorted[0]!, max: sorted.at(-1)! };
}

// ---- a fresh deployment in a temp folder: SQLite, the local object store, the real app ----
const root = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'tl-bench-upload-'));
const databaseUrl = `file:${join(root, 'app.db')}`;
await applyMigrations(databaseUrl);
const db = createPrisma(databaseUrl);
await seedDemo(db, systemClock());
const objects = await createObjectStore({ kind: 'local', dir: join(root, 'objects') });
// Drafts and uploads never reach Temporal: a lazy client that never connects.
const temporal = new Client();
const app = createApp({
  db,
  objects,
  temporal,
  logger: pino({ level: 'silent' }),
  config: { jwt: { secret: SECRET }, taskQueue: 'bench', temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 1_000_000, public: 1_000_000, windowMs: 60_000 } },
});
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const applicant = users.find((u) => u.id === 'u-li-ming')!;
const auth = { Authorization: `Bearer ${await mintToken({ id: applicant.id, roles: applicant.roles }, SECRET)}` };

async function newDraft(): Promise<string> {
  const res = await fetch(`${base}/api/drafts`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ content: { series: 'engineering' } }) });
  if (res.status !== 201) throw new Error(`creating a draft: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function upload(draftId: string, bytes: Buffer, i: number): Promise<{ status: number; body: { sha256?: string } }> {
  const form = new FormData();
  form.append('kind', 'paper');
  form.append('title', `论文 ${i}`);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), `paper-${i}.pdf`);
  const res = await fetch(`${base}/api/drafts/${draftId}/materials`, { method: 'POST', headers: auth, body: form });
  return { status: res.status, body: (await res.json()) as { sha256?: string } };
}

// ---- the run: upload, fs.copyFile and cp of the same bytes, interleaved, order rotating ----
const pdf = await paddedPdf(FILE_BYTES);
const copies = join(root, 'copies');
await mkdir(copies);
const ms = { upload: [] as number[], copyFile: [] as number[], cp: [] as number[] };
let draftId = '';
console.log(`upload benchmark: ${count} uploads of a ${FILE_BYTES / MiB} MiB PDF (+${WARMUP} warm-up), local store and copies in ${root}; node ${process.version}, ${cpus().length} CPUs`);
for (let i = 0; i < WARMUP + count; i++) {
  const bytes = salted(pdf, i);
  const hash = sha256(bytes);
  if (i % UPLOADS_PER_DRAFT === 0) draftId = await newDraft();
  const source = join(copies, `${i}.pdf`);
  await writeFile(source, bytes);
  const steps = {
    upload: async () => {
      const res = await upload(draftId, bytes, i);
      if (res.status !== 201 || res.body.sha256 !== hash) throw new Error(`upload ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    },
    copyFile: () => copyFile(source, join(copies, `${i}.copyfile.pdf`)),
    cp: () => cp(source, join(copies, `${i}.cp.pdf`)),
  };
  const order = (['upload', 'copyFile', 'cp'] as const).map((_, k, all) => all[(i + k) % all.length]!);
  for (const step of order) {
    const took = await timed(steps[step]);
    if (i >= WARMUP) ms[step].push(took);
  }
  await Promise.all([source, join(copies, `${i}.copyfile.pdf`), join(copies, `${i}.cp.pdf`)].map((f) => rm(f)));
}
const stored = await db.material.count();
if (stored !== WARMUP + count) throw new Error(`${stored} materials stored, ${WARMUP + count} expected`);

// ---- figures ----
const s = { upload: summary(ms.upload), copyFile: summary(ms.copyFile), cp: summary(ms.cp) };
const f = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
console.log(`\n${'what'.padEnd(38)}${'MB/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'min ms'.padStart(8)}${'max ms'.padStart(8)}`);
for (const [label, x] of [
  ['upload over HTTP into the store', s.upload],
  ['fs.copyFile on the same disk', s.copyFile],
  ['cp (a process each) on the same disk', s.cp],
] as const) {
  console.log(`${label.padEnd(38)}${f(x.mbPerS)}${f(x.p50)}${f(x.p99)}${f(x.min)}${f(x.max)}`);
}
console.log(`(MB = 2^20 bytes; MB/s = bytes moved ÷ the sum of the ${count} sequential latencies; p99 of ${count} samples by nearest rank${count < 100 ? ', i.e. the slowest' : ''})`);
console.log('\nratios (upload ÷ floor)');
for (const [label, floor] of [
  ['fs.copyFile', s.copyFile],
  ['cp', s.cp],
] as const) {
  console.log(`  vs ${label.padEnd(12)} throughput ${(s.upload.mbPerS / floor.mbPerS).toFixed(3)}   p50 ${(s.upload.p50 / floor.p50).toFixed(1)}×   p99 ${(s.upload.p99 / floor.p99).toFixed(1)}×`);
}

server.close();
await db.$disconnect();
await temporal.connection.close();
await rm(root, { recursive: true, force: true });
