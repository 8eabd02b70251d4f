// The first page stays small: what /sign-in and /cases load (the entry, its imports, the page's
// lazy chunk) holds the react and query vendor chunks of vite.config.ts and never the charts chunk
// (@ant-design/plots), which only pages that draw a chart load. Sizes: `npm run bench:web`.
import { describe, expect, it } from 'vitest';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { firstPage, isChartsChunk } from '../../scripts/web/first-page';

describe('the first page', () => {
  it.each(['/sign-in', '/cases'])('%s loads the react and query chunks, and no charts', async (path) => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    const { files } = await firstPage(WEB_DIST, path);
    const names = files.map((f) => f.file);
    for (const vendor of ['react', 'query']) expect(names.some((n) => n.startsWith(`assets/${vendor}-`) && n.endsWith('.js')), vendor).toBe(true);
    expect(names.filter(isChartsChunk)).toEqual([]);
    // Signing in with the identity provider loads its library on the click, not before.
    expect(names.filter((n) => n.includes('oidc-client'))).toEqual([]);
  });
});
