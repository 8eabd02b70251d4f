// The web pages (web/): `npm run web:build` writes web/dist, which the API serves at / when it
// exists; `npm run web:dev` serves them with hot reload and sends /api to the API on :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
