// A model change must come with a migration for both providers: CI fails otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layout } from '../../prisma/migrate/layout';
import { lockfileContent } from '../../prisma/migrate/migrations-dir';
import { postgresSchemaFrom } from '../../prisma/migrate/postgres-schema';
import { migrationDrift, sqliteScratchUrl } from '../../scripts/db/engine-dev';
import { emptyPostgresDb, postgresAvailable, type EmptyDb } from '../support/db';

const read = (path: string) => readFileSync(path, 'utf8');
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** The canonical schema with one field more and no migration for it. */
const changedSchema = () =>
  read(layout.sqlite.schemaPath).replace(/(model MailOutbox \{)/, '$1\n  priority Int @default(0)');

const fix = 'run `npm run db:new-migration <name>` and commit the new folders';

describe('schemas and migrations stay in sync', () => {
  it('prisma/postgres/schema.prisma is what `npm run db:generate` writes from prisma/schema.prisma', () => {
    expect(read(layout.postgresql.schemaPath)).toBe(postgresSchemaFrom(read(layout.sqlite.schemaPath)));
  });

  it('both providers have the same migration folders and the right lockfile', () => {
    expect(folders(layout.postgresql.migrationsDir)).toEqual(folders(layout.sqlite.migrationsDir));
    expect(read(join(layout.sqlite.migrationsDir, 'migration_lock.toml'))).toBe(lockfileContent('sqlite'));
    expect(read(join(layout.postgresql.migrationsDir, 'migration_lock.toml'))).toBe(lockfileContent('postgresql'));
  });

  it('the SQLite migrations produce exactly prisma/schema.prisma', async () => {
    const drift = await migrationDrift(sqliteScratchUrl);
    expect(drift, `schema changed without a migration: ${fix}`).toBe('');
  });

  it('the check notices a model change that has no migration', async () => {
    expect(await migrationDrift(sqliteScratchUrl, changedSchema())).toMatch(/"priority"/);
  });

  describe.skipIf(!postgresAvailable())('on PostgreSQL', () => {
    let db: EmptyDb;
    beforeAll(async () => {
      db = await emptyPostgresDb();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('the PostgreSQL migrations produce exactly the PostgreSQL schema', async () => {
      const drift = await migrationDrift(db.url);
      expect(drift, `schema changed without a migration: ${fix}`).toBe('');
    });

    it('the check notices a model change that has no migration', async () => {
      expect(await migrationDrift(db.url, postgresSchemaFrom(changedSchema()))).toMatch(/ADD COLUMN\s+"priority"/);
    });

    it('leaves no shadow database behind', async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
        expect(rows).toEqual([]);
      } finally {
        await client.end();
      }
    });
  });
});
