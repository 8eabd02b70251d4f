import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { sqliteTimestampFormat } from '../sqlite-file';
import { providerOf } from './layout';
import { CatalogTextClient } from './pg-catalog-client';
import { migrationAdapter } from './script-fallback';

export interface MigrationConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every adapter the engine opened (it does not always do so itself). */
  close(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export async function pgExec(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function migrationConnection(databaseUrl: string): MigrationConnection {
  const opened: SqlDriverAdapter[] = [];
  const track = (a: SqlDriverAdapter) => (opened.push(a), a);
  const close = async () => {
    await Promise.all(opened.splice(0).map((a) => a.dispose()));
  };

  if (providerOf(databaseUrl) === 'sqlite') {
    // The shadow database defaults to a private :memory: database: nothing to clean up.
    const base = new PrismaBetterSqlite3({ url: databaseUrl }, { timestampFormat: sqliteTimestampFormat });
    return {
      close,
      factory: {
        provider: base.provider,
        adapterName: base.adapterName,
        connect: async () => track(migrationAdapter(await base.connect())),
        connectToShadowDb: async () => track(migrationAdapter(await base.connectToShadowDb())),
      },
    };
  }

  const config = { connectionString: databaseUrl, Client: CatalogTextClient };
  const base = new PrismaPg(config);
  return {
    close,
    factory: {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => track(migrationAdapter(await base.connect())),
      // adapter-pg's own shadow connection reuses the main connection string, i.e. the main
      // database. A temporary database of our own (needs CREATEDB) is a real, empty shadow.
      connectToShadowDb: async () => {
        const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
        await pgExec(databaseUrl, `CREATE DATABASE "${name}"`);
        const shadow = new PrismaPg({ ...config, connectionString: withDatabase(databaseUrl, name) });
        return track(
          migrationAdapter(await shadow.connect(), () =>
            pgExec(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
          ),
        );
      },
    },
  };
}
