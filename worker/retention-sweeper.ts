import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { Db } from '../prisma/client';
import type { ObjectStore } from '../records/objects/store';
import { sweepRetention } from '../records/retention';

/**
 * Deletes the files of dossiers past their retention period (records/retention.ts), every hour.
 * Several workers may sweep at once: a purge is idempotent.
 */
export function startRetentionSweeper(deps: { db: Db; objects: ObjectStore; clock: Clock }, logger: Logger, everyMs = 3_600_000) {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sweepRetention(deps.db, deps.objects, deps.clock());
      if (r.cases.length || r.drafts.length) logger.info({ cases: r.cases.length, drafts: r.drafts.length }, 'retention sweep');
    } catch (err) {
      logger.warn({ err }, 'retention sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
