import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresPrismaClient } from './generated/postgres/client';
import { Prisma, PrismaClient } from './generated/sqlite/client';
import { providerOf } from './migrate/layout';
import { prepareSqliteFile, sqliteBusyTimeoutMs, sqliteTimestampFormat } from './sqlite-file';

export { Prisma, PrismaClient };
/** The database handle the rest of the code receives. */
export type Db = PrismaClient;
/** What `db.$transaction(async (tx) => …)` hands to its callback. */
export type DbTx = Prisma.TransactionClient;

/** A Prisma client for `file:` (SQLite) or `postgres(ql)://` URLs. Call `$disconnect()` when done. */
export function createPrisma(databaseUrl: string): PrismaClient {
  if (providerOf(databaseUrl) === 'sqlite') {
    prepareSqliteFile(databaseUrl);
    const adapter = new PrismaBetterSqlite3(
      { url: databaseUrl, timeout: sqliteBusyTimeoutMs },
      { timestampFormat: sqliteTimestampFormat },
    );
    return new PrismaClient({ adapter });
  }
  // Generated from the same models, so the API is identical; only the SQL dialect differs.
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}
