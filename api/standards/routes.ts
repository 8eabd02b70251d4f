// Layered, classified standards (分层分类, DOMAIN §2): administrators publish a new version of a
// series × level × track standard and list the versions. A version is never edited: running
// cases keep the one they pinned, new title applications and admissions take the newest.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { standardsService } from './service';

const TAGS = ['Standards'];

export function standardRoutes(deps: ApiDeps): RouteDef[] {
  const service = standardsService(deps);
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
        const row = await service.publish(actor, body());
        return created(row, `/api/standards?series=${encodeURIComponent(row.series)}&level=${row.level}&track=${encodeURIComponent(row.track)}`);
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
      handler: async ({ query }) => ok({ items: await service.list(query) }),
    }),
  ];
}
