// Who the caller is, as the pages show it: their name, roles and organisation by name (the
// application wizard names the employer, not its id).
import { z } from 'zod';
import { ROLES } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';

const me = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
});

export function meRoutes({ db }: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'me',
      method: 'get',
      path: '/api/me',
      summary: 'The caller: name, roles and organisation (by name)',
      tags: ['Users'],
      access: ROLES,
      responses: { 200: { description: 'The caller.', schema: me } },
      async handler({ actor }) {
        const [user, org] = await Promise.all([
          db.user.findUnique({ where: { id: actor.id } }),
          actor.organisationId ? db.organisation.findUnique({ where: { id: actor.organisationId } }) : null,
        ]);
        return ok({ id: actor.id, name: user?.name ?? actor.id, roles: [...actor.roles], organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null });
      },
    }),
  ];
}
