// A database of its own for each test file (or each test that asks): never shared, never truncated.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { pgExec, withDatabase } from '../../prisma/migrate/adapter-factory';
import { applyMigrations } from '../../prisma/migrate';

export interface EmptyDb {
  url: string;
  /** Deletes the database. */
  drop(): Promise<void>;
}

export interface TestDb {
  url: string;
  prisma: PrismaClient;
  /** Disconnects and deletes the database. */
  cleanup(): Promise<void>;
}

/** Whether the run has a PostgreSQL cluster (see test/global-setup.ts). */
export const postgresAvailable = (): boolean => inject('pgAdminUrl') !== '';

/** A path for a new SQLite file in a temp folder; nothing is created yet. */
export async function emptySqliteDb(): Promise<EmptyDb> {
  const dir = await mkdtemp(join(tmpdir(), 'tl-test-sqlite-'));
  return { url: `file:${join(dir, 'app.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** A new, empty database on the run's PostgreSQL cluster. */
export async function emptyPostgresDb(): Promise<EmptyDb> {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL in this run: guard the test with postgresAvailable()');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await pgExec(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => pgExec(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function migrated(empty: EmptyDb): Promise<TestDb> {
  await applyMigrations(empty.url);
  const prisma = createPrisma(empty.url);
  return {
    url: empty.url,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      await empty.drop();
    },
  };
}

/** A new SQLite file, migrations applied. */
export const freshSqliteDb = async (): Promise<TestDb> => migrated(await emptySqliteDb());

/** A new PostgreSQL database, migrations applied. Guard with postgresAvailable(). */
export const freshPostgresDb = async (): Promise<TestDb> => migrated(await emptyPostgresDb());

/** Both providers, for `describe.each(providers)`; `skip` is set when PostgreSQL is unavailable. */
export const providers = [
  { name: 'sqlite' as const, empty: emptySqliteDb, fresh: freshSqliteDb, skip: false },
  { name: 'postgresql' as const, empty: emptyPostgresDb, fresh: freshPostgresDb, skip: !postgresAvailable() },
];
