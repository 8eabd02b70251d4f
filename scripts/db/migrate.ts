// Usage: npm run db:migrate   (DATABASE_URL, default file:./data/app.db)
// Applies the committed migrations for the URL's provider: `prisma migrate deploy`, offline.
import { applyMigrations } from '../../prisma/migrate';

const url = process.env.DATABASE_URL ?? 'file:./data/app.db';
const started = performance.now();
applyMigrations(url).then(
  ({ applied }) => {
    const list = applied.length ? applied.join(', ') : 'none (database up to date)';
    console.log(`[migrate] applied ${list} in ${performance.now() - started} ms`);
    // The wasm engine can keep the event loop alive after it is done.
    process.exit(0);
  },
  (error: unknown) => {
    console.error('[migrate] failed:', error);
    process.exit(1);
  },
);
