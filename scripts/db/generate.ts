// Writes prisma/postgres/schema.prisma from the canonical prisma/schema.prisma, then generates
// both Prisma clients (prisma/generated/{sqlite,postgres}, git-ignored). Works offline thanks to
// the stub engine path set in prisma.config.ts.
import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layout } from '../../prisma/migrate/layout';
import { writePostgresSchemaFile } from '../../prisma/migrate/postgres-schema';

const root = fileURLToPath(new URL('../..', import.meta.url));

if (writePostgresSchemaFile()) console.log(`wrote ${relative(root, layout.postgresql.schemaPath)}`);

for (const schemaPath of [layout.sqlite.schemaPath, layout.postgresql.schemaPath]) {
  execFileSync('npx', ['--no-install', 'prisma', 'generate', '--schema', relative(root, schemaPath)], {
    cwd: root,
    stdio: 'inherit',
  });
}
