import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * DateTime columns as integer milliseconds: what the native schema engine writes into
 * _prisma_migrations, and what the app writes too, so both agree on one format.
 */
export const sqliteTimestampFormat = 'unixepoch-ms' as const;

/** How long a writer waits for another process's lock before failing with SQLITE_BUSY. */
export const sqliteBusyTimeoutMs = 10_000;

/** The file behind a `file:` URL, resolved like better-sqlite3 does (relative to the cwd). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

/**
 * Creates the file's folder and switches the database to WAL, so a worker and an API process can
 * share one file (readers never block the writer). WAL is persistent, so doing it once is enough.
 */
export function prepareSqliteFile(url: string): void {
  const path = sqliteFilePath(url);
  if (path === ':memory:' || path === '') return;
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: sqliteBusyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}
