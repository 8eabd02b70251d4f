import { prepareSqliteFile } from '../sqlite-file';
import { withSchemaEngine } from './engine';
import { layout, providerOf, redactUrl } from './layout';
import { noFilters, readMigrationsList } from './migrations-dir';

/**
 * Applies the committed migrations of the URL's provider (`prisma migrate deploy`, offline).
 * Safe to call at every start, also from several processes at once: applied ones are skipped.
 */
export async function applyMigrations(databaseUrl: string): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite') prepareSqliteFile(databaseUrl);
  const migrationsList = await readMigrationsList(layout[provider].migrationsDir);
  try {
    return await withSchemaEngine(databaseUrl, async (engine) => {
      // Diagnosing a database without _prisma_migrations fails (P1014); an empty apply creates it.
      await engine.applyMigrations({ migrationsList: { ...migrationsList, migrationDirectories: [] }, filters: noFilters });
      const history = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilters });
      if (history.failedMigrationNames.length > 0) {
        throw new Error(
          `migrations failed earlier and need repair by hand: ${history.failedMigrationNames.join(', ')}`,
        );
      }
      if (history.editedMigrationNames.length > 0) {
        console.warn(`[migrate] migrations edited after they were applied: ${history.editedMigrationNames.join(', ')}`);
      }
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return { applied: appliedMigrationNames };
    });
  } catch (error) {
    // The engine's messages rarely say which database they are about.
    const { message, code } = error as { message?: string; code?: string };
    throw Object.assign(new Error(`applying migrations to ${redactUrl(databaseUrl)}: ${message ?? String(error)}`, { cause: error }), { code });
  }
}
