// Usage: npm run db:new-migration <name>
// Creates the next migration for BOTH providers from prisma/schema.prisma, under one folder name:
// prisma/migrations/<timestamp>_<name> and prisma/postgres/migrations/<timestamp>_<name>.
// PostgreSQL needs a server: POSTGRES_DEV_URL (a URL allowed to CREATE DATABASE), else a
// throw-away local cluster is started.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layout } from '../../prisma/migrate/layout';
import { writeMigration } from '../../prisma/migrate/migrations-dir';
import { writePostgresSchemaFile } from '../../prisma/migrate/postgres-schema';
import { startLocalPostgres } from '../postgres/local';
import { migrationDrift, migrationFolderName, sqliteScratchUrl } from './engine-dev';

async function withPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.POSTGRES_DEV_URL) return fn(process.env.POSTGRES_DEV_URL);
  const dataDir = await mkdtemp(join(tmpdir(), 'new-migration-pg-'));
  const server = await startLocalPostgres({ dataDir });
  try {
    return await fn(server.url);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(name: string | undefined): Promise<number> {
  if (!name || !/^[A-Za-z0-9_]+$/.test(name)) {
    console.error('usage: npm run db:new-migration <name>   (letters, digits, underscores)');
    return 2;
  }
  if (writePostgresSchemaFile()) console.log(`updated ${layout.postgresql.schemaPath}`);

  const sqlite = await migrationDrift(sqliteScratchUrl);
  const postgres = await withPostgres(migrationDrift);
  if (!sqlite && !postgres) {
    console.log('No schema changes: no migration created.');
    return 0;
  }
  const folder = migrationFolderName(name);
  if (sqlite) console.log(`created ${await writeMigration(layout.sqlite.migrationsDir, 'sqlite', folder, `${sqlite}\n`)}`);
  if (postgres) {
    console.log(`created ${await writeMigration(layout.postgresql.migrationsDir, 'postgresql', folder, `${postgres}\n`)}`);
  }
  if (!sqlite || !postgres) console.warn('Only one provider changed: are the two schemas out of sync?');
  console.log('Review the SQL, then regenerate the clients: npm run db:generate');
  return 0;
}

// The wasm engine can keep the event loop alive for a minute after it is done.
main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
