// Development sign-in: the demo users and a token for any of them, as `npm run token` mints it.
// Mounted only when the deployment runs in development mode (TL_DEV_MODE=true, which a
// production deployment refuses at start-up); otherwise these paths are absent (404).
import { z } from 'zod';
import { getUser, listUsers } from '../../records/users';
import { ROLES, type Role } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { refusedAsProblem } from '../http/refusals';
import { ok, route, type RouteDef } from '../http/route';
import { notFound } from '../problem';

const TAGS = ['Development'];

const devUser = z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), organisationId: z.string().nullable() });

export function devRoutes({ db, devTokens }: ApiDeps): RouteDef[] {
  if (!devTokens) return [];
  return [
    route({
      id: 'devUsers',
      method: 'get',
      path: '/api/dev/users',
      summary: 'Development only: the users one may sign in as (absent unless TL_DEV_MODE=true)',
      tags: TAGS,
      access: 'public',
      limit: 'public',
      responses: { 200: { description: 'Every user with a role, by id.', schema: z.object({ items: z.array(devUser) }) } },
      async handler() {
        const { items } = await listUsers(db, {}, { skip: 0, take: 500 });
        return ok({ items: items.filter((u) => u.roles.length).map((u) => ({ id: u.id, name: u.name, roles: u.roles, organisationId: u.organisationId })) });
      },
    }),
    route({
      id: 'devToken',
      method: 'post',
      path: '/api/dev/token',
      summary: 'Development only: a bearer token for a user, as `npm run token` mints it (absent unless TL_DEV_MODE=true)',
      tags: TAGS,
      access: 'public',
      limit: 'public',
      body: z.object({ userId: z.string().min(1).max(200) }),
      responses: { 200: { description: 'The token and whom it names.', schema: z.object({ token: z.string(), user: devUser }) } },
      async handler({ body }) {
        const { userId } = body();
        const u = await refusedAsProblem(() => getUser(db, userId));
        if (!u.roles.length) throw notFound();
        const roles = u.roles as Role[];
        const token = await devTokens({ id: u.id, roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) });
        return ok({ token, user: { id: u.id, name: u.name, roles, organisationId: u.organisationId } });
      },
    }),
  ];
}
