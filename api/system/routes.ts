import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';

export function systemRoutes(_deps: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'health',
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the API process answers',
      tags: ['System'],
      access: 'public',
      responses: { 200: { description: 'Alive.', schema: z.object({ status: z.literal('ok') }) } },
      handler: async () => ok({ status: 'ok' }),
    }),
  ];
}
