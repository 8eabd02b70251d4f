// Supervision tests: reports go in through the API's own use-case (api/supervision-reports/service.ts)
// against the assessment environment's worker, database and time-skipping server.
import type { z } from 'zod';
import type { ApiDeps } from '../../api/deps';
import type { reportBody } from '../../api/supervision-reports/schemas';
import { supervisionService } from '../../api/supervision-reports/service';
import type { MembershipEffect } from '../../domain/supervision/types';
import type { Actor } from '../../domain/types';
import type { AssessmentEnv } from '../assessment/support/env';

export type ReportBody = Omit<z.input<typeof reportBody>, 'evidence' | 'facts'> & { facts?: Record<string, unknown>; evidence?: string[] };

export function reporting(t: AssessmentEnv) {
  const service = supervisionService({ db: t.db, temporal: t.env.client, taskQueue: t.taskQueue, now: t.clock } as unknown as ApiDeps);
  const today = () => t.clock().toISOString().slice(0, 10);
  return {
    service,
    today,
    async report(actor: Actor, body: ReportBody, key?: string) {
      const r = await service.report(actor, () => ({ facts: {}, evidence: [], ...body }), key);
      return r.report;
    },
    /** The report row once its workflow has recorded what it did to each membership. */
    async applied(id: string, timeoutMs = 30_000) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const row = await t.db.supervisionReport.findUniqueOrThrow({ where: { id } });
        const effects = row.effects as unknown as MembershipEffect[];
        if (effects.length) return { row, effects };
        if (performance.now() > until) throw new Error(`report ${id} never applied; status ${row.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Polls the database until `ready` answers something. */
    async until<T>(what: string, ready: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
      const end = performance.now() + timeoutMs;
      for (;;) {
        const v = await ready();
        if (v) return v;
        if (performance.now() > end) throw new Error(`never: ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
