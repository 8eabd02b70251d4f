// Users, kept by administrators: add, change name, e-mail, language and organisation, grant and
// revoke roles (never the last administrator's). Every write has a reason and is in the change
// log (GET /api/admin/changes). A role change applies to tokens issued after it.
import type { ApiDeps } from '../deps';
import { pageOf } from '../http/paging';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { usersService } from './service';

const TAGS = ['Users'];
const ADMIN = ['admin'] as const;

export function userRoutes(deps: ApiDeps): RouteDef[] {
  const service = usersService(deps);
  const path = '/api/admin/users';
  const changed = { 200: { description: 'The user after the change.', schema: s.userSchema } };
  return [
    route({
      id: 'listUsers',
      method: 'get',
      path,
      summary: 'Users by role and organisation, or matching a search text',
      tags: TAGS,
      access: ADMIN,
      query: s.userListQuery,
      responses: { 200: { description: 'One page.', schema: pageOf(s.userSchema) } },
      async handler({ query }) {
        const { items, total } = await service.list(query);
        return ok({ items, page: query.page, pageSize: query.pageSize, total });
      },
    }),
    route({
      id: 'getUser',
      method: 'get',
      path: `${path}/:id`,
      summary: 'One user with their roles',
      tags: TAGS,
      access: ADMIN,
      params: s.userParams,
      responses: { 200: { description: 'The user.', schema: s.userSchema } },
      handler: async ({ params }) => ok(await service.get(params.id)),
    }),
    route({
      id: 'addUser',
      method: 'post',
      path,
      summary: 'Add a user with roles (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      body: s.addUserBody,
      responses: { 201: { description: 'The user.', schema: s.userSchema }, 409: { description: 'The id or the e-mail is taken.' } },
      async handler({ actor, body }) {
        const u = await service.add(actor, body);
        return created(u, `${path}/${encodeURIComponent(u.id)}`);
      },
    }),
    route({
      id: 'editUser',
      method: 'patch',
      path: `${path}/:id`,
      summary: 'Change a user’s name, e-mail, mail language or organisation (reason required)',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.userParams,
      body: s.editUserBody,
      responses: { ...changed, 409: { description: 'The e-mail is another user’s.' } },
      handler: async ({ actor, params, body }) => ok(await service.edit(actor, params.id, body)),
    }),
    route({
      id: 'grantRole',
      method: 'post',
      path: `${path}/:id/roles`,
      summary: 'Grant a role (reason required)',
      description: 'To put someone in the expert pool, appoint them (POST /api/admin/experts): that grants the role too.',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.userParams,
      body: s.grantRoleBody,
      responses: { ...changed, 409: { description: 'The user has the role already.' } },
      handler: async ({ actor, params, body }) => ok(await service.grantRole(actor, params.id, body)),
    }),
    route({
      id: 'revokeRole',
      method: 'delete',
      path: `${path}/:id/roles/:role`,
      summary: 'Revoke a role (reason required); never the last administrator’s',
      tags: TAGS,
      access: ADMIN,
      limit: 'mutation',
      params: s.roleParams,
      body: s.reasonBody,
      responses: { ...changed, 409: { description: 'The user lacks the role, is the last administrator, or serves in the expert pool.' } },
      handler: async ({ actor, params, body }) => ok(await service.revokeRole(actor, params.id, params.role, body)),
    }),
  ];
}
