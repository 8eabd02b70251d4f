import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The CLI insists on a native schema engine before `generate`, and cannot download one offline.
// `generate` only checks that the file exists; a real engine set by the user still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/db/schema-engine-offline', import.meta.url),
);

const url = process.env.DATABASE_URL ?? 'file:./data/app.db';
// Online, `prisma migrate deploy` against PostgreSQL must read the PostgreSQL variant and its
// migrations, not the SQLite ones.
const dir = /^postgres(ql)?:\/\//.test(url) ? 'prisma/postgres' : 'prisma';

export default defineConfig({
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  datasource: { url },
});
