// Retention (personal information law): the worker deletes the files of dossiers past their
// period every hour; an administrator can run the sweep now and see what it deleted.
import { z } from 'zod';
import { sweepRetention } from '../../records/retention';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';

export function retentionRoutes({ db, objects, now }: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'sweepRetention',
      method: 'post',
      path: '/api/admin/retention/sweep',
      summary: 'Delete the files of dossiers past their retention period now (the worker does it hourly)',
      description: 'Cases that ended without a title keep their files for the retention days of the policy they pinned; drafts untouched that long go entirely. Each deletion is on the case’s audit trail; records and hashes stay.',
      tags: ['Administration'],
      access: ['admin'],
      limit: 'mutation',
      responses: {
        200: {
          description: 'What was deleted.',
          schema: z.object({ cases: z.array(z.object({ applicationId: z.string(), materials: z.number(), objects: z.number() })), drafts: z.array(z.string()) }),
        },
      },
      handler: async () => ok(await sweepRetention(db, objects, now())),
    }),
  ];
}
