import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { layout, type Provider } from './layout';

const header = `// GENERATED from prisma/schema.prisma by scripts/db/generate.ts: do not edit. Edit that file and
// run \`npm run db:generate\`; the models are the same, only the provider and output differ.

`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find ${what}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL variant of the canonical SQLite schema. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  let text = replaceOnce(
    sqliteSchema,
    /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource provider "sqlite"',
  );
  text = replaceOnce(
    text,
    /(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"\.\/generated\/sqlite"/,
    '$1"../generated/postgres"',
    'generator output "./generated/sqlite"',
  );
  return header + text;
}

/** The schema each provider migrates to. PostgreSQL's is derived in memory, so it never lags. */
export function schemaFor(provider: Provider): { path: string; content: string } {
  const canonical = readFileSync(layout.sqlite.schemaPath, 'utf8');
  const content = provider === 'sqlite' ? canonical : postgresSchemaFrom(canonical);
  return { path: layout[provider].schemaPath, content };
}

/** Writes prisma/postgres/schema.prisma when it differs (a needless write would trigger regeneration). */
export function writePostgresSchemaFile(): boolean {
  const { path, content } = schemaFor('postgresql');
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}
