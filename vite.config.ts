// The web pages (web/): `npm run web:build` writes web/dist, which the API serves at / when it
// exists; `npm run web:dev` serves them with hot reload and sends /api to the API on :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vendor chunks by how often they change and who needs them: react with the router, and TanStack
 * Query, are each one long-cached file the first page loads in full. antd is not one group: a
 * group takes every antd component any page uses (Form, Upload, Steps…), which put ~40 kB gzip
 * more on the first page than leaving it to the bundler, which keeps what the first page uses in
 * its entry chunk and the rest in the chunks of the pages that use it. The charts (@ant-design/plots
 * and the @antv engine under it) stay in the lazy chunk of the one component that draws them
 * (Charts-*.js), loaded only by the pages that draw one — never by the first page
 * (test/web/bundle.test.ts; sizes: `npm run bench:web`). A group of their own would take their
 * dependencies too (react, antd's utilities), and the first page would load the charts for them.
 * Pages themselves are lazy chunks (app/page-table.ts).
 */
export const CHUNK_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
];

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // .vite/manifest.json (not served): which files a page loads, for the bench and the bundle test.
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
