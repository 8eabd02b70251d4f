import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

const prismaDir = (rel: string) => fileURLToPath(new URL(`../${rel}`, import.meta.url));

/** Where each provider's schema and migrations live: the standard layout the Prisma CLI reads. */
export const layout: Record<Provider, { schemaPath: string; migrationsDir: string }> = {
  sqlite: { schemaPath: prismaDir('schema.prisma'), migrationsDir: prismaDir('migrations') },
  postgresql: {
    schemaPath: prismaDir('postgres/schema.prisma'),
    migrationsDir: prismaDir('postgres/migrations'),
  },
};

/** The URL without its credentials, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error(`Unsupported database URL "${redactUrl(databaseUrl)}": use file:… or postgresql://…`);
}
