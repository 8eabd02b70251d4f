// Development-time uses of the schema engine: drafting a migration and checking for drift, both
// as `prisma migrate diff --from-migrations --to-schema --script`. The wasm engine's own
// createMigration cannot use an adapter's shadow database ("shadow DB must be provided through an
// external factory"), while diff can. Replaying the migrations needs a shadow database: PostgreSQL
// needs a server (and CREATEDB on it); SQLite uses a private in-memory database.
import { systemClock } from '../../domain/clock';
import { withSchemaEngine } from '../../prisma/migrate/engine';
import { layout, providerOf } from '../../prisma/migrate/layout';
import { lockfileContent, noFilters, readMigrationsList } from '../../prisma/migrate/migrations-dir';
import { schemaFor } from '../../prisma/migrate/postgres-schema';

/** A database URL for SQLite work that touches no real database. */
export const sqliteScratchUrl = 'file::memory:';

/**
 * The SQL that takes the committed migrations to the schema ('' when there is none). The schema
 * is the provider's current one unless `schemaContent` is given.
 */
export async function migrationDrift(databaseUrl: string, schemaContent?: string): Promise<string> {
  const provider = providerOf(databaseUrl);
  const schema = schemaFor(provider);
  const list = await readMigrationsList(layout[provider].migrationsDir);
  // The engine tells the provider from the lockfile; the very first migration has none yet.
  list.lockfile.content ??= lockfileContent(provider);
  const result = await withSchemaEngine(databaseUrl, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...list },
      to: { tag: 'schemaDatamodel', files: [{ path: schema.path, content: schemaContent ?? schema.content }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    }),
  );
  return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
}

/** `<timestamp>_<name>`, the CLI's folder name: UTC, to the second. */
export function migrationFolderName(name: string, now = systemClock()): string {
  return `${now.toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
}
