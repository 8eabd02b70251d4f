// Builds the web pages (web/ → web/dist with Vite) when the build is missing or older than any
// of its sources; `npm start` and the browser tests call it, `npm run web:build` always builds.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
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

let building: Promise<{ built: boolean; ms: number }> | undefined;

/**
 * Builds when stale; says what it did. The build goes to a folder of its own and replaces
 * web/dist in one rename, so a server or a second builder never reads half a build.
 */
export function ensureWebBuild(say: (msg: string) => void = () => {}): Promise<{ built: boolean; ms: number }> {
  building ??= (async () => {
    if (!(await webBuildIsStale())) return { built: false, ms: 0 };
    say('building the web pages (web/ → web/dist)…');
    const started = performance.now();
    const scratch = resolve(`web/.dist-${process.pid}`);
    const old = `${scratch}-old`;
    try {
      await promisify(execFile)(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', scratch, '--emptyOutDir'], { maxBuffer: 16 * 1024 * 1024 });
      if (existsSync(WEB_DIST)) await rename(WEB_DIST, old);
      await rename(scratch, WEB_DIST);
    } finally {
      await rm(scratch, { recursive: true, force: true });
      await rm(old, { recursive: true, force: true });
    }
    const ms = Math.round(performance.now() - started);
    say(`web pages built in ${(ms / 1000).toFixed(1)} s`);
    return { built: true, ms };
  })().finally(() => {
    building = undefined;
  });
  return building;
}
