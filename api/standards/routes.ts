// Layered, classified standards (分层分类, DOMAIN §2): administrators publish a new version of a
// series × level × track standard and list the versions. A version is never edited: running
// cases keep the one they pinned, new title applications and admissions take the newest.
import { z } from 'zod';
import type { AppraisalPolicy } from '../../domain/appraisal/policy';
import { listStandards, publishStandard, VersionConflict, type StandardRules } from '../../records/publishing';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import { badRequest, conflict } from '../problem';
import * as s from './schemas';
import { phrase } from '../../domain/words/say';

const TAGS = ['Standards'];

const view = (row: { id: string; series: string; level: string; track: string; version: number; rules: unknown; publishedAt: Date; publishedBy: string }) => ({
  ...row,
  rules: row.rules as StandardRules,
  publishedAt: row.publishedAt.toISOString(),
});

export function standardRoutes({ db, now }: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'publishStandard',
      method: 'post',
      path: '/api/standards',
      summary: 'Publish a new version of a standard (series × level × track)',
      description: 'The version number is the next one for its series, level and track. Cases that started before keep the version they pinned.',
      tags: TAGS,
      access: ['admin'],
      limit: 'mutation',
      body: s.publishStandardBody,
      responses: {
        201: { description: 'The new version.', schema: s.standardSchema },
        409: { description: 'Another version was published at the same moment.' },
      },
      async handler({ actor, body }) {
        const b = body();
        const policy = await db.policy.findFirst({ where: { key: 'appraisal' }, orderBy: { version: 'desc' } });
        if (!(policy?.values as AppraisalPolicy | undefined)?.tracks[b.track]) {
          throw badRequest(phrase('problem.unknown-track'), [{ path: 'body.track', message: `no track ${b.track} in the appraisal policy in force` }]);
        }
        try {
          const row = await publishStandard(db, { ...b, rules: b.rules as StandardRules, publishedBy: actor.id, at: now() });
          return created(view(row), `/api/standards?series=${encodeURIComponent(row.series)}&level=${row.level}&track=${encodeURIComponent(row.track)}`);
        } catch (err) {
          if (err instanceof VersionConflict) throw conflict(err.phrase);
          throw err;
        }
      },
    }),
    route({
      id: 'listStandards',
      method: 'get',
      path: '/api/standards',
      summary: 'Every version of the standards, oldest first, filtered by series, level and track',
      tags: TAGS,
      access: ['admin', 'authority'],
      query: s.listStandardsQuery,
      responses: { 200: { description: 'The versions.', schema: z.object({ items: z.array(s.standardSchema) }) } },
      handler: async ({ query }) => ok({ items: (await listStandards(db, query)).map(view) }),
    }),
  ];
}
