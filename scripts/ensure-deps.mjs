#!/usr/bin/env node
// Runs before `npm start` and `npm test` on a fresh clone: installs npm packages when they are
// missing or older than the lockfile, then generates the Prisma clients when they are missing
// or older than the schema. Plain JavaScript, because nothing else is installed yet.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || mtime('package-lock.json') > mtime(installed)) {
  console.log('[setup] installing npm packages…');
  run(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

const generated = ['prisma/generated/sqlite/client.ts', 'prisma/generated/postgres/client.ts'];
const schemas = ['prisma/schema.prisma', 'prisma/postgres/schema.prisma'];
const newestSchema = Math.max(...schemas.map(mtime));
if (generated.some((g) => mtime(g) < newestSchema)) {
  console.log('[setup] generating Prisma clients…');
  run('npx tsx scripts/db/generate.ts');
}
