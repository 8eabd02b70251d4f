import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

// The engine replays migration files on the shadow database with executeRaw, which both drivers
// reject for multi-statement SQL ("contains more than one statement", "cannot insert multiple
// commands into a prepared statement"). A parameterless statement can be run as a script instead.
const multiStatement = /more than one statement|multiple commands/i;

function describe(error: unknown): string {
  const e = error as { message?: unknown; cause?: unknown };
  return `${String(e?.message ?? '')} ${JSON.stringify(e?.cause ?? '')}`;
}

/**
 * Wraps a driver adapter so parameterless multi-statement executeRaw calls are retried as scripts,
 * and runs `onDispose` after the adapter is disposed (once).
 */
export function migrationAdapter(inner: SqlDriverAdapter, onDispose?: () => Promise<void>): SqlDriverAdapter {
  let disposed: Promise<void> | undefined;
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => inner.queryRaw(q),
    executeRaw: async (q) => {
      try {
        return await inner.executeRaw(q);
      } catch (error) {
        if (q.args.length > 0 || !multiStatement.test(describe(error))) throw error;
        await inner.executeScript(q.sql);
        return 0;
      }
    },
    executeScript: (s) => inner.executeScript(s),
    startTransaction: (level) => inner.startTransaction(level),
    dispose: () => (disposed ??= inner.dispose().then(() => onDispose?.())),
  };
  if (inner.getConnectionInfo) adapter.getConnectionInfo = () => inner.getConnectionInfo!();
  return adapter;
}
