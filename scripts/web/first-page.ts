// What the first page of the built web pages loads, read from Vite's manifest (web/dist/.vite/
// manifest.json, `build.manifest` in vite.config.ts) and index.html: the entry with its static
// imports and stylesheets, plus the page's own lazy chunk (found through the page table's line
// for its path) and its imports. `npm run bench:web` prints their sizes; a test checks that the
// charts chunk is never among them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
}

export interface FirstPage {
  path: string;
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

/** The module a path's page is, as its line in web/src/app/page-table.ts lazily imports it. */
export async function pageModules(tablePath = 'web/src/app/page-table.ts'): Promise<Map<string, string>> {
  const source = await readFile(tablePath, 'utf8');
  const modules = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /path: '([^']+)'.*?import\('\.\.\/([^']+)'\)/.exec(line);
    if (m) modules.set(m[1]!, `src/${m[2]}.tsx`);
  }
  return modules;
}

export async function firstPage(dist: string, path: string): Promise<FirstPage> {
  const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const seen = new Set<string>();
  const closure = (key: string) => {
    const c = manifest[key];
    if (!c || seen.has(key)) return;
    seen.add(key);
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) closure(i);
  };
  closure('index.html');
  const page = (await pageModules()).get(path);
  if (!page || !manifest[page]) throw new Error(`no chunk for ${path} (${page ?? 'not in the page table'}) in the manifest`);
  closure(page);
  const sized = await Promise.all(
    [...files].sort().map(async (file) => {
      const bytes = await readFile(join(dist, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  return { path, files: sized, raw: sized.reduce((s, f) => s + f.raw, 0), gzip: sized.reduce((s, f) => s + f.gzip, 0) };
}

/** The chunk of the component that draws charts (@ant-design/plots and the @antv engine): Charts-*.js. */
export const isChartsChunk = (file: string) => /(^|\/)charts-[^/]*\.js$/i.test(file);
