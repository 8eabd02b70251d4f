// How the pages sign in: GET /api/auth/config says which way this deployment offers (the
// development sign-in, the identity provider's code flow with PKCE, or none) and what the
// browser needs for it; GET /api/auth/me says whom a token names, as the API maps its claims.
import { z } from 'zod';
import { findUser } from '../../records/users';
import { ROLES } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';

const TAGS = ['Sign-in'];

const signInConfig = z.object({
  mode: z.enum(['dev', 'oidc', 'none']).describe('dev: the development sign-in (/api/dev/…); oidc: the identity provider; none: no sign-in is offered here'),
  issuer: z.string().optional(),
  clientId: z.string().optional(),
  scopes: z.string().optional(),
  bearer: z.enum(['id_token', 'access_token']).optional(),
});

export function authRoutes({ db, devTokens, oidc }: ApiDeps): RouteDef[] {
  const config: z.infer<typeof signInConfig> = oidc ? { mode: 'oidc', ...oidc } : devTokens ? { mode: 'dev' } : { mode: 'none' };
  return [
    route({
      id: 'signInConfig',
      method: 'get',
      path: '/api/auth/config',
      summary: 'How the pages sign in here: development sign-in, the identity provider (issuer, client id, scopes) or none',
      tags: TAGS,
      access: 'public',
      limit: 'public',
      responses: { 200: { description: 'The sign-in this deployment offers.', schema: signInConfig } },
      handler: async () => ok(config, { 'Cache-Control': 'public, max-age=300' }),
    }),
    route({
      id: 'me',
      method: 'get',
      path: '/api/auth/me',
      summary: "Whom the bearer token names: the id, roles and organisation the API reads from its claims, the user's name and the organisation's",
      tags: TAGS,
      access: ROLES,
      responses: {
        200: {
          description: 'The signed-in user (the name is the id when the user is not on record).',
          schema: z.object({
            id: z.string(),
            name: z.string(),
            roles: z.array(z.enum(ROLES)),
            organisationId: z.string().nullable(),
            // The wizard names the employer, not its id.
            organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
          }),
        },
      },
      async handler({ actor }) {
        const [u, org] = await Promise.all([findUser(db, actor.id), actor.organisationId ? db.organisation.findUnique({ where: { id: actor.organisationId } }) : null]);
        return ok({ id: actor.id, name: u?.name ?? actor.id, roles: actor.roles, organisationId: actor.organisationId ?? null, organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null });
      },
    }),
  ];
}
