import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { migrationConnection } from './adapter-factory';
import { providerOf } from './layout';
import { schemaFor } from './postgres-schema';

export type SchemaEngine = glue.SchemaEngine;

// The project's lib (ES2022, no DOM) has no WebAssembly typings: declare the one call used.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// Prisma's schema engine compiled to WebAssembly: the same migration logic as the native engine
// the CLI cannot download offline. The glue is a singleton, so the module is instantiated once.
let loaded: Promise<typeof glue.SchemaEngine> | undefined;
function loadSchemaEngine(): Promise<typeof glue.SchemaEngine> {
  loaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return loaded;
}

// When a driver adapter throws, the engine only reports "External error id#N"; the real error
// waits in the adapter's registry.
function surface(error: unknown, registry: ErrorRegistry): unknown {
  const message = String((error as Error)?.message ?? error);
  const causes: unknown[] = [];
  const detailed = message.replace(/External error id#(\d+)/g, (match, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return match;
    causes.push(record.error);
    return `${match}: ${String((record.error as Error)?.message ?? record.error)}`;
  });
  if (causes.length === 0) return error;
  const { name, code } = error as { name?: string; code?: string };
  return Object.assign(new Error(detailed, { cause: causes[0] }), { name, code, engineError: error });
}

const log = (line: string) => {
  if (process.env.DEBUG?.includes('schema-engine')) console.error(`[schema-engine] ${line}`);
};

/** Runs `fn` with a schema engine connected to `databaseUrl`, then frees it and its connections. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngine = await loadSchemaEngine();
  const schema = schemaFor(providerOf(databaseUrl));
  const connection = migrationConnection(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(connection.factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
    return await fn(engine);
  } catch (error) {
    throw surface(error, adapter.errorRegistry);
  } finally {
    engine?.free();
    await connection.close();
  }
}
