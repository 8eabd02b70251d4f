// `npm start`: the whole system on embedded defaults, as one supervised process tree.
// The web pages (built into web/dist when missing or older than their sources), the Temporal
// dev server (SQLite file under data/, Web UI), migrations, demo data, a mail catcher writing
// .eml files under data/mail/, the worker and the API. Ctrl-C stops all of it; starting again
// resumes every workflow from data/temporal.db.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { mintToken } from '../api/auth/tokens';
import { calendarModeOf, loadEnvOrExit } from '../config/env';
import { systemClock } from '../domain/clock';
import { createPrisma } from '../prisma/client';
import { applyMigrations } from '../prisma/migrate';
import { startSmtpCatcher } from './dev/smtp-catcher';
import { supervise } from './dev/supervise';
import { users } from './seed/demo-data';
import { seedDemo } from './seed/seed';
import { startDevServer } from './temporal/cli';
import { ensureWebBuild } from './web/build';

const say = (msg: string) => console.log(`[start] ${msg}`);
const dataDir = resolve(process.env.TL_DATA_DIR ?? 'data');
await mkdir(dataDir, { recursive: true });

const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
const smtpPort = Number(process.env.SMTP_PORT ?? 1025);
const env = loadEnvOrExit({
  DATABASE_URL: `file:${resolve(dataDir, 'app.db')}`,
  OBJECTS_DIR: resolve(dataDir, 'objects'),
  TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
  TEMPORAL_UI_URL: `http://localhost:${uiPort}`,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  // Mail links to the API this machine serves, on whatever port it is given.
  PUBLIC_BASE_URL: `http://localhost:${process.env.PORT ?? 3000}`,
  // The embedded system is a development and demo machine; TL_DEV_MODE=false turns that off.
  TL_DEV_MODE: 'true',
  ...process.env,
});
const accelerated = calendarModeOf(env).acceleratedWorkingDayMs;

// The API serves web/dist at /; a stale build would show yesterday's pages.
await ensureWebBuild(say);

say('starting the Temporal dev server…');
const temporal = await startDevServer({ port: temporalPort, ui: true, uiPort, dbFilename: resolve(dataDir, 'temporal.db') });
say(`Temporal on ${temporal.address}, Web UI ${temporal.uiUrl}`);

const { applied } = await applyMigrations(env.DATABASE_URL);
say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
const db = createPrisma(env.DATABASE_URL);
await seedDemo(db, systemClock());
await db.$disconnect();

const mailDir = resolve(dataDir, 'mail');
const smtp = await startSmtpCatcher({ port: smtpPort, dir: mailDir });
say(`mail catcher on ${smtp.url}; every mail lands in ${mailDir} as an .eml file`);

const childEnv = { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) };
const tsx = resolve('node_modules/.bin/tsx');
const children = [supervise('worker', tsx, ['worker/main.ts'], childEnv), supervise('api', tsx, ['api/main.ts'], childEnv)];

say(`API on http://localhost:${env.PORT} (health: /healthz); the pages at http://localhost:${env.PORT}/${env.TL_DEV_MODE ? ' (sign in at /sign-in)' : ''}`);
say('demo users (Authorization: Bearer <token>):');
for (const u of users) {
  const token = await mintToken({ id: u.id, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) }, env.JWT_SECRET);
  console.log(`  ${u.id.padEnd(18)} ${u.roles.join(',').padEnd(10)} ${token}`);
}
if (accelerated) say(`development clock: one working day lasts ${accelerated / 1000} s (TL_DEV_WORKING_DAY_SECONDS); policy deadlines are unchanged`);
say('Ctrl-C stops everything.');

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(children.map((c) => c.stop()));
  await smtp.stop();
  await temporal.stop();
  say('stopped');
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
