// Builds the web pages (web/ → web/dist with Vite) when the build is missing or older than any
// of its sources; `npm start` and the browser tests call it, `npm run web:build` always builds.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const WEB_DIST = resolve('web/dist');
const SOURCES = ['web/src', 'web/index.html', 'web/tsconfig.json', 'vite.config.ts', 'package-lock.json'];

async function newestMtime(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.mtimeMs;
  const entries = await readdir(path);
  return Math.max(s.mtimeMs, ...(await Promise.all(entries.map((e) => newestMtime(join(path, e))))));
}

/** Whether web/dist is missing or older than what it is built from. */
export async function webBuildIsStale(): Promise<boolean> {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = (await stat(index)).mtimeMs;
  const sources = await Promise.all(SOURCES.filter((p) => existsSync(p)).map(newestMtime));
  return Math.max(...sources) > built;
}

/** Builds when stale; says what it did. */
export async function ensureWebBuild(say: (msg: string) => void = () => {}): Promise<{ built: boolean; ms: number }> {
  if (!(await webBuildIsStale())) return { built: false, ms: 0 };
  say('building the web pages (web/ → web/dist)…');
  const started = performance.now();
  await promisify(execFile)(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { maxBuffer: 16 * 1024 * 1024 });
  const ms = Math.round(performance.now() - started);
  say(`web pages built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}
