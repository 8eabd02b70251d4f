// Migrations apply from empty, re-applying is a no-op, concurrent starts do not collide, and the
// history table looks like the one `prisma migrate deploy` keeps.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { layout } from '../../prisma/migrate/layout';
import { providers, type EmptyDb } from '../support/db';

const committed = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number | bigint;
}

describe.each(providers)('migrations on $name', ({ name, empty, skip }) => {
  const dir = layout[name].migrationsDir;
  let db: EmptyDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    if (skip) return;
    db = await empty();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it.skipIf(skip)('apply from empty, then a second apply is a no-op', async () => {
    const first = await applyMigrations(db.url);
    expect(first.applied).toEqual(committed(dir));
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
  });

  it.skipIf(skip)('record each migration in _prisma_migrations with its checksum', async () => {
    prisma = createPrisma(db.url);
    const rows = await prisma.$queryRawUnsafe<HistoryRow[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed(dir));
    for (const row of rows) {
      const sql = readFileSync(join(dir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it.skipIf(name !== 'sqlite')('write SQLite history timestamps as integer milliseconds, like the native engine', async () => {
    const [row] = await prisma.$queryRawUnsafe<{ started: string; finished: string }[]>(
      'SELECT typeof(started_at) AS started, typeof(finished_at) AS finished FROM _prisma_migrations',
    );
    expect(row).toEqual({ started: 'integer', finished: 'integer' });
  });

  it.skipIf(skip)('let two starts race on an empty database: one applies, the other finds nothing to do', async () => {
    const other = await empty();
    try {
      const results = await Promise.all([applyMigrations(other.url), applyMigrations(other.url)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(committed(dir));
    } finally {
      await other.drop();
    }
  });
});
